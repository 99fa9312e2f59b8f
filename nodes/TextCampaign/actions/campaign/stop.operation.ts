import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { campaignFields, changeCampaign } from './common';

export const stop: Operation = {
	value: 'stop',
	name: 'Stop',
	action: 'Stop text campaign',
	description: 'Stop a running text campaign: it sends nothing more until Resume continues it',
	properties: campaignFields,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await changeCampaign(this, itemIndex, 'stopCampaign');
	},
};
