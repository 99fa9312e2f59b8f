import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation, OperationResult } from '../../../common/router';
import { fireItem, pushbackFields } from './fields';

/** Runs `task` for every index with at most `limit` running at once; keeps each result in place. */
async function mapConcurrent<T>(indexes: number[], limit: number, task: (index: number) => Promise<T>): Promise<Array<T | Error>> {
	const results: Array<T | Error> = new Array(indexes.length);
	let next = 0;
	const worker = async () => {
		while (next < indexes.length) {
			const position = next++;
			results[position] = await task(indexes[position]).catch((error: Error) => error);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, indexes.length) }, worker));
	return results;
}

export const triggerMany: Operation = {
	value: 'triggerMany',
	name: 'Trigger Many',
	action: 'Trigger many pushbacks',
	description: 'Fire the pushbacks of all input items, several at a time; each item gets its own result or error',
	properties: [
		...pushbackFields,
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 5,
			description: 'How many pushbacks to fire at the same time',
		},
	],
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<OperationResult | Error>> {
		const concurrency = (this.getNodeParameter('concurrency', 0, 5) as number) || 5;
		return await mapConcurrent(itemIndexes, concurrency, async (itemIndex) => await fireItem(this, itemIndex));
	},
};
