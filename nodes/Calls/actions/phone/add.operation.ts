import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation, OperationResult } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import type { Entry } from './batch';
import { addInBatches } from './batch';
import { callJobParametersOf } from './policy';
import { payloadFields, phoneField, policyFields } from './policyFields';

/** Numbers per request unless the user sets "Batch Size" (reasons in the README). */
export const DEFAULT_BATCH_SIZE = 500;

/** One item's parameters, checked, or the error naming the item; repeats of a phone are refused. */
function checkedEntry(ctx: IExecuteFunctions, itemIndex: number, firstItemOfPhone: Map<string, number>): Entry | NodeOperationError {
	try {
		const params = callJobParametersOf(ctx, itemIndex) as Entry['params'];
		const first = firstItemOfPhone.get(params.phone);
		if (first !== undefined) {
			return invalidInput(ctx, itemIndex, 'Phone', `${params.phone} is also in item ${first}`, 'The platform refuses a number twice in one load; remove the duplicate.');
		}
		firstItemOfPhone.set(params.phone, itemIndex);
		return { itemIndex, params };
	} catch (error) {
		return error instanceof NodeOperationError ? error : new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
}

export const add: Operation = {
	value: 'add',
	name: 'Add',
	action: 'Add phone numbers to the campaign',
	description:
		'Add each input item as one number to call, many numbers per request; every item comes out with its call job ID',
	properties: [
		phoneField,
		...payloadFields,
		...policyFields,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Batch Size',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 10000 },
					default: DEFAULT_BATCH_SIZE,
					description: 'Max numbers sent in one request; a request the platform finds too large is split in two',
				},
				{
					displayName: 'Prevent Duplicate Calls',
					name: 'idempotent',
					type: 'boolean',
					default: true,
					description:
						'Whether to send an idempotence key derived from the numbers, the workflow and this node, so that a retry or a re-run within 24 hours returns the call jobs already created instead of calling again. Turn off to call the same numbers again on purpose.',
				},
			],
		},
	],
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<OperationResult | Error>> {
		const options = this.getNodeParameter('options', 0, {}) as { batchSize?: number; idempotent?: boolean };
		const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
		const stopOnError = !this.continueOnFail();
		const results: Array<OperationResult | Error> = new Array(itemIndexes.length);
		const entries: Entry[] = [];
		const firstItemOfPhone = new Map<string, number>();

		// Everything is checked before the first request: without "continue on fail" one bad item
		// stops the run with nothing sent.
		itemIndexes.forEach((itemIndex, position) => {
			const checked = checkedEntry(this, itemIndex, firstItemOfPhone);
			if (checked instanceof NodeOperationError) {
				if (stopOnError) throw checked;
				results[position] = checked;
			} else {
				entries.push(checked);
			}
		});

		const outcomes = await addInBatches(this, entries, { batchSize, keyed: options.idempotent !== false, stopOnError });
		if (stopOnError) {
			const failed = entries.find((entry) => outcomes.get(entry.itemIndex) instanceof Error);
			if (failed) throw outcomes.get(failed.itemIndex);
		}
		itemIndexes.forEach((itemIndex, position) => {
			results[position] ??= outcomes.get(itemIndex) ?? new Error('Not sent');
		});
		return results;
	},
};
