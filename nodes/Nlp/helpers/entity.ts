import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../common/validate';
import type { NlpRoute } from '../api';
import { listOf } from './intent';
import { entityRefOf } from './locators';

export const entityTypeOptions = [
	{ name: 'Dictionary', value: 'dictionary', description: 'Synonyms and patterns you list' },
	{ name: 'Annotation', value: 'annotation', description: 'Learned from annotated phrases (machine learning)' },
];

/** Entity settings shared by Create ("Additional Fields") and Update ("Update Fields"). */
export const entitySettingFields: INodeProperties[] = [
	{ displayName: 'Client Entity', name: 'client', type: 'boolean', default: false, description: 'Whether each client has its own records (records carry a client ID)' },
	{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether the entity is looked for in phrases' },
	{ displayName: 'Exact Matching', name: 'noMorph', type: 'boolean', default: false, description: 'Whether to match synonyms exactly, without morphology ("write" ≠ "wrote")' },
	{ displayName: 'Fuzzy Search', name: 'fuzzySearch', type: 'boolean', default: false, description: 'Whether to match synonyms with small typos' },
	{ displayName: 'Phonetic Search', name: 'phoneticSearch', type: 'boolean', default: false, description: 'Whether to match synonyms that sound alike' },
	{ displayName: 'Priority', name: 'priority', type: 'number', default: 0, description: 'Which entity wins when several match the same text (higher wins)' },
	{ displayName: 'Skip Spelling Correction', name: 'noSpelling', type: 'boolean', default: false, description: 'Whether to look for the entity before spelling correction' },
];

const SETTING_NAMES = ['client', 'enabled', 'noMorph', 'fuzzySearch', 'phoneticSearch', 'priority', 'noSpelling'];

export function entitySettings(fields: IDataObject): IDataObject {
	const data: IDataObject = {};
	for (const name of SETTING_NAMES) if (fields[name] !== undefined) data[name] = fields[name];
	return data;
}

export function checkedEntityName(ctx: IExecuteFunctions, raw: unknown, itemIndex: number, label = 'Name'): string {
	const name = String(raw ?? '').trim().replace(/^@/, '');
	if (!name) throw invalidInput(ctx, itemIndex, label, 'is empty', 'Enter the entity name, e.g. city (used as @city in phrases).');
	if (!/^[\p{L}\p{N}_.-]+$/u.test(name)) {
		throw invalidInput(ctx, itemIndex, label, `"${name}" has characters an entity name cannot have`, 'Use letters, digits, "_", "-" and "."');
	}
	return name;
}

/** The route (by entity ID or by name) and its path parameters for a records call. */
export function recordsRoute(
	ctx: IExecuteFunctions,
	itemIndex: number,
	byId: NlpRoute,
	byName: NlpRoute,
): { route: NlpRoute; pathParams: Record<string, string | number> } {
	const ref = entityRefOf(ctx, itemIndex);
	return ref.id !== undefined
		? { route: byId, pathParams: { entityId: ref.id } }
		: { route: byName, pathParams: { entityName: ref.name! } };
}

export const recordTypeOptions = [
	{ name: 'Synonyms', value: 'synonyms', description: 'Words and phrases that mean the value' },
	{ name: 'Pattern', value: 'pattern', description: 'Patterns in the JAICP pattern language' },
];

export const synonymsField: INodeProperties = {
	displayName: 'Synonyms or Patterns',
	name: 'rule',
	type: 'string',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Synonym or Pattern' },
	default: [],
	placeholder: 'e.g. NYC',
	description: 'What the record matches in a phrase',
};

/** A record (NamedEntityRecordData) from its parts; rule and value must not be empty. */
export function recordOf(ctx: IExecuteFunctions, itemIndex: number, type: unknown, rule: unknown, value: unknown): IDataObject {
	const rules = listOf(ctx, rule, itemIndex, 'Synonyms or Patterns');
	if (rules.length === 0) throw invalidInput(ctx, itemIndex, 'Synonyms or Patterns', 'is empty', 'Add at least one synonym or pattern.');
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : JSON.stringify(value);
	if (!text) throw invalidInput(ctx, itemIndex, 'Value', 'is empty', 'Enter the value the record stands for, e.g. New York.');
	if (type !== 'synonyms' && type !== 'pattern') throw invalidInput(ctx, itemIndex, 'Type', `must be synonyms or pattern, not ${JSON.stringify(type)}`);
	return { type, rule: rules, value: text };
}
