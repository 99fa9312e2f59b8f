import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequestFull } from '../../api';
import { channelIdOf, channelLocator, channelRefOf } from '../../helpers/channels';

export const deleteChannel: Operation = {
	acts: true,
	value: 'delete',
	name: 'Delete',
	action: 'Delete channel',
	description: 'Delete a bot channel: the bot stops answering there. This cannot be undone.',
	properties: [{ ...channelLocator, description: 'The channel to delete. This cannot be undone.' }],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = await channelIdOf(this, itemIndex, channelRefOf(this, itemIndex));
		const { statusCode, body } = await itemRequestFull(this, itemIndex, 'deleteChannel', {
			pathParams: { id },
		});
		// 404: a repeat after an attempt that did delete it (common/transport.ts).
		if (statusCode === 404) return { deleted: true, id, alreadyInState: true };
		return { deleted: true, id, botId: body?.botId };
	},
};
