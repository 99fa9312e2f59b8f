import type { Resource } from '../../common/router';
import { closeChat } from './chat/closeChat.operation';
import { selectAgentGroup } from './chat/selectAgentGroup.operation';
import { sendFile } from './chat/sendFile.operation';
import { sendText } from './chat/sendText.operation';

/** Operations in the dropdown sorted by name (docs/architecture.md, "Editor rules"). */
export const operatorResources: Resource[] = [
	{
		value: 'chat',
		name: 'Chat',
		description: "A client's chat with an agent, handed over by the bot",
		operations: [closeChat, selectAgentGroup, sendFile, sendText],
	},
];
