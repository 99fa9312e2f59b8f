import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitOf } from '../../../common/fields';
import { defaultProject, listFields, projectIdOf } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { channelOut, channelTypeOptions } from './common';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many channels',
	description: 'List the channels of a project (the Channels page)',
	properties: listFields({
		what: 'channels',
		filters: [
			{
				displayName: 'Channel Types',
				name: 'channelTypes',
				type: 'multiOptions',
				options: channelTypeOptions,
				default: [],
				description: 'Only channels of these types',
			},
		],
	}),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const types = (filters.channelTypes ?? []) as string[];
		const projectId = await projectIdOf(this, itemIndex, await defaultProject(this, itemIndex));
		// The API answers every channel of the project at once (no pages).
		const answer = await itemRequest<{ items?: IDataObject[] }>(this, itemIndex, 'listChannels', {
			qs: { projectId },
		});
		const channels = (answer?.items ?? []).filter(
			(channel) => types.length === 0 || types.includes(String(channel.channelType)),
		);
		return channels
			.slice(0, limitOf(this, itemIndex))
			.map((channel) => channelOut(this, itemIndex, channel));
	},
};
