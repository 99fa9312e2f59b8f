import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../common/validate';
import { toDateTime } from './dates';
import { listOf } from './fields';

const checkboxComparison: INodeProperties = {
	displayName: 'Comparison',
	name: 'comparisonType',
	type: 'options',
	options: [
		{ name: 'Contains Any', value: 'CONTAINS' },
		{ name: 'Does Not Contain', value: 'NOT_CONTAINS' },
		{ name: 'Exists (Any Value)', value: 'EXISTS' },
		{ name: 'Does Not Exist', value: 'NOT_EXISTS' },
	],
	default: 'CONTAINS',
};

const textComparison: INodeProperties = {
	displayName: 'Comparison',
	name: 'comparisonType',
	type: 'options',
	options: [
		{ name: 'Contains', value: 'CONTAINS' },
		{ name: 'Does Not Contain', value: 'NOT_CONTAINS' },
		{ name: 'Equals', value: 'EQUALS' },
	],
	default: 'CONTAINS',
};

const dateKeys = [
	{ name: 'Session Start Time', value: 'SESSION_START_TIME' },
	{ name: 'Session End Time', value: 'SESSION_END_TIME' },
	{ name: 'Message Time', value: 'MESSAGE_TIME' },
	{ name: 'Client Join Time', value: 'CLIENT_JOIN_TIME' },
	{ name: 'Client Last Activity Time', value: 'CLIENT_LAST_ACTIVITY_TIME' },
];

const textKeys = [
	{ name: 'Message or Answer Text', value: 'MESSAGE_OR_ANSWER_TEXT' },
	{ name: 'Message Text', value: 'MESSAGE_TEXT' },
	{ name: 'Answer Text', value: 'ANSWER_TEXT' },
	{ name: 'Client ID or Name', value: 'CLIENT_ID_OR_NAME' },
	{ name: 'Comment Text', value: 'COMMENT_TEXT' },
	{ name: 'Session ID', value: 'SESSION_ID' },
];

const listKeys = [
	{ name: 'Bot', value: 'BOT_ID' },
	{ name: 'Channel Type', value: 'CHANNEL_TYPE' },
	{ name: 'Channel Name', value: 'CHANNEL_NAME' },
	{ name: 'Message Labels', value: 'LOG_LABELS' },
	{ name: 'Session Labels', value: 'SESSION_LABELS' },
	{ name: 'Session Result', value: 'SESSION_RESULT' },
	{ name: 'Intent', value: 'INTENT' },
	{ name: 'NLP State', value: 'NLP_STATE' },
];

const yesNo = [
	{ name: 'Yes', value: 'YES' },
	{ name: 'No', value: 'NO' },
];

/**
 * The reporter's filter model (FiltersDto in the Reporter spec): the common keys as
 * a form, plus raw JSON for every other key and type, plus a saved filter set.
 */
export const filterFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Period',
				name: 'period',
				values: [
					{ displayName: 'Field', name: 'key', type: 'options', options: dateKeys, default: 'SESSION_START_TIME' },
					{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: 'Start of the period (a date, date-time or epoch ms)' },
					{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'End of the period' },
				],
			},
			{
				displayName: 'Values (Bot, Channel, Labels…)',
				name: 'values',
				values: [
					{ displayName: 'Field', name: 'key', type: 'options', options: listKeys, default: 'BOT_ID' },
					checkboxComparison,
					{ displayName: 'Values', name: 'options', type: 'string', default: '', placeholder: 'e.g. telegram, chatwidget', description: 'Comma-separated values (label IDs for labels, bot IDs for bots)' },
				],
			},
			{
				displayName: 'Text',
				name: 'text',
				values: [
					{ displayName: 'Field', name: 'key', type: 'options', options: textKeys, default: 'MESSAGE_OR_ANSWER_TEXT' },
					textComparison,
					{ displayName: 'Text', name: 'values', type: 'string', default: '', description: 'Comma-separated alternatives' },
					{ displayName: 'Case Sensitive', name: 'isCaseSensitive', type: 'boolean', default: false, description: 'Whether upper and lower case must match' },
				],
			},
			{
				displayName: 'Message Count',
				name: 'messageCount',
				values: [
					{ displayName: 'Min', name: 'from', type: 'number', default: 0 },
					{ displayName: 'Max', name: 'to', type: 'number', default: 0, description: '0 means no upper bound' },
				],
			},
			{
				displayName: 'Yes / No',
				name: 'flag',
				values: [
					{
						displayName: 'Field',
						name: 'key',
						type: 'options',
						options: [
							{ name: 'Transferred to Agent', value: 'TRANSFER_TO_OPERATOR' },
							{ name: 'With Exceptions', value: 'EXCEPTION_EXISTENCE' },
							{ name: 'Without Empty Messages', value: 'WITHOUT_EMPTY_MESSAGES' },
							{ name: 'Without Empty Sessions', value: 'WITHOUT_EMPTY_SESSIONS' },
							{ name: 'Without Test Sessions', value: 'WITHOUT_TEST_SESSIONS' },
						],
						default: 'WITHOUT_EMPTY_SESSIONS',
					},
					{ displayName: 'Option', name: 'option', type: 'options', options: yesNo, default: 'YES' },
				],
			},
		],
	},
	{
		displayName: 'More Filters (JSON)',
		name: 'filtersJson',
		type: 'json',
		default: '[]',
		description: 'More AnalyticsFilter objects, added to the ones above, e.g. [{"key": "NPS", "type": "NUMERIC_RANGE", "from": 9, "to": 10}]. Use Filter → Get Definitions to see the keys and types.',
	},
];

function periodFilter(ctx: IExecuteFunctions, entry: IDataObject, itemIndex: number, n: number): IDataObject {
	const filter: IDataObject = { key: entry.key, type: 'DATE_TIME_RANGE' };
	const from = toDateTime(ctx, entry.from, itemIndex, `Filters Period #${n} From`);
	const to = toDateTime(ctx, entry.to, itemIndex, `Filters Period #${n} To`);
	if (!from && !to) throw invalidInput(ctx, itemIndex, `Filters Period #${n}`, 'has neither From nor To');
	if (from) filter.from = from;
	if (to) filter.to = to;
	return filter;
}

/** The `filters` array of one item, in the order: period, values, text, count, flags, JSON. */
export function filtersOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const form = ctx.getNodeParameter('filters', itemIndex, {}) as Record<string, IDataObject[] | undefined>;
	const filters: IDataObject[] = [];
	(form.period ?? []).forEach((entry, n) => filters.push(periodFilter(ctx, entry, itemIndex, n + 1)));
	(form.values ?? []).forEach((entry) => {
		const filter: IDataObject = { key: entry.key, type: 'CHECKBOX', options: listOf(entry.options), comparisonType: entry.comparisonType };
		filters.push(filter);
	});
	(form.text ?? []).forEach((entry) =>
		filters.push({ key: entry.key, type: 'TEXT', values: listOf(entry.values), comparisonType: entry.comparisonType, isCaseSensitive: entry.isCaseSensitive === true }),
	);
	(form.messageCount ?? []).forEach((entry) => {
		const filter: IDataObject = { key: 'MESSAGE_COUNT', type: 'NUMERIC_RANGE', from: Number(entry.from ?? 0) };
		if (Number(entry.to)) filter.to = Number(entry.to);
		filters.push(filter);
	});
	(form.flag ?? []).forEach((entry) => filters.push({ key: entry.key, type: 'RADIO', option: entry.option }));
	return [...filters, ...jsonFilters(ctx, itemIndex)];
}

function jsonFilters(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const raw = ctx.getNodeParameter('filtersJson', itemIndex, '[]') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		if (!raw.trim()) return [];
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw invalidInput(ctx, itemIndex, 'More Filters (JSON)', 'is not valid JSON', (error as Error).message);
		}
	}
	if (value && !Array.isArray(value) && Array.isArray((value as IDataObject).filters)) value = (value as IDataObject).filters;
	if (!Array.isArray(value)) throw invalidInput(ctx, itemIndex, 'More Filters (JSON)', 'must be an array of filters', 'For example [{"key": "NPS", "type": "NUMERIC_RANGE", "from": 9}].');
	value.forEach((filter: IDataObject, n: number) => {
		if (!filter || typeof filter !== 'object' || !filter.key || !filter.type) {
			throw invalidInput(ctx, itemIndex, `More Filters (JSON) #${n + 1}`, 'needs "key" and "type"');
		}
	});
	return value as IDataObject[];
}

/** The FiltersDto body: `{filters: [...]}` (an empty list when no filter is set). */
export function filtersBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return { filters: filtersOf(ctx, itemIndex) };
}
