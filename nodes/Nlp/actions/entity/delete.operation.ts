import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation, OperationResult } from '../../../common/router';
import { nlpItemRequest } from '../../api';
import { entityLocator, entityRefOf } from '../../helpers/locators';

const DELETE_CHUNK = 500;

export const deleteEntity: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete an entity',
	description: 'Delete entities with their records; all input items are deleted in one request',
	properties: [entityLocator],
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
		const results: Array<OperationResult | Error> = [];
		const byId: Array<{ index: number; key: number }> = [];
		const byName: Array<{ index: number; key: string }> = [];
		for (const index of itemIndexes) {
			try {
				const ref = entityRefOf(this, index);
				if (ref.id !== undefined) byId.push({ index, key: ref.id });
				else byName.push({ index, key: ref.name! });
			} catch (error) {
				// Without continueOnFail the run stops here: nothing is deleted for the other items.
				if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: index });
				results[index] = error as Error;
			}
		}
		const send = async (entries: Array<{ index: number; key: number | string }>, route: 'deleteEntities' | 'deleteEntitiesByName') => {
			for (let start = 0; start < entries.length; start += DELETE_CHUNK) {
				const chunk = entries.slice(start, start + DELETE_CHUNK);
				try {
					await nlpItemRequest(this, chunk[0].index, route, { body: [...new Set(chunk.map((entry) => entry.key))] });
					const field = route === 'deleteEntities' ? 'id' : 'name';
					for (const entry of chunk) results[entry.index] = { deleted: true, [field]: entry.key };
				} catch (error) {
					for (const entry of chunk) results[entry.index] = error as Error;
				}
			}
		};
		await send(byId, 'deleteEntities');
		await send(byName, 'deleteEntitiesByName');
		return itemIndexes.map((index) => results[index]);
	},
};
