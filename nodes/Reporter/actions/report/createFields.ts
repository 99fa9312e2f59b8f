import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ReporterRoute } from '../../api';
import { toDateTime, toEpochMsOf } from '../../helpers/dates';
import { botField, botIdsField, headerOptions, locatorValue, projectOf, reporterOptions } from '../../helpers/fields';
import { filterFields } from '../../helpers/filters';
import { settingsField, waitFields } from './fields';

export const REPORT_ROUTES: Record<string, ReporterRoute> = {
	sessions: 'reportSessions',
	messages: 'reportMessages',
	clients: 'reportClients',
	telephony: 'reportTelephony',
	daily: 'reportDaily',
	clientList: 'reportClientList',
	messageReaction: 'reportMessageReaction',
};

const show = (...types: string[]) => ({ show: { reportType: types } });
const filtered = show('sessions', 'messages', 'clients', 'clientList');

export const createProperties: INodeProperties[] = [
	{
		displayName: 'Report Type',
		name: 'reportType',
		type: 'options',
		options: [
			{ name: 'Client List', value: 'clientList', description: 'The clients of the project' },
			{ name: 'Clients', value: 'clients', description: 'Client analytics' },
			{ name: 'Daily Messages', value: 'daily', description: 'All messages of one day' },
			{ name: 'Message Reactions', value: 'messageReaction', description: 'Reactions of Telegram users to bot messages' },
			{ name: 'Messages', value: 'messages' },
			{ name: 'Sessions', value: 'sessions' },
			{ name: 'Telephony', value: 'telephony', description: 'Calls (no file settings: the platform picks the format)' },
		],
		default: 'sessions',
	},
	{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', required: true, displayOptions: show('daily'), description: 'The day (sent as YYYY-MM-DD)' },
	{ displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '', displayOptions: show('telephony') },
	{ displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '', displayOptions: show('telephony') },
	{ ...botIdsField, displayOptions: show('telephony') },
	{ ...botField, displayOptions: show('messageReaction') },
	{
		displayName: 'Reaction Filters',
		name: 'reaction',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: show('messageReaction'),
		options: [
			{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
			{ displayName: 'Message ID (Telegram)', name: 'messageId', type: 'string', default: '' },
			{ displayName: 'Message Time From', name: 'messageTimeFrom', type: 'dateTime', default: '' },
			{ displayName: 'Message Time To', name: 'messageTimeTo', type: 'dateTime', default: '' },
			{ displayName: 'Reaction Time From', name: 'reactionTimeFrom', type: 'dateTime', default: '' },
			{ displayName: 'Reaction Time To', name: 'reactionTimeTo', type: 'dateTime', default: '' },
			{ displayName: 'Session ID', name: 'sessionId', type: 'string', default: '' },
		],
	},
	...filterFields.map((field) => ({ ...field, displayOptions: filtered })),
	{ ...settingsField, displayOptions: { hide: { reportType: ['telephony'] } } },
	...waitFields,
	// The daily report's call takes neither a project nor these headers.
	reporterOptions(headerOptions, { hide: { reportType: ['daily'] } }),
];

export function telephonyQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		startTime: toDateTime(ctx, ctx.getNodeParameter('startTime', itemIndex, ''), itemIndex, 'Start Time'),
		endTime: toDateTime(ctx, ctx.getNodeParameter('endTime', itemIndex, ''), itemIndex, 'End Time'),
	};
}

/** CreateMessageReactionReportDto without settings; its times are Unix ms. */
export async function reactionBody(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const filters = ctx.getNodeParameter('reaction', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		projectShortName: await projectOf(ctx, itemIndex, true),
		botId: locatorValue(ctx, 'botId', itemIndex, 'Bot'),
	};
	for (const name of ['messageId', 'clientId', 'sessionId']) {
		const value = String(filters[name] ?? '').trim();
		if (value) body[name] = value;
	}
	for (const name of ['messageTimeFrom', 'messageTimeTo', 'reactionTimeFrom', 'reactionTimeTo']) {
		const ms = toEpochMsOf(ctx, filters[name], itemIndex, `Reaction Filters ${name}`);
		if (ms !== undefined) body[name] = ms;
	}
	return body;
}
