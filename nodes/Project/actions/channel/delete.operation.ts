import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { channelIdOf, channelLocator, channelRefOf } from '../../helpers/channels';

export const deleteChannel: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete channel',
	description: 'Delete a bot channel: the bot stops answering there. This cannot be undone.',
	properties: [{ ...channelLocator, description: 'The channel to delete. This cannot be undone.' }],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = await channelIdOf(this, itemIndex, channelRefOf(this, itemIndex));
		const channel = await itemRequest(this, itemIndex, 'deleteChannel', { pathParams: { id } });
		return { deleted: true, id, botId: channel?.botId };
	},
};
