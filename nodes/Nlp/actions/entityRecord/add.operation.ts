import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { optionalString } from '../../../common/validate';
import { nlpItemRequest } from '../../api';
import { recordOf, recordsRoute, recordTypeOptions, synonymsField } from '../../helpers/entity';
import { entityLocator } from '../../helpers/locators';

export const recordClientIdField = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string' as const,
	default: '',
	description: 'For client entities: the client the records belong to',
};

export const add: Operation = {
	value: 'add',
	name: 'Add',
	action: 'Add an entity record',
	description: 'Add a value with its synonyms (or patterns) to an entity',
	properties: [
		entityLocator,
		{ displayName: 'Value', name: 'value', type: 'string', required: true, default: '', placeholder: 'e.g. New York', description: 'What the entity returns when a synonym matches (text, number or JSON)' },
		{ displayName: 'Type', name: 'type', type: 'options', options: recordTypeOptions, default: 'synonyms' },
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
		const { route, pathParams } = recordsRoute(this, itemIndex, 'createRecord', 'createRecordByName');
		return await nlpItemRequest<IDataObject>(this, itemIndex, route, { pathParams, body: { data: { ...data, clientId }, clientId } });
	},
};
