import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { settingsCollection } from '../../../common/fields';

import type { Operation } from '../../../common/router';
import { requireChanges } from '../../../common/validate';
import { itemRequest } from '../../api';

import { entityIdOf, entityLocator } from '../../helpers/locators';
import { checkedEntityName, entitySettingFields, entitySettings, entityTypeField } from './common';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update entity',
	description: 'Rename an entity or change its settings; fields left out stay as they are',
	properties: [
		entityLocator,
		settingsCollection('update', 'entity', [
			...entitySettingFields,
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'A new name for the entity',
			},
			entityTypeField,
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const changes = entitySettings(fields);
		if (fields.name !== undefined) changes.name = checkedEntityName(this, fields.name, itemIndex);
		if (fields.type !== undefined) changes.type = fields.type;
		requireChanges(this, itemIndex, changes, 'Choose what to change.');
		const entityId = await entityIdOf(this, itemIndex);
		// PUT replaces the entity: send the current one with the changes applied.
		const current = await itemRequest<IDataObject>(this, itemIndex, 'getEntity', {
			pathParams: { entityId },
		});
		const body = { ...current, ...changes, id: entityId };
		return await itemRequest<IDataObject>(this, itemIndex, 'updateEntity', {
			pathParams: { entityId },
			body,
		});
	},
};
