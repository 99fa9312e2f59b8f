import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyField, settingsCollection } from '../../../common/fields';
import { projectOptions } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { requireChanges } from '../../../common/validate';
import { itemRequest } from '../../api';
import { campaignIdOf, campaignLocator, projectShortNameOf } from '../../helpers/locators';
import { accountIdOf, accountIdOption, campaignOut, settingFields, settingsOf } from './common';

/** UpdateTextCampaignDto's `minimum`/`maximum` (text-campaign-api.yml, both update paths). */
const SPEC_LIMITS: Record<string, [min: number, max: number]> = {
	delayBetweenSending: [1, 60000],
	threadCount: [1, 10],
};

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update text campaign',
	description:
		'Rename a text campaign or change its event, replies, pace or threads; what is not set stays as it is',
	properties: [
		campaignLocator,
		settingsCollection('update', 'campaign', [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'The campaign name',
			},
			...settingFields,
		]),
		projectOptions([accountIdOption]),
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = campaignIdOf(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const changes = settingsOf(this, itemIndex, fields);
		if (String(fields.name ?? '').trim()) changes.name = String(fields.name).trim();
		requireChanges(this, itemIndex, changes);
		const accountId = accountIdOf(this, itemIndex);
		const projectShortName = await projectShortNameOf(this, itemIndex);
		const [getRoute, putRoute] =
			accountId === undefined
				? (['getCampaign', 'updateCampaign'] as const)
				: (['getCampaignLegacy', 'updateCampaignLegacy'] as const);
		const pathParams = { projectShortName, id, ...(accountId === undefined ? {} : { accountId }) };
		// The PUT needs the name and replaces the settings: the current campaign fills what is not changed.
		const current = await itemRequest(this, itemIndex, getRoute, { pathParams });
		const body: IDataObject = { name: current.name };
		for (const field of ['eventName', 'jgraphReplies']) {
			if (current[field] !== undefined && current[field] !== null) body[field] = current[field];
		}
		// Numbers go back only within the spec's limits: a campaign made with the defaults reads
		// `delayBetweenSending: 0` (the spec's default, below its minimum 1), which the PUT must not
		// send back. Left out, the platform applies its default again.
		for (const [field, [min, max]] of Object.entries(SPEC_LIMITS)) {
			const value = current[field];
			if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max)
				body[field] = value;
		}
		Object.assign(body, changes);
		const campaign = await itemRequest(this, itemIndex, putRoute, { pathParams, body });
		return campaignOut(this, itemIndex, campaign);
	},
};
