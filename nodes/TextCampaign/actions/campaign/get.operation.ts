import type { IExecuteFunctions } from 'n8n-workflow';

import { simplifyField } from '../../../common/fields';
import { projectOptions } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { campaignIdOf, campaignLocator, projectShortNameOf } from '../../helpers/locators';
import { accountIdOf, accountIdOption, campaignOut } from './common';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get text campaign',
	description: 'Get a text campaign with its status and settings',
	properties: [campaignLocator, projectOptions([accountIdOption]), simplifyField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = campaignIdOf(this, itemIndex);
		const accountId = accountIdOf(this, itemIndex);
		const projectShortName = await projectShortNameOf(this, itemIndex);
		const campaign =
			accountId === undefined
				? await itemRequest(this, itemIndex, 'getCampaign', {
						pathParams: { projectShortName, id },
					})
				: await itemRequest(this, itemIndex, 'getCampaignLegacy', {
						pathParams: { accountId, projectShortName, id },
					});
		return campaignOut(this, itemIndex, campaign);
	},
};
