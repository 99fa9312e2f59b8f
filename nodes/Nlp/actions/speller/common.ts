import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../common/validate';

/** What Get and Set of the speller dictionary share: its words and their tab-separated text. */

export interface DictionaryEntry extends IDataObject {
	word: string;
	value: number;
}

export const entriesField: INodeProperties = {
	displayName: 'Words',
	name: 'entries',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add word',
	default: {},
	description: 'The words of the dictionary, each with its number',
	options: [
		{
			displayName: 'Word',
			name: 'entry',
			description: 'One word of the dictionary',
			values: [
				{
					displayName: 'Word',
					name: 'word',
					type: 'string',
					default: '',
					description: 'A word the spelling correction should know',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'number',
					default: 1,
					description: 'The number stored with the word (e.g. 1, or -1)',
				},
			],
		},
	],
};

/** The platform's TSV: `word<TAB>number` per line. Lines that do not fit are skipped. */
export function parseDictionary(text: string): DictionaryEntry[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.split('\t'))
		.filter((parts) => parts.length >= 2 && parts[0].trim() !== '')
		.map(([word, value]) => ({ word: word.trim(), value: Number(value) }));
}

/** Validates every line before the upload; errors name the field, the line and the item. */
export function checkedDictionary(
	ctx: IExecuteFunctions,
	text: string,
	itemIndex: number,
	label: string,
): DictionaryEntry[] {
	const entries: DictionaryEntry[] = [];
	text.split(/\r?\n/).forEach((line, n) => {
		if (!line.trim()) return;
		const [word, value, ...rest] = line.split('\t');
		if (
			!word?.trim() ||
			value === undefined ||
			rest.length ||
			!/^-?\d+(\.\d+)?$/.test(value.trim())
		) {
			throw invalidInput(
				ctx,
				itemIndex,
				`${label} line ${n + 1}`,
				`is not "word<TAB>number": ${JSON.stringify(line)}`,
			);
		}
		entries.push({ word: word.trim(), value: Number(value.trim()) });
	});
	if (entries.length === 0)
		throw invalidInput(ctx, itemIndex, label, 'is empty', 'Add at least one word.');
	return entries;
}
