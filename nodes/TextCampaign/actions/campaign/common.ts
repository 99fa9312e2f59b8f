import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { outputDate, workflowZone } from '../../../common/dates';
import { simplifyField } from '../../../common/fields';
import { moveOnce } from '../../../common/repeats';
import { projectOptions } from '../../../common/projects';
import { invalidInput } from '../../../common/validate';
import { itemRequest } from '../../api';
import { jsonNodeOf } from '../../helpers/json';
import { campaignIdOf, campaignLocator, projectShortNameOf } from '../../helpers/locators';

const DATES = ['creationTime', 'startTime', 'stopTime'];

/** A campaign for the output: dates in ISO 8601; simplified to ten flat fields unless raw is asked. */
export function campaignOut(
	ctx: IExecuteFunctions,
	itemIndex: number,
	campaign: IDataObject,
): IDataObject {
	const zone = workflowZone(ctx);
	const out: IDataObject = { ...campaign };
	for (const field of DATES)
		if (out[field] !== undefined && out[field] !== null)
			out[field] = outputDate(out[field], zone) as string;
	if (!(ctx.getNodeParameter('simplify', itemIndex, true) as boolean)) return out;
	return {
		id: out.id,
		name: out.name,
		status: out.status,
		isDynamic: out.isDynamic,
		botId: out.botId,
		eventName: out.eventName,
		projectShortName: out.projectShortName,
		creationTime: out.creationTime,
		threadCount: out.threadCount,
		delayBetweenSending: out.delayBetweenSending,
	};
}

/** The fields of Stop, Resume and Complete: the campaign, Options → Project, Simplify. */
export const campaignFields: INodeProperties[] = [campaignLocator, projectOptions(), simplifyField];

/** The writable settings of a campaign (Create: Additional Fields, Update: Update Fields), sorted. */
export const settingFields: INodeProperties[] = [
	{
		displayName: 'Event Name',
		name: 'eventName',
		type: 'string',
		default: '',
		placeholder: 'e.g. weeklyNews',
		description:
			'For a standard campaign: the event the bot script gets for each client when the campaign runs',
	},
	{
		displayName: 'Pause Between Messages in Milliseconds',
		name: 'delayBetweenSending',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 60000 },
		default: 1000,
		description: 'Pause in milliseconds between two messages of one thread',
	},
	{
		displayName: 'Replies (JSON)',
		name: 'jgraphReplies',
		type: 'json',
		default: '',
		description:
			'For a standard campaign without an event: the bot replies every client gets, e.g. [{"type": "text", "text": "Our shop opens at 9"}]',
	},
	{
		displayName: 'Threads',
		name: 'threadCount',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 1,
		description: 'How many messages the platform sends at the same time',
	},
];

/** The settings a fields collection sets, in spec names. */
export function settingsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (String(fields.eventName ?? '').trim()) body.eventName = String(fields.eventName).trim();
	for (const name of ['delayBetweenSending', 'threadCount'])
		if (fields[name] !== undefined && fields[name] !== '')
			body[name] = Math.trunc(Number(fields[name]));
	const replies = jsonNodeOf(ctx, itemIndex, fields.jgraphReplies, 'Replies (JSON)');
	if (replies !== undefined) body.jgraphReplies = replies as IDataObject;
	return body;
}

/** Runs a PUT on one campaign (stop, resume, complete) and outputs the campaign it answers. */
/** The status each state change leads to. */
const WANTED_STATUS = {
	stopCampaign: 'STOPPED',
	resumeCampaign: 'STARTED',
	completeCampaign: 'COMPLETED',
} as const;

/** Stop, Resume or Complete; a campaign already in the wanted state succeeds and says so (`moveOnce`). */
export async function changeCampaign(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: keyof typeof WANTED_STATUS,
): Promise<IDataObject> {
	const id = campaignIdOf(ctx, itemIndex);
	const projectShortName = await projectShortNameOf(ctx, itemIndex);
	const pathParams = { projectShortName, id };
	return await moveOnce(
		ctx,
		itemIndex,
		async () =>
			campaignOut(ctx, itemIndex, await itemRequest(ctx, itemIndex, route, { pathParams })),
		async () => {
			const campaign = await itemRequest(ctx, itemIndex, 'getCampaign', { pathParams });
			return campaign?.status === WANTED_STATUS[route]
				? campaignOut(ctx, itemIndex, campaign)
				: undefined;
		},
	);
}

/** Options → Account ID: the account path (`/api/text-campaign-service/accounts/…`) of older installations. */
export const accountIdOption: INodeProperties = {
	displayName: 'Account ID (Older Installations)',
	name: 'accountId',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	description:
		'Only for on-premise installations without the v1 paths: sends the call to the account path with this account ID (shown in the account settings)',
};

export function accountIdOf(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.accountId === undefined || options.accountId === '') return undefined;
	const id = Number(options.accountId);
	if (!Number.isInteger(id) || id < 1)
		throw invalidInput(
			ctx,
			itemIndex,
			'Account ID (Older Installations)',
			`must be a whole number, not ${String(options.accountId)}`,
		);
	return id;
}
