import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { credentialProject, optionsProject, PROJECT_MISSING_HINT, projectOverrideOption, shortNameOf } from '../../common/projects';
import { invalidInput } from '../../common/validate';

/**
 * The Options collection of a project-scoped operation: Options → Project (the shared picker; empty
 * means the credential's project) and the operation's own options, in name order as n8n lists them.
 */
export function reporterOptions(options: INodeProperties[] = [], displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		...(displayOptions ? { displayOptions } : {}),
		options: [projectOverrideOption, ...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The project of one item: Options → Project (an ID is looked up), else the credential's. */
export async function projectOf(ctx: IExecuteFunctions, itemIndex: number, required = false): Promise<string | undefined> {
	const own = optionsProject(ctx, itemIndex);
	if (own) return await shortNameOf(ctx, itemIndex, own);
	const fallback = await credentialProject(ctx, itemIndex);
	if (!fallback && required) throw invalidInput(ctx, itemIndex, 'Project', 'is empty', PROJECT_MISSING_HINT);
	return fallback;
}

/** A resource locator: "From List" (searchable) or "By ID". */
export function locator(displayName: string, name: string, searchListMethod: string, placeholder: string, description?: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder },
		],
	};
}

export function locatorValue(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = String(raw ?? '').trim();
	if (!value) throw invalidInput(ctx, itemIndex, label, 'is empty', `Pick a value from the list or enter the ID.`);
	return value;
}

/** A numeric (int64) id from a locator or text field. */
export function numericId(ctx: IExecuteFunctions, value: string, itemIndex: number, label: string): number {
	if (!/^\d+$/.test(value)) throw invalidInput(ctx, itemIndex, label, `must be a number, got "${value}"`);
	return Number(value);
}

/** The message a label or comment belongs to. */
export const questionIdField: INodeProperties = {
	displayName: 'Message ID (Question ID)',
	name: 'questionId',
	type: 'string',
	default: '',
	required: true,
	description: 'The questionId of the message (one request and the bot reply)',
};
export const sessionIdField: INodeProperties = { displayName: 'Session ID', name: 'sessionId', type: 'string', default: '', required: true };

export const botField = locator('Bot', 'botId', 'searchBots', 'e.g. 263-acme-support-263-Wnu-49199');
export const messageLabelField = locator('Label', 'labelId', 'searchMessageLabels', 'e.g. 12');
export const sessionLabelField = locator('Session Label', 'labelId', 'searchSessionLabels', 'e.g. 7',
	'The API has no call that lists session labels: the list comes from the session filter options. Session → Get Many with "Include Labels" shows the labels of sessions.');
export const labelGroupField = locator('Label Group', 'groupId', 'searchLabelGroups', 'e.g. 3',
	'The API has no call to create or list groups: a group is created with its first label (Message Label → Create), and the list is read from the message labels.');
export const taskField = locator('Report Task', 'taskId', 'searchReportTasks', 'e.g. 5f1c…');

/** Optional headers of many calls: `Timezone` (offset, int32) and `language`. */
export const headerOptions: INodeProperties[] = [
	{
		displayName: 'Timezone Offset',
		name: 'timezone',
		type: 'number',
		default: 0,
		description: 'Sent as the Timezone header: the offset of your time zone, which the platform uses to split days and intervals (units not documented; minutes is the likely unit)',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'e.g. en',
		description: 'Sent as the language header: the language of labels in the answer or report',
	},
];

export function headersOf(options: IDataObject): Record<string, string> {
	const headers: Record<string, string> = {};
	if (options.timezone !== undefined && options.timezone !== '') headers.Timezone = String(Math.trunc(Number(options.timezone)));
	if (options.language) headers.language = String(options.language);
	return headers;
}

/** Comma-separated or array input → trimmed non-empty strings. */
export function listOf(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter(Boolean);
}

export const botIdsField: INodeProperties = {
	displayName: 'Bot IDs',
	name: 'botIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 263-acme-263-Wnu-49199, 263-acme-263-Wnu-49200',
	description: 'Only these bots (comma-separated); empty means all bots of the project',
};

/** A "Priorities" list of {id, newPriority} for change-priority calls. */
export const prioritiesField: INodeProperties = {
	displayName: 'Priorities',
	name: 'priorities',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add priority',
	default: {},
	options: [
		{
			displayName: 'Priority',
			name: 'priority',
			values: [
				{ displayName: 'ID', name: 'id', type: 'number', default: 0 },
				{ displayName: 'New Priority', name: 'newPriority', type: 'number', default: 0 },
			],
		},
	],
};

export function prioritiesOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const list = ((ctx.getNodeParameter('priorities', itemIndex, {}) as IDataObject).priority ?? []) as IDataObject[];
	if (list.length === 0) throw invalidInput(ctx, itemIndex, 'Priorities', 'is empty', 'Add at least one ID and its new priority.');
	return list.map((entry) => ({ id: Number(entry.id), newPriority: Number(entry.newPriority) }));
}
