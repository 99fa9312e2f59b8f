import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyField, settingsCollection } from '../../../common/fields';
import { projectOptions } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { projectShortNameOf } from '../../helpers/locators';
import { campaignOut, settingFields, settingsOf } from './common';

export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create text campaign',
	description:
		'Create a text campaign: a dynamic one carries the messages n8n sends to clients; a standard one is set up and run in the platform (this API gives it no recipients and cannot start it)',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Order updates',
			description:
				'The campaign name; sends name the campaign they are counted in, so keep it unique in the project',
		},
		{
			displayName: 'Dynamic',
			name: 'isDynamic',
			type: 'boolean',
			default: true,
			description:
				'Whether the campaign takes messages sent from n8n (Client → Send Event or Send Message). Cannot be changed later. A standard (not dynamic) campaign gets its recipients and its start in the platform: the API offers neither.',
		},
		settingsCollection('create', 'campaign', settingFields),
		projectOptions(),
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const name = requiredString(this, 'name', itemIndex, 'Name');
		const body: IDataObject = {
			name,
			isDynamic: this.getNodeParameter('isDynamic', itemIndex, true) as boolean,
		};
		Object.assign(
			body,
			settingsOf(
				this,
				itemIndex,
				this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
			),
		);
		const projectShortName = await projectShortNameOf(this, itemIndex);
		const campaign = await itemRequest(this, itemIndex, 'createCampaign', {
			pathParams: { projectShortName },
			body,
		});
		return campaignOut(this, itemIndex, campaign);
	},
};
