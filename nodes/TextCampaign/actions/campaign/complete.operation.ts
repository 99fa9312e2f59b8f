import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { campaignFields, changeCampaign } from './common';

export const complete: Operation = {
	value: 'complete',
	name: 'Complete',
	action: 'Complete text campaign',
	description:
		'End a text campaign for good: it sends nothing more and cannot be resumed. This cannot be undone.',
	properties: campaignFields,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await changeCampaign(this, itemIndex, 'completeCampaign');
	},
};
