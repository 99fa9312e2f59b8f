import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { outputDate, workflowZone } from '../../../common/dates';
import { limitOf } from '../../../common/fields';
import { listFields } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { platformDateOf, platformZoneOf } from '../../helpers/dates';
import { listSendings } from '../../helpers/lists';
import { sendingLocator, templateLocator } from '../../helpers/locators';

const STATUSES: Array<[value: string, name: string]> = [
	['CANCELED', 'Canceled'],
	['INIT', 'Created'],
	['DELIVERED', 'Delivered'],
	['FAILED', 'Failed'],
	['NOT_DELIVERED', 'Not Delivered'],
	['PENDING', 'Pending'],
	['POSTPONED', 'Scheduled'],
	['SENT', 'Sent'],
];

const filters: INodeProperties[] = [
	{
		displayName: 'Scheduled After',
		name: 'startTimeFrom',
		type: 'dateTime',
		default: '',
		description: 'Only sendings scheduled at or after this time',
	},
	{
		displayName: 'Scheduled Before',
		name: 'startTimeTo',
		type: 'dateTime',
		default: '',
		description: 'Only sendings scheduled at or before this time',
	},
	{
		...sendingLocator(
			'Only this sending: pick one of the latest, or map the sendingId of Client → Send Event or Send Message',
			'eventSendingInfoUuid',
		),
		required: false,
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: STATUSES.map(([value, name]) => ({ name, value })),
		default: 'SENT',
		description: 'Only sendings in this state',
	},
	{
		...templateLocator,
		name: 'eventSendingTemplateUuid',
		required: false,
		description:
			'Only sendings of this sending template: its ID or link (Template → Create returns both)',
	},
	{
		displayName: 'Text Campaign Name or ID',
		name: 'textCampaignId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCampaigns' },
		default: '',
		description:
			'Only sendings of this campaign of the project (Options → Project, else the credential\'s). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

/** A filter's text: a locator's value, or the text itself. */
const filterText = (raw: unknown) =>
	String((raw && typeof raw === 'object' ? (raw as IDataObject).value : raw) ?? '').trim();

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many sendings',
	description:
		'Follow sends to clients: their status (pending, sent, failed…), time and error, by campaign, template or sending',
	properties: listFields({ what: 'sendings', filters, simplify: false }),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter(
			'filters',
			itemIndex,
			{},
			{ extractValue: true },
		) as IDataObject;
		const qs: IDataObject = {};
		const campaignId = filterText(filters.textCampaignId);
		if (campaignId) {
			if (!/^\d+$/.test(campaignId))
				throw invalidInput(
					this,
					itemIndex,
					'Filters Text Campaign Name or ID',
					`must be a number, got "${campaignId}"`,
				);
			qs.textCampaignId = Number(campaignId);
		}
		for (const name of ['eventSendingInfoUuid', 'eventSendingTemplateUuid', 'status']) {
			const value = filterText(filters[name]);
			if (value)
				qs[name] =
					name === 'eventSendingTemplateUuid'
						? decodeURIComponent(/send-event-by-template\/([^/?#]+)/.exec(value)?.[1] ?? value)
						: value;
		}
		for (const [name, label] of [
			['startTimeFrom', 'Scheduled After'],
			['startTimeTo', 'Scheduled Before'],
		]) {
			// As the platform reads date-times: zone-less, in the platform zone (helpers/dates.ts).
			const at = await platformDateOf(this, filters[name], itemIndex, `Filters ${label}`);
			if (at !== undefined) qs[name] = at;
		}
		const zone = workflowZone(this);
		const platformZone = await platformZoneOf(this, itemIndex);
		const sendings = await listSendings(this, itemIndex, qs, limitOf(this, itemIndex));
		// `id` of a SendingInfoDto is the sending's UUID (what Cancel takes): named like the send output.
		return sendings.map(({ id, ...sending }) => ({
			sendingId: id,
			...sending,
			...(sending.sendingTime
				? { sendingTime: outputDate(sending.sendingTime, zone, platformZone) as string }
				: {}),
		}));
	},
};
