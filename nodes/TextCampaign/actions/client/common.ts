import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectOptions, projectOverrideOption } from '../../../common/projects';
import { invalidInput } from '../../../common/validate';
import { requiredLocator } from '../../../common/search';
import { botLocator, campaignNameLocator } from '../../helpers/locators';
import { platformDateOf } from '../../helpers/dates';
import { waitOptions } from '../../helpers/delivery';
import { mergeIdenticalOption, requestsAtOnceOption } from '../../helpers/send';

const clientIdField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 512345678',
	description:
		'The client to message: their ID in the channel (Analytics → Clients), such as the Telegram user ID or the clientId of the Chat API',
};

/** Who a send goes to: the channel, the campaign it is counted in, the client. */
export const recipientFields: INodeProperties[] = [botLocator, campaignNameLocator, clientIdField];

const callbackUrlOption: INodeProperties = {
	displayName: 'Callback URL',
	name: 'callbackUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/sending-status',
	description:
		"Where the platform posts the final status of each sending (the spec's EventSendingCallbackDto: status, eventSendingInfoId = the sendingId, textCampaignId, eventSendingTime), e.g. the Production URL of an n8n Webhook node",
};

const priorityOption: INodeProperties = {
	displayName: 'Priority',
	name: 'priority',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: 'Sendings with a lower number go out first (0 before 1)',
};

/** Options → Project where a send names a channel and a campaign: it feeds their lists. */
const listsProjectOption: INodeProperties = {
	...projectOverrideOption,
	description: `${String(projectOverrideOption.description)} Used for the lists of channels and campaigns.`,
};

/** Options of a template: where results go, and the priority of its sends. */
export const templateOptions: INodeProperties = projectOptions(
	[callbackUrlOption, priorityOption],
	listsProjectOption,
);

/** Options of a send (Template → Send has no project: the template names its channel). */
export const sendOptionFields: INodeProperties[] = [
	callbackUrlOption,
	priorityOption,
	requestsAtOnceOption,
	mergeIdenticalOption,
	...waitOptions,
	{
		displayName: 'Send At',
		name: 'sendingTime',
		type: 'dateTime',
		default: '',
		description:
			'Send later, at this time (read in the workflow time zone unless it has an offset); empty sends now',
	},
];

export const clientSendOptions: INodeProperties = projectOptions(
	sendOptionFields,
	listsProjectOption,
);

/** The send's common body (`textCampaignName`, `botId`, `clientId`) and what the output repeats. */
export function recipientOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const botId = requiredLocator(
		ctx,
		'botId',
		itemIndex,
		'Channel',
		'Pick a channel from the list or enter its bot ID (shown on the Channels page).',
	);
	const textCampaignName = requiredLocator(
		ctx,
		'textCampaignName',
		itemIndex,
		'Text Campaign',
		'Pick a dynamic text campaign from the list or enter its name.',
	);
	const raw = ctx.getNodeParameter('clientId', itemIndex, '') as unknown;
	const clientId =
		typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!clientId)
		throw invalidInput(
			ctx,
			itemIndex,
			'Client ID',
			'is empty',
			'Enter the ID of the client in the channel, e.g. {{ $json.clientId }}.',
		);
	return { textCampaignName, botId, clientId };
}

/**
 * `callbackUrl` and `priority` from Options; a send also `sendingTime`, as the platform reads
 * date-times (zone-less, in the platform zone: helpers/dates.ts).
 */
export async function sendOptionsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	withTime = true,
): Promise<IDataObject> {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const callbackUrl = String(options.callbackUrl ?? '').trim();
	if (callbackUrl) {
		if (!/^https?:\/\/[^/\s]+/.test(callbackUrl))
			throw invalidInput(ctx, itemIndex, 'Callback URL', `is not a web address: "${callbackUrl}"`);
		body.callbackUrl = callbackUrl;
	}
	if (options.priority !== undefined && options.priority !== '')
		body.priority = Math.trunc(Number(options.priority));
	const at = withTime
		? await platformDateOf(ctx, options.sendingTime, itemIndex, 'Send At')
		: undefined;
	if (at !== undefined) body.sendingTime = at;
	return body;
}
