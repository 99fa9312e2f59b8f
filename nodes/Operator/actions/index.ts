import type { Resource } from '../../common/router';
import { closeChat } from './chat/closeChat.operation';
import { selectDestination } from './chat/selectDestination.operation';
import { sendFile } from './chat/sendFile.operation';
import { sendText } from './chat/sendText.operation';

export const operatorResources: Resource[] = [
	{
		value: 'chat',
		name: 'Chat',
		description: 'A client\'s chat with an agent, handed over by the bot',
		operations: [sendText, sendFile, closeChat, selectDestination],
	},
];
