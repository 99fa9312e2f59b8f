import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { outputDate, readDateMs, workflowZone } from '../../../common/dates';
import { limitField, limitOf, returnAllField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { pagedList } from '../../api';

const STATUSES: Array<[value: string, name: string]> = [
	['CANCELED', 'Canceled'],
	['DELIVERED', 'Delivered'],
	['FAILED', 'Failed'],
	['INIT', 'Created'],
	['NOT_DELIVERED', 'Not Delivered'],
	['PENDING', 'Pending'],
	['POSTPONED', 'Scheduled'],
	['SENT', 'Sent'],
];

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many sendings',
	description: 'Follow sends to clients: their status (pending, sent, failed…), time and error, by campaign, template or sending',
	properties: [
		returnAllField,
		limitField,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{ displayName: 'Scheduled After', name: 'startTimeFrom', type: 'dateTime', default: '', description: 'Only sendings scheduled at or after this time' },
				{ displayName: 'Scheduled Before', name: 'startTimeTo', type: 'dateTime', default: '', description: 'Only sendings scheduled at or before this time' },
				{
					displayName: 'Sending ID',
					name: 'eventSendingInfoUuid',
					type: 'string',
					default: '',
					placeholder: 'e.g. 0b8e7f3a-…',
					description: 'Only this sending: the sendingId of an item of Client → Send Event or Send Message',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: STATUSES.map(([value, name]) => ({ name, value })),
					default: 'SENT',
					description: 'Only sendings in this state',
				},
				{ displayName: 'Template ID', name: 'eventSendingTemplateUuid', type: 'string', default: '', description: 'Only sendings of this sending template' },
				{
					displayName: 'Text Campaign ID',
					name: 'textCampaignId',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1042',
					description: 'Only sendings of this campaign (its ID is in the campaign address, or in Text Campaign → Get Many)',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		const campaignId = String(filters.textCampaignId ?? '').trim();
		if (campaignId) {
			if (!/^\d+$/.test(campaignId)) throw invalidInput(this, itemIndex, 'Filters Text Campaign ID', `must be a number, got "${campaignId}"`);
			qs.textCampaignId = Number(campaignId);
		}
		for (const name of ['eventSendingInfoUuid', 'eventSendingTemplateUuid', 'status']) {
			if (String(filters[name] ?? '').trim()) qs[name] = String(filters[name]).trim();
		}
		for (const [name, label] of [['startTimeFrom', 'Scheduled After'], ['startTimeTo', 'Scheduled Before']]) {
			const ms = readDateMs(this, filters[name], itemIndex, `Filters ${label}`);
			if (ms !== undefined) qs[name] = new Date(ms).toISOString();
		}
		const zone = workflowZone(this);
		const sendings = await pagedList(
			this,
			itemIndex,
			'listSendings',
			{ qs },
			limitOf(this, itemIndex),
			(_page, size, offset) => ({ limit: size, offset }),
			(answer) => ({ items: (answer.sendings ?? []) as IDataObject[], total: typeof answer.totalCount === 'number' ? answer.totalCount : undefined }),
		);
		// `id` of a SendingInfoDto is the sending's UUID (what Cancel takes): named like the send output.
		return sendings.map(({ id, ...sending }) => ({
			sendingId: id,
			...sending,
			...(sending.sendingTime ? { sendingTime: outputDate(sending.sendingTime, zone) as string } : {}),
		}));
	},
};
