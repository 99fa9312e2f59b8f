import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readDateMs } from '../../../common/dates';
import { invalidInput } from '../../../common/validate';
import { botLocator, campaignNameLocator, clientIdField, projectOption, requiredLocator } from '../../helpers/fields';
import { sendBatchSizeOption } from '../../helpers/send';

/** Who a send goes to: the channel, the campaign it is counted in, the client. */
export const recipientFields: INodeProperties[] = [botLocator, campaignNameLocator, clientIdField];

/** Options of a send to clients (also of Template → Send, without the project). */
export const sendOptionFields: INodeProperties[] = [
	sendBatchSizeOption,
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/sending-status',
		description: 'Where the platform reports the result of each sending (for example the URL of an n8n Webhook node)',
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Sendings with a lower number go out first (0 before 1)',
	},
	{
		displayName: 'Send At',
		name: 'sendingTime',
		type: 'dateTime',
		default: '',
		description: 'Send later, at this time (read in the workflow time zone unless it has an offset); empty sends now',
	},
];

export const clientSendOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [...sendOptionFields, { ...projectOption, description: `${String(projectOption.description)} Used for the lists of channels and campaigns.` }].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	),
};

/** The send's common body (`textCampaignName`, `botId`, `clientId`) and what the output repeats. */
export function recipientOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const botId = requiredLocator(ctx, 'botId', itemIndex, 'Channel', 'Pick a channel from the list or enter its bot ID (shown on the Channels page).');
	const textCampaignName = requiredLocator(ctx, 'textCampaignName', itemIndex, 'Text Campaign', 'Pick a dynamic text campaign from the list or enter its name.');
	const raw = ctx.getNodeParameter('clientId', itemIndex, '') as unknown;
	const clientId = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!clientId) throw invalidInput(ctx, itemIndex, 'Client ID', 'is empty', 'Enter the ID of the client in the channel, e.g. {{ $json.clientId }}.');
	return { textCampaignName, botId, clientId };
}

/** `callbackUrl`, `priority` and `sendingTime` (ISO 8601, UTC) from Options. */
export function sendOptionsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const callbackUrl = String(options.callbackUrl ?? '').trim();
	if (callbackUrl) {
		if (!/^https?:\/\/[^/\s]+/.test(callbackUrl)) throw invalidInput(ctx, itemIndex, 'Callback URL', `is not a web address: "${callbackUrl}"`);
		body.callbackUrl = callbackUrl;
	}
	if (options.priority !== undefined && options.priority !== '') body.priority = Math.trunc(Number(options.priority));
	const at = readDateMs(ctx, options.sendingTime, itemIndex, 'Send At');
	if (at !== undefined) body.sendingTime = new Date(at).toISOString();
	return body;
}
