import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../common/validate';

/** A list parameter: the UI gives string[]; expressions may give an array or lines of text. */
export function listOf(ctx: IExecuteFunctions, raw: unknown, itemIndex: number, label: string): string[] {
	if (raw === undefined || raw === null || raw === '') return [];
	if (typeof raw === 'string') return raw.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
	if (!Array.isArray(raw)) throw invalidInput(ctx, itemIndex, label, 'must be a list of texts');
	return (raw as unknown[]).flat().map((value, n) => {
		const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
		if (!text) throw invalidInput(ctx, itemIndex, `${label} #${n + 1}`, 'is empty', 'Remove the empty entry or fill it in.');
		return text;
	});
}

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
	{ displayName: 'Answer', name: 'answer', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'The answer stored with the intent' },
	{ displayName: 'Custom Data (JSON)', name: 'customData', type: 'json', default: '{}', description: 'Any JSON object kept with the intent' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether the classifier uses this intent' },
	patternsList,
];

export const createPhrasesField = phrasesList('Training phrases, one per entry (an expression may give an array)');

export const updatePhrasesField = phrasesList('Phrases to replace, add or remove, as chosen in Phrase Changes');

/** Reads the detail fields of a collection into IntentData properties. */
export function intentDetails(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const data: IDataObject = {};
	if (fields.answer !== undefined) data.answer = String(fields.answer);
	if (fields.description !== undefined) data.description = String(fields.description);
	if (fields.enabled !== undefined) data.enabled = fields.enabled === true;
	if (fields.patterns !== undefined) data.patterns = listOf(ctx, fields.patterns, itemIndex, 'Patterns');
	if (fields.customData !== undefined) data.customData = customDataOf(ctx, fields.customData, itemIndex);
	return data;
}

export function phrasesOf(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): IDataObject[] {
	return listOf(ctx, raw, itemIndex, 'Phrases').map((text) => ({ text }));
}

/** Custom data is kept by the API as JSON text; the user gives an object or JSON. */
function customDataOf(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): string | undefined {
	let value = raw;
	if (typeof raw === 'string') {
		if (!raw.trim()) return undefined;
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw invalidInput(ctx, itemIndex, 'Custom Data (JSON)', 'is not valid JSON', (error as Error).message);
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidInput(ctx, itemIndex, 'Custom Data (JSON)', 'must be a JSON object', 'For example {"team": "sales"}.');
	}
	return JSON.stringify(value);
}
