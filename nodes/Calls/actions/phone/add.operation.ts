import { batchSizeOf, batchSizeOption, optionsCollection } from '../../../common/fields';
import type { BatchSpec, Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import type { CallJob } from '../../helpers/addPhones';
import { addPhones, firstItemWith } from '../../helpers/addPhones';
import { callJobParametersOf } from '../../helpers/callPolicy';
import { payloadFields, payloadOf, phoneField, phoneOf, policyFields } from './common';

/** Numbers per request unless the user sets "Batch Size" (reasons in the README). */
export const DEFAULT_BATCH_SIZE = 500;

const batchSize = batchSizeOption({
	default: DEFAULT_BATCH_SIZE,
	max: 10000,
	description:
		'Max numbers sent in one request; a request the platform finds too large is split in two',
});

export const add: Operation = {
	value: 'add',
	name: 'Add',
	action: 'Add numbers to campaign',
	description:
		'Add each input item as one number to call, with its own call policy, many numbers per request; every item comes out with its call job ID',
	properties: [
		phoneField,
		...payloadFields,
		...policyFields,
		optionsCollection('How the numbers are sent', [
			batchSize,
			{
				displayName: 'Prevent Duplicate Calls',
				name: 'idempotent',
				type: 'boolean',
				default: true,
				description:
					'Whether a retry or a re-run within 24 hours returns the call jobs already created instead of calling again (the requests carry a key made from the numbers, the workflow and this node). Turn off to call the same numbers again on purpose.',
			},
		]),
	],
	batch: {
		prepare(itemIndex) {
			const params = callJobParametersOf(this, itemIndex, {
				phone: phoneOf(this, itemIndex),
				payload: payloadOf(this, itemIndex),
			}) as CallJob;
			const first = firstItemWith(this, params.phone, itemIndex);
			if (first !== itemIndex) {
				throw invalidInput(
					this,
					itemIndex,
					'Phone',
					`${params.phone} is also in item ${first}`,
					'The platform refuses a number twice in one load; remove the duplicate.',
				);
			}
			return params;
		},
		size: batchSizeOf(batchSize),
		async send(chunk, { stopOnError }) {
			const keyed = this.getNodeParameter('options.idempotent', 0, true) !== false;
			return await addPhones(this, chunk, { keyed, stopOnError });
		},
	} satisfies BatchSpec<CallJob>,
};
