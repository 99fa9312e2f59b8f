import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { paginate } from '../../../common/paginate';
import type { Operation } from '../../../common/router';
import { invalidInput, optionalString } from '../../../common/validate';
import { nlpItemRequest } from '../../api';
import { recordOf, recordsRoute, recordTypeOptions, synonymsField } from '../../helpers/entity';
import { entityLocator, recordIdOf } from '../../helpers/locators';
import { recordClientIdField } from './add.operation';
import { RECORDS_PAGE_SIZE } from './getAll.operation';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update an entity record',
	description: 'Change the value, type or synonyms of a record; fields left out stay as they are',
	properties: [
		entityLocator,
		{ displayName: 'Record ID', name: 'recordId', type: 'string', required: true, default: '', placeholder: 'e.g. 90017' },
		recordClientIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [
				{ ...synonymsField, description: 'Replaces all synonyms or patterns of the record' },
				{ displayName: 'Type', name: 'type', type: 'options', options: recordTypeOptions, default: 'synonyms' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const recordId = recordIdOf(this, itemIndex);
		const clientId = optionalString(this, 'clientId', itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		if (Object.keys(fields).length === 0) throw invalidInput(this, itemIndex, 'Update Fields', 'is empty', 'Choose what to change.');
		// The fields given are checked now, not after paging through the records (stand-ins for the others).
		recordOf(this, itemIndex, fields.type ?? 'synonyms', fields.rule ?? ['-'], fields.value ?? '-');
		const { route, pathParams } = recordsRoute(this, itemIndex, 'updateRecord', 'updateRecordByName');
		let current: IDataObject = {};
		if (fields.type === undefined || fields.rule === undefined || fields.value === undefined) {
			// No single-record GET in the API: find the record in the entity's pages.
			const list = recordsRoute(this, itemIndex, 'getRecords', 'getRecordsByName');
			let found: IDataObject | undefined;
			await paginate(
				async (page, size) => {
					const answer = await nlpItemRequest<IDataObject>(this, itemIndex, list.route, { pathParams: list.pathParams, qs: { page, size, clientId } });
					const items = (answer?.records ?? []) as IDataObject[];
					found = found ?? items.find((record) => Number(record.id) === recordId);
					return { items: found ? [] : items };
				},
				{ pageSize: RECORDS_PAGE_SIZE },
			);
			if (!found) throw invalidInput(this, itemIndex, 'Record ID', `${recordId} is not a record of this entity`, 'Check the ID with Entity Record → Get Many.');
			current = found;
		}
		const data = recordOf(this, itemIndex, fields.type ?? current.type, fields.rule ?? current.rule, fields.value ?? current.value);
		return await nlpItemRequest<IDataObject>(this, itemIndex, route, {
			pathParams: { ...pathParams, recordId },
			body: { data: { ...data, id: recordId, clientId }, clientId },
		});
	},
};
