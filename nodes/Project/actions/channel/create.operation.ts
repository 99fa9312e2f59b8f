import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defaultProject, projectIdOf, projectOptions } from '../../../common/projects';
import { settingsCollection } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import {
	channelBodyOf,
	channelFields,
	channelOut,
	channelTypeOptions,
	simplifyField,
} from './common';

export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create channel',
	description: 'Connect the bot to a messenger, the chat widget, the Chat API or telephony',
	properties: [
		{
			displayName: 'Channel Type',
			name: 'channelType',
			type: 'options',
			options: channelTypeOptions,
			default: 'CHAT_API',
			description: 'Where the bot talks to clients (Channels → Connect channel)',
		},
		{
			displayName: 'Name',
			name: 'channelName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Support on Telegram',
			description: 'The name shown on the Channels page',
		},
		settingsCollection('create', 'channel', channelFields(false)),
		projectOptions(),
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body: IDataObject = {
			channelType: this.getNodeParameter('channelType', itemIndex) as string,
		};
		const name = String(this.getNodeParameter('channelName', itemIndex, '') ?? '').trim();
		if (name) body.channelName = name;
		Object.assign(body, channelBodyOf(this, itemIndex, 'additionalFields'));
		const projectId = await projectIdOf(this, itemIndex, await defaultProject(this, itemIndex));
		const channel = await itemRequest(this, itemIndex, 'createChannel', {
			qs: { projectId },
			body,
		});
		return channelOut(this, itemIndex, channel);
	},
};
