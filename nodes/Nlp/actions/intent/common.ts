import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { jsonObjectOf, listOf } from '../../../common/validate';

/** What Create and Update of an intent share: phrases, patterns and the other intent fields. */

const phrasesList = (description: string): INodeProperties => ({
	displayName: 'Phrases',
	name: 'phrases',
	type: 'string',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Phrase' },
	default: [],
	placeholder: 'e.g. book a table',
	description,
});

const patternsList: INodeProperties = {
	displayName: 'Patterns',
	name: 'patterns',
	type: 'string',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Pattern' },
	default: [],
	placeholder: 'e.g. * book * @duckling.number *',
	description: 'Patterns in the JAICP pattern language',
};

/** The intent fields shared by Create ("Additional Fields") and Update ("Update Fields"). */
export const intentDetailFields: INodeProperties[] = [
	{
		displayName: 'Answer',
		name: 'answer',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'The answer stored with the intent',
	},
	{
		displayName: 'Custom Data (JSON)',
		name: 'customData',
		type: 'json',
		default: '{}',
		description: 'Any JSON object kept with the intent',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'A note on what the intent is for, shown in the intent tree',
	},
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether the classifier uses this intent',
	},
	patternsList,
];

export const createPhrasesField = phrasesList(
	'Training phrases, one per entry (an expression may give an array)',
);

export const updatePhrasesField = phrasesList(
	'Phrases to replace, add or remove, as chosen in Phrase Changes',
);

/** Reads the detail fields of a collection into IntentData properties. */
export function intentDetails(
	ctx: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const data: IDataObject = {};
	if (fields.answer !== undefined) data.answer = String(fields.answer);
	if (fields.description !== undefined) data.description = String(fields.description);
	if (fields.enabled !== undefined) data.enabled = fields.enabled === true;
	if (fields.patterns !== undefined)
		data.patterns = listOf(ctx, itemIndex, fields.patterns, 'Patterns', /\r?\n/);
	if (fields.customData !== undefined)
		data.customData = customDataOf(ctx, fields.customData, itemIndex);
	return data;
}

export function phrasesOf(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): IDataObject[] {
	// A phrase may hold commas: text splits at line breaks only.
	return listOf(ctx, itemIndex, raw, 'Phrases', /\r?\n/).map((text) => ({ text }));
}

/** Custom data is kept by the API as JSON text; the user gives an object or JSON. */
function customDataOf(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): string | undefined {
	const value = jsonObjectOf(ctx, itemIndex, raw, 'Custom Data (JSON)');
	return value === undefined ? undefined : JSON.stringify(value);
}
