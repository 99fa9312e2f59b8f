import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { settingsCollection } from '../../../common/fields';

import type { Operation } from '../../../common/router';
import { invalidInput, optionalString, requireChanges } from '../../../common/validate';
import { itemRequest } from '../../api';

import { entityLocator } from '../../helpers/locators';
import {
	recordClientIdField,
	recordIdOf,
	recordLocator,
	recordOf,
	recordPages,
	recordsRoute,
	recordTypeField,
	synonymsField,
} from './common';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update entity record',
	description: 'Change the value, type or synonyms of a record; fields left out stay as they are',
	properties: [
		entityLocator,
		recordLocator,
		recordClientIdField,
		settingsCollection('update', 'record', [
			{ ...synonymsField, description: 'Replaces all synonyms or patterns of the record' },
			recordTypeField,
			{
				displayName: 'Value',
				name: 'value',
				type: 'string',
				default: '',
				description: 'What the entity returns when the record matches (text, number or JSON)',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const recordId = recordIdOf(this, itemIndex);
		const clientId = optionalString(this, 'clientId', itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		requireChanges(this, itemIndex, fields, 'Choose what to change.');
		// The fields given are checked now, not after paging through the records (stand-ins for the others).
		recordOf(this, itemIndex, fields.type ?? 'synonyms', fields.rule ?? ['-'], fields.value ?? '-');
		const { route, pathParams } = recordsRoute(
			this,
			itemIndex,
			'updateRecord',
			'updateRecordByName',
		);
		let current: IDataObject = {};
		if (fields.type === undefined || fields.rule === undefined || fields.value === undefined) {
			const isIt = (record: IDataObject) => Number(record.id) === recordId;
			const found = (await recordPages(this, itemIndex, { clientId }, { found: isIt })).find(isIt);
			if (!found)
				throw invalidInput(
					this,
					itemIndex,
					'Record ID',
					`${recordId} is not a record of this entity`,
					'Pick the record from the list, or check the ID with Entity Record → Get Many.',
				);
			current = found;
		}
		const data = recordOf(
			this,
			itemIndex,
			fields.type ?? current.type,
			fields.rule ?? current.rule,
			fields.value ?? current.value,
		);
		return await itemRequest<IDataObject>(this, itemIndex, route, {
			pathParams: { ...pathParams, recordId },
			body: { data: { ...data, id: recordId, clientId }, clientId },
		});
	},
};
