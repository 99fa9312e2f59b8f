import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { multipartBody } from '../../../common/multipart';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { binaryInput, binaryPropertyField } from '../../helpers/binary';
import { checkedDictionary, entriesField } from './common';

export const set: Operation = {
	value: 'set',
	name: 'Set Dictionary',
	action: 'Set speller dictionary',
	description: 'Replace the whole spelling-correction dictionary: words left out are deleted',
	properties: [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{
					name: 'Binary File',
					value: 'binary',
					description: 'A tab-separated file in an input binary field',
				},
				{
					name: 'Text (Tab-Separated)',
					value: 'text',
					description: 'One word per line: the word, a tab, a number',
				},
				{ name: 'Words', value: 'entries', description: 'Words entered one by one' },
			],
			default: 'entries',
			description: 'Where the new dictionary comes from',
		},
		{ ...entriesField, displayOptions: { show: { source: ['entries'] } } },
		{
			displayName: 'Dictionary',
			name: 'dictionary',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			placeholder: 'e.g. tovie\t1',
			description: 'One word per line: the word, a tab, a number',
			displayOptions: { show: { source: ['text'] } },
		},
		{ ...binaryPropertyField, displayOptions: { show: { source: ['binary'] } } },
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const source = this.getNodeParameter('source', itemIndex, 'entries') as string;
		let text: string;
		if (source === 'binary') text = (await binaryInput(this, itemIndex)).data.toString('utf8');
		else if (source === 'text') text = String(this.getNodeParameter('dictionary', itemIndex, ''));
		else {
			const rows = ((this.getNodeParameter('entries', itemIndex, {}) as IDataObject).entry ??
				[]) as IDataObject[];
			text = rows
				.map((row) => `${String(row.word ?? '').trim()}\t${String(row.value ?? '')}`)
				.join('\n');
		}
		const label =
			source === 'binary' ? 'Input Binary Field' : source === 'text' ? 'Dictionary' : 'Words';
		const entries = checkedDictionary(this, text, itemIndex, label);
		const tsv = entries.map((entry) => `${entry.word}\t${entry.value}`).join('\n') + '\n';
		const form = multipartBody([
			{
				name: 'file',
				data: tsv,
				fileName: 'speller.tsv',
				contentType: 'text/tab-separated-values',
			},
		]);
		const answer = await itemRequest<string>(this, itemIndex, 'setSpeller', {
			...form,
			responseType: 'text',
		});
		return { updated: true, count: entries.length, message: String(answer ?? '') };
	},
};
