import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { multipartBody } from '../../../common/multipart';
import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { nlpItemRequest } from '../../api';
import { binaryInput, binaryPropertyField, parseJsonFile } from '../../helpers/binary';

export const importFile: Operation = {
	value: 'import',
	name: 'Import',
	action: 'Import intents',
	description: 'Import intents from a JSON intents file (as written by Export), resolving conflicts with a strategy',
	properties: [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Binary File', value: 'binary' },
				{ name: 'JSON', value: 'json' },
			],
			default: 'binary',
		},
		{ ...binaryPropertyField, displayOptions: { show: { source: ['binary'] } } },
		{
			displayName: 'Intents (JSON)',
			name: 'intentsJson',
			type: 'json',
			default: '[]',
			description: 'The intents file content: an array of intents with path and phrases',
			displayOptions: { show: { source: ['json'] } },
		},
		{
			displayName: 'Strategy',
			name: 'strategy',
			type: 'options',
			options: [
				{ name: 'Clean Write', value: 'cleanwrite', description: 'Delete all intents, then write the imported ones' },
				{ name: 'Merge', value: 'merge', description: 'Combine imported intents with existing ones of the same path' },
				{ name: 'Overwrite', value: 'overwrite', description: 'Imported intents replace existing ones of the same path' },
				{ name: 'Skip Write', value: 'skipwrite', description: 'Keep existing intents of the same path' },
				{ name: 'Unresolved', value: 'unresolved', description: 'Leave conflicts for manual resolution in the platform' },
			],
			default: 'merge',
			description: 'What to do with an imported intent whose path already exists',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const source = this.getNodeParameter('source', itemIndex, 'binary') as string;
		let data: Buffer;
		let fileName = 'intents.json';
		if (source === 'json') {
			const raw = this.getNodeParameter('intentsJson', itemIndex, '') as unknown;
			let value = raw;
			if (typeof raw === 'string') {
				try {
					value = JSON.parse(raw);
				} catch (error) {
					throw invalidInput(this, itemIndex, 'Intents (JSON)', 'is not valid JSON', (error as Error).message);
				}
			}
			if (!value || typeof value !== 'object') throw invalidInput(this, itemIndex, 'Intents (JSON)', 'must be a JSON array or object');
			data = Buffer.from(JSON.stringify(value), 'utf8');
		} else {
			const file = await binaryInput(this, itemIndex);
			parseJsonFile(this, file.data, itemIndex, 'Input Binary Field');
			data = file.data;
			fileName = file.fileName;
		}
		const strategy = this.getNodeParameter('strategy', itemIndex, 'merge') as string;
		const form = multipartBody([{ name: 'file', data, fileName, contentType: 'application/json' }]);
		return await nlpItemRequest<IDataObject[]>(this, itemIndex, 'importIntents', { qs: { strategy }, ...form });
	},
};
