import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { multipartBody } from '../../../common/multipart';
import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { itemRequest } from '../../api';
import { jsonFromSource, jsonSourceFields } from '../../helpers/binary';

const intentsJson: INodeProperties = {
	displayName: 'Intents (JSON)',
	name: 'intentsJson',
	type: 'json',
	default: '[]',
	description:
		'The intents file content: an array of intents with path and phrases, as written by Intent → Export',
};

export const importIntents: Operation = {
	acts: true,
	value: 'import',
	name: 'Import',
	action: 'Import intents',
	description:
		'Import intents from a JSON intents file (as written by Export), resolving conflicts with a strategy; Clean Write deletes all other intents',
	properties: [
		...jsonSourceFields(intentsJson, 'binary'),
		{
			displayName: 'Strategy',
			name: 'strategy',
			type: 'options',
			options: [
				{
					name: 'Clean Write',
					value: 'cleanwrite',
					description: 'Delete all intents of the project, then write the imported ones',
				},
				{
					name: 'Merge',
					value: 'merge',
					description: 'Combine imported intents with existing ones of the same path',
				},
				{
					name: 'Overwrite',
					value: 'overwrite',
					description: 'Imported intents replace existing ones of the same path',
				},
				{
					name: 'Skip Write',
					value: 'skipwrite',
					description: 'Keep existing intents of the same path',
				},
				{
					name: 'Unresolved',
					value: 'unresolved',
					description: 'Leave conflicts for manual resolution in the platform',
				},
			],
			default: 'merge',
			description: 'What to do with an imported intent whose path already exists',
		},
		{
			displayName: 'Clean Write deletes every intent of the project that the file does not hold',
			name: 'cleanWriteNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { strategy: ['cleanwrite'] } },
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { value, label, file } = await jsonFromSource(
			this,
			itemIndex,
			intentsJson,
			'Enter the intents, e.g. the output of Intent → Export.',
		);
		if (!value || typeof value !== 'object')
			throw invalidInput(this, itemIndex, label, 'must be a JSON array or object');
		const data = file?.data ?? Buffer.from(JSON.stringify(value), 'utf8');
		const strategy = this.getNodeParameter('strategy', itemIndex, 'merge') as string;
		const form = multipartBody([
			{
				name: 'file',
				data,
				fileName: file?.fileName ?? 'intents.json',
				contentType: 'application/json',
			},
		]);
		return await itemRequest<IDataObject[]>(this, itemIndex, 'importIntents', {
			qs: { strategy },
			...form,
		});
	},
};
