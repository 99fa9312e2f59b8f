import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { channelLocator, channelRefOf, fetchChannel } from '../../helpers/channels';
import { channelOut, simplifyField } from './common';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get channel',
	description: 'Get a bot channel by its ID or its bot ID, with its settings',
	properties: [channelLocator, simplifyField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return channelOut(
			this,
			itemIndex,
			await fetchChannel(this, itemIndex, channelRefOf(this, itemIndex)),
		);
	},
};
