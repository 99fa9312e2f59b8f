import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { campaignFields, changeCampaign } from './common';

export const resume: Operation = {
	value: 'resume',
	name: 'Resume',
	action: 'Resume text campaign',
	description: 'Continue a stopped text campaign: its messages go out again',
	properties: campaignFields,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await changeCampaign(this, itemIndex, 'resumeCampaign');
	},
};
