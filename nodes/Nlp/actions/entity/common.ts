import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../common/validate';

/** What Create and Update of an entity share: its type, its settings, a checked name. */

export const entityTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{
			name: 'Annotation',
			value: 'annotation',
			description: 'Learned from annotated phrases (machine learning)',
		},
		{ name: 'Dictionary', value: 'dictionary', description: 'Synonyms and patterns you list' },
	],
	default: 'dictionary',
	description: 'How the entity finds its values in phrases',
};

/** Entity settings shared by Create ("Additional Fields") and Update ("Update Fields"). */
export const entitySettingFields: INodeProperties[] = [
	{
		displayName: 'Client Entity',
		name: 'client',
		type: 'boolean',
		default: false,
		description: 'Whether each client has its own records (records carry a client ID)',
	},
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether the entity is looked for in phrases',
	},
	{
		displayName: 'Exact Matching',
		name: 'noMorph',
		type: 'boolean',
		default: false,
		description: 'Whether to match synonyms exactly, without word forms ("write" ≠ "wrote")',
	},
	{
		displayName: 'Fuzzy Search',
		name: 'fuzzySearch',
		type: 'boolean',
		default: false,
		description: 'Whether to match synonyms with small typos',
	},
	{
		displayName: 'Phonetic Search',
		name: 'phoneticSearch',
		type: 'boolean',
		default: false,
		description: 'Whether to match synonyms that sound alike',
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'number',
		default: 0,
		description: 'Which entity wins when several match the same text (higher wins)',
	},
	{
		displayName: 'Skip Spelling Correction',
		name: 'noSpelling',
		type: 'boolean',
		default: false,
		description: 'Whether to look for the entity before spelling correction',
	},
];

const SETTING_NAMES = entitySettingFields.map((field) => field.name);

export function entitySettings(fields: IDataObject): IDataObject {
	const data: IDataObject = {};
	for (const name of SETTING_NAMES) if (fields[name] !== undefined) data[name] = fields[name];
	return data;
}

export function checkedEntityName(
	ctx: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	label = 'Name',
): string {
	const name = String(raw ?? '')
		.trim()
		.replace(/^@/, '');
	if (!name)
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			'is empty',
			'Enter the entity name, e.g. city (used as @city in phrases).',
		);
	if (!/^[\p{L}\p{N}_.-]+$/u.test(name)) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`"${name}" has characters an entity name cannot have`,
			'Use letters, digits, "_", "-" and "."',
		);
	}
	return name;
}
