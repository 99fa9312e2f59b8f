import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { optionalString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { entityLocator } from '../../helpers/locators';
import {
	recordClientIdField,
	recordOf,
	recordsRoute,
	recordTypeField,
	synonymsField,
} from './common';

export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create entity record',
	description: 'Add a value with its synonyms (or patterns) to an entity',
	properties: [
		entityLocator,
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. New York',
			description: 'What the entity returns when a synonym matches (text, number or JSON)',
		},
		recordTypeField,
		synonymsField,
		recordClientIdField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const data = recordOf(
			this,
			itemIndex,
			this.getNodeParameter('type', itemIndex, 'synonyms'),
			this.getNodeParameter('rule', itemIndex, []),
			this.getNodeParameter('value', itemIndex, ''),
		);
		const clientId = optionalString(this, 'clientId', itemIndex);
		const { route, pathParams } = recordsRoute(
			this,
			itemIndex,
			'createRecord',
			'createRecordByName',
		);
		return await itemRequest<IDataObject>(this, itemIndex, route, {
			pathParams,
			body: { data: { ...data, clientId }, clientId },
		});
	},
};
