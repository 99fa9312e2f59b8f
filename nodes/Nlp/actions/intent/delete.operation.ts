import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation, OperationResult } from '../../../common/router';
import { nlpItemRequest } from '../../api';
import { intentLocator, intentRefOf } from '../../helpers/locators';

/** Ids or paths per request, so one huge input does not make one huge request. */
const DELETE_CHUNK = 500;

export const deleteIntent: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete an intent',
	description: 'Delete intents; all input items are deleted in one request',
	properties: [intentLocator],
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
		const results: Array<OperationResult | Error> = [];
		const byId: Array<{ index: number; id: number }> = [];
		const byPath: Array<{ index: number; path: string }> = [];
		for (const index of itemIndexes) {
			try {
				const ref = intentRefOf(this, index);
				if (ref.id !== undefined) byId.push({ index, id: ref.id });
				else byPath.push({ index, path: ref.path! });
			} catch (error) {
				// Without continueOnFail the run stops here: nothing is deleted for the other items.
				if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: index });
				results[index] = error as Error;
			}
		}
		const send = async <T extends { index: number }>(entries: T[], route: 'deleteIntents' | 'deleteIntentsByPaths', value: (entry: T) => number | string) => {
			for (let start = 0; start < entries.length; start += DELETE_CHUNK) {
				const chunk = entries.slice(start, start + DELETE_CHUNK);
				try {
					await nlpItemRequest(this, chunk[0].index, route, { body: [...new Set(chunk.map(value))] });
					for (const entry of chunk) {
						results[entry.index] = { deleted: true, [route === 'deleteIntents' ? 'id' : 'path']: value(entry) };
					}
				} catch (error) {
					for (const entry of chunk) results[entry.index] = error as Error;
				}
			}
		};
		await send(byId, 'deleteIntents', (entry) => entry.id);
		await send(byPath, 'deleteIntentsByPaths', (entry) => entry.path);
		return itemIndexes.map((index) => results[index]);
	},
};
