import type { BatchSpec, Operation } from '../../../common/router';
import { fireItem, pushbackFields } from './fields';

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
	// One pushback per request, several requests at a time (the router runs the chunks).
	batch: {
		prepare: (itemIndex) => itemIndex, // `fireItem` reads and checks the item as it fires it
		size: 1,
		concurrency() {
			return (this.getNodeParameter('concurrency', 0, 5) as number) || 5;
		},
		async send([{ itemIndex }]) {
			return [await fireItem(this, itemIndex)];
		},
	} satisfies BatchSpec<number>,
};
