import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../common/validate';
import type { ReporterRoute } from '../../api';
import { toDateTime, toEpochMsOf } from '../../helpers/dates';
import { filtersField } from '../../helpers/filterFields';
import { headerOptions } from '../../helpers/headers';
import { botField, botIdsField, locatorValue } from '../../helpers/pickers';
import { projectOf, reporterOptions } from '../../helpers/project';

export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for File',
		name: 'waitForFile',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until the report is generated and output its file as binary data; otherwise only the request ID is returned',
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 86_400 },
		default: 600,
		description:
			'How long to wait for the report before failing (the task keeps running on the platform)',
		displayOptions: { show: { waitForFile: [true] } },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'The name of the output binary field to put the file in',
		displayOptions: { show: { waitForFile: [true] } },
	},
];

export function binaryPropertyOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const name = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!name)
		throw invalidInput(
			ctx,
			itemIndex,
			'Put Output File in Field',
			'is empty',
			'Enter a field name such as data.',
		);
	return name;
}

export const settingsField: INodeProperties = {
	displayName: 'File Settings',
	name: 'settings',
	type: 'collection',
	placeholder: 'Add setting',
	default: {},
	description: 'The format of the report file',
	options: [
		{
			displayName: 'Date-Time Format',
			name: 'dateTimeFormat',
			type: 'string',
			default: 'yyyy-MM-dd HH:mm:ss.SSS',
			description:
				'How dates are written in the file, e.g. dd.MM.yyyy HH:mm (letters: yyyy year, MM month, dd day, HH hour, mm minute, ss second, SSS millisecond)',
		},
		{
			displayName: 'Delimiter',
			name: 'delimiter',
			type: 'string',
			default: ',',
			description: 'One character between the columns of a CSV file',
		},
		{
			displayName: 'File Type',
			name: 'fileType',
			type: 'options',
			options: [
				{ name: 'CSV', value: 'CSV' },
				{ name: 'XLSX', value: 'XLSX', description: 'An Excel workbook' },
			],
			default: 'XLSX',
			description: 'The kind of file',
		},
		{
			displayName: 'With Header',
			name: 'withHeader',
			type: 'boolean',
			default: true,
			description: 'Whether the file starts with a header row',
		},
	],
};

/** ReportSettings: `fileType` is required by the spec, so it is always sent. */
export function settingsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('settings', itemIndex, {}) as IDataObject;
	const settings: IDataObject = { fileType: raw.fileType ?? 'XLSX' };
	if (raw.withHeader !== undefined) settings.withHeader = raw.withHeader;
	if (raw.dateTimeFormat) settings.dateTimeFormat = raw.dateTimeFormat;
	if (raw.delimiter !== undefined && raw.delimiter !== '') {
		if (String(raw.delimiter).length !== 1)
			throw invalidInput(ctx, itemIndex, 'File Settings Delimiter', 'must be one character');
		settings.delimiter = raw.delimiter;
	}
	return settings;
}

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
			{
				name: 'Message Reactions',
				value: 'messageReaction',
				description: 'Reactions of Telegram users to bot messages',
			},
			{ name: 'Messages', value: 'messages', description: 'Messages with the bot replies' },
			{ name: 'Sessions', value: 'sessions', description: 'Sessions (conversations)' },
			{
				name: 'Telephony',
				value: 'telephony',
				description: 'Calls (no file settings: the platform picks the format)',
			},
		],
		default: 'sessions',
		description: 'What the report lists, as in the platform’s Analytics → Reports',
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: show('daily'),
		description: 'The day whose messages to export (its date in the workflow time zone)',
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: 'Only calls from this time on',
		displayOptions: show('telephony'),
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'Only calls up to this time',
		displayOptions: show('telephony'),
	},
	{ ...botIdsField, displayOptions: show('telephony') },
	{ ...botField, displayOptions: show('messageReaction') },
	{
		displayName: 'Reaction Filters',
		name: 'reaction',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		description: 'Which reactions the report lists; none means all reactions to the bot’s messages',
		displayOptions: show('messageReaction'),
		options: [
			{
				displayName: 'Client ID',
				name: 'clientId',
				type: 'string',
				default: '',
				description: 'Only reactions of this client',
			},
			{
				displayName: 'Message ID (Telegram)',
				name: 'messageId',
				type: 'string',
				default: '',
				description: 'Only reactions to this Telegram message',
			},
			{
				displayName: 'Message Time From',
				name: 'messageTimeFrom',
				type: 'dateTime',
				default: '',
				description: 'Only reactions to messages sent from this time on',
			},
			{
				displayName: 'Message Time To',
				name: 'messageTimeTo',
				type: 'dateTime',
				default: '',
				description: 'Only reactions to messages sent up to this time',
			},
			{
				displayName: 'Reaction Time From',
				name: 'reactionTimeFrom',
				type: 'dateTime',
				default: '',
				description: 'Only reactions given from this time on',
			},
			{
				displayName: 'Reaction Time To',
				name: 'reactionTimeTo',
				type: 'dateTime',
				default: '',
				description: 'Only reactions given up to this time',
			},
			{
				displayName: 'Session ID',
				name: 'sessionId',
				type: 'string',
				default: '',
				description: 'Only reactions in this session',
			},
		],
	},
	filtersField(filtered),
	{ ...settingsField, displayOptions: { hide: { reportType: ['telephony'] } } },
	...waitFields,
	// The daily report's call takes neither a project nor these headers.
	reporterOptions(headerOptions, { hide: { reportType: ['daily'] } }),
];

export function telephonyQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		startTime: toDateTime(
			ctx,
			ctx.getNodeParameter('startTime', itemIndex, ''),
			itemIndex,
			'Start Time',
		),
		endTime: toDateTime(ctx, ctx.getNodeParameter('endTime', itemIndex, ''), itemIndex, 'End Time'),
	};
}

/** CreateMessageReactionReportDto without settings; its times are Unix ms. */
export async function reactionBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	const filters = ctx.getNodeParameter('reaction', itemIndex, {}) as IDataObject;
	const labels: Record<string, string> = {
		messageTimeFrom: 'Message Time From',
		messageTimeTo: 'Message Time To',
		reactionTimeFrom: 'Reaction Time From',
		reactionTimeTo: 'Reaction Time To',
	};
	const body: IDataObject = {
		projectShortName: await projectOf(ctx, itemIndex, true),
		botId: locatorValue(ctx, 'botId', itemIndex, 'Bot'),
	};
	for (const name of ['messageId', 'clientId', 'sessionId']) {
		const value = String(filters[name] ?? '').trim();
		if (value) body[name] = value;
	}
	for (const name of ['messageTimeFrom', 'messageTimeTo', 'reactionTimeFrom', 'reactionTimeTo']) {
		const ms = toEpochMsOf(ctx, filters[name], itemIndex, `Reaction Filters ${labels[name]}`);
		if (ms !== undefined) body[name] = ms;
	}
	return body;
}
