import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation, OperationResult } from '../../../common/router';
import { optionalString } from '../../../common/validate';
import { nlpItemRequest, type NlpRoute } from '../../api';
import { recordsRoute } from '../../helpers/entity';
import { entityLocator, recordIdOf } from '../../helpers/locators';
import { recordClientIdField } from './add.operation';

interface Group {
	indexes: number[];
	ids: number[];
	route: NlpRoute;
	pathParams: Record<string, string | number>;
	clientId?: string;
}

export const deleteRecord: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete an entity record',
	description: 'Delete records; input items of the same entity are deleted in one request',
	properties: [
		entityLocator,
		{ displayName: 'Record ID', name: 'recordId', type: 'string', required: true, default: '', placeholder: 'e.g. 90017' },
		recordClientIdField,
	],
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
		const results: Array<OperationResult | Error> = [];
		const groups = new Map<string, Group>();
		for (const index of itemIndexes) {
			try {
				const recordId = recordIdOf(this, index);
				const clientId = optionalString(this, 'clientId', index);
				const { route, pathParams } = recordsRoute(this, index, 'deleteRecords', 'deleteRecordsByName');
				const key = JSON.stringify([route, pathParams, clientId]);
				const group = groups.get(key) ?? { indexes: [], ids: [], route, pathParams, clientId };
				group.indexes.push(index);
				group.ids.push(recordId);
				groups.set(key, group);
			} catch (error) {
				// Without continueOnFail the run stops here: nothing is deleted for the other items.
				if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: index });
				results[index] = error as Error;
			}
		}
		for (const { indexes, ids, route, pathParams, clientId } of groups.values()) {
			try {
				await nlpItemRequest(this, indexes[0], route, {
					pathParams,
					qs: { clientId },
					body: [...new Set(ids)],
				});
				indexes.forEach((index, n) => (results[index] = { deleted: true, id: ids[n] }));
			} catch (error) {
				for (const index of indexes) results[index] = error as Error;
			}
		}
		return itemIndexes.map((index) => results[index]);
	},
};
