import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput, optionalString } from '../../../common/validate';
import { nlpItemRequest } from '../../api';
import { recordOf, recordsRoute } from '../../helpers/entity';
import { entityLocator } from '../../helpers/locators';
import { recordClientIdField } from './add.operation';

export const replaceAll: Operation = {
	value: 'replaceAll',
	name: 'Replace All',
	action: 'Replace all records of an entity',
	description: 'Make the given records the only records of an entity (sync from a spreadsheet or CMS)',
	properties: [
		entityLocator,
		{
			displayName: 'Records (JSON)',
			name: 'records',
			type: 'json',
			required: true,
			default: '[{"type": "synonyms", "value": "New York", "rule": ["New York", "NYC"]}]',
			description: 'An array of records: {"type": "synonyms" or "pattern", "value": "…", "rule": ["…"]}',
		},
		recordClientIdField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const raw = this.getNodeParameter('records', itemIndex, '[]') as unknown;
		let list: unknown = raw;
		if (typeof raw === 'string') {
			try {
				list = JSON.parse(raw);
			} catch (error) {
				throw invalidInput(this, itemIndex, 'Records (JSON)', 'is not valid JSON', (error as Error).message);
			}
		}
		if (!Array.isArray(list)) throw invalidInput(this, itemIndex, 'Records (JSON)', 'must be a JSON array');
		const clientId = optionalString(this, 'clientId', itemIndex);
		const data = (list as IDataObject[]).map((entry, n) => {
			if (!entry || typeof entry !== 'object') throw invalidInput(this, itemIndex, `Records (JSON) #${n + 1}`, 'must be an object');
			return { ...recordOf(this, itemIndex, entry.type ?? 'synonyms', entry.rule ?? entry.synonyms, entry.value), clientId };
		});
		const { route, pathParams } = recordsRoute(this, itemIndex, 'replaceRecords', 'replaceRecordsByName');
		return await nlpItemRequest<IDataObject[]>(this, itemIndex, route, { pathParams, body: { data, clientId } });
	},
};
