import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput, jsonValueOf, optionalString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { entityLocator } from '../../helpers/locators';
import { recordClientIdField, recordOf, recordsRoute } from './common';

export const replaceAll: Operation = {
	value: 'replaceAll',
	name: 'Replace All',
	action: 'Replace all entity records',
	description:
		'Make the given records the only records of an entity: every other record is deleted (sync from a spreadsheet or CMS)',
	properties: [
		entityLocator,
		{
			displayName: 'Records (JSON)',
			name: 'records',
			type: 'json',
			required: true,
			default: '[{"type": "synonyms", "value": "New York", "rule": ["New York", "NYC"]}]',
			description:
				'An array of records: {"type": "synonyms" or "pattern", "value": "…", "rule": ["…"]}',
		},
		recordClientIdField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const list = jsonValueOf(
			this,
			itemIndex,
			this.getNodeParameter('records', itemIndex, '[]'),
			'Records (JSON)',
		);
		if (!Array.isArray(list))
			throw invalidInput(this, itemIndex, 'Records (JSON)', 'must be a JSON array');
		const clientId = optionalString(this, 'clientId', itemIndex);
		const data = (list as IDataObject[]).map((entry, n) => {
			if (!entry || typeof entry !== 'object')
				throw invalidInput(this, itemIndex, `Records (JSON) #${n + 1}`, 'must be an object');
			return {
				...recordOf(
					this,
					itemIndex,
					entry.type ?? 'synonyms',
					entry.rule ?? entry.synonyms,
					entry.value,
				),
				clientId,
			};
		});
		const { route, pathParams } = recordsRoute(
			this,
			itemIndex,
			'replaceRecords',
			'replaceRecordsByName',
		);
		return await itemRequest<IDataObject[]>(this, itemIndex, route, {
			pathParams,
			body: { data, clientId },
		});
	},
};
