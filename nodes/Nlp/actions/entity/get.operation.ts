import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { entityLocator, entityRefOf } from '../../helpers/locators';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get entity',
	description: 'Get an entity and, optionally, all its records',
	properties: [
		entityLocator,
		{
			displayName: 'Include Records',
			name: 'includeRecords',
			type: 'boolean',
			default: false,
			description: 'Whether to add the entity records (values and synonyms) to the output',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const ref = entityRefOf(this, itemIndex);
		const includeRecords = this.getNodeParameter('includeRecords', itemIndex, false) as boolean;
		let name = ref.name;
		if (ref.id !== undefined) {
			const entity = await itemRequest<IDataObject>(this, itemIndex, 'getEntity', {
				pathParams: { entityId: ref.id },
			});
			if (!includeRecords) return entity;
			name = String(entity.name);
		}
		const answer = await itemRequest<IDataObject>(this, itemIndex, 'getEntityByName', {
			pathParams: { entityName: name! },
		});
		const entity = (answer?.entity ?? {}) as IDataObject;
		return includeRecords
			? { ...entity, records: (answer?.records ?? []) as IDataObject[] }
			: entity;
	},
};
