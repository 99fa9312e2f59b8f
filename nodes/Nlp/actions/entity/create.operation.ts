import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { checkedEntityName, entitySettingFields, entitySettings, entityTypeField } from './common';

export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create entity',
	description: 'Create a named entity (a dictionary of values with synonyms, referenced as @name)',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. city',
			description: 'The entity name; phrases and patterns refer to it as @name',
		},
		entityTypeField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			description: 'Settings of the entity; left out, the platform defaults apply',
			options: entitySettingFields,
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const name = checkedEntityName(this, this.getNodeParameter('name', itemIndex, ''), itemIndex);
		const type = this.getNodeParameter('type', itemIndex, 'dictionary') as string;
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body = { name, type, enabled: true, ...entitySettings(fields) };
		return await itemRequest<IDataObject>(this, itemIndex, 'createEntity', { body });
	},
};
