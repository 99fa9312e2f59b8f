import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { nlpItemRequest } from '../../api';
import { checkedEntityName, entitySettingFields, entitySettings, entityTypeOptions } from '../../helpers/entity';

export const create: Operation = {
	value: 'create',
	name: 'Create',
	action: 'Create an entity',
	description: 'Create a named entity (a dictionary of values with synonyms, referenced as @name)',
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. city' },
		{ displayName: 'Type', name: 'type', type: 'options', options: entityTypeOptions, default: 'dictionary' },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: entitySettingFields,
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const name = checkedEntityName(this, this.getNodeParameter('name', itemIndex, ''), itemIndex);
		const type = this.getNodeParameter('type', itemIndex, 'dictionary') as string;
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body = { name, type, enabled: true, ...entitySettings(fields) };
		return await nlpItemRequest<IDataObject>(this, itemIndex, 'createEntity', { body });
	},
};
