import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CallOptions } from './transport';
import { DEFAULT_MAX_ATTEMPTS } from './transport';

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** The standard "Batch Size" option, for the "Options" collection of a batch operation. */
export function batchSizeOption({ default: size, max, description }: { default: number; max: number; description: string }): INodeProperties {
	return { displayName: 'Batch Size', name: 'batchSize', type: 'number', typeOptions: { minValue: 1, maxValue: max }, default: size, description };
}

/** `BatchSpec.size` from a `batchSizeOption` in "Options", read once per execution (first item). */
export function batchSizeOf(option: INodeProperties): (this: IExecuteFunctions) => number {
	const max = (option.typeOptions?.maxValue as number | undefined) ?? Infinity;
	return function (this: IExecuteFunctions) {
		const size = this.getNodeParameter(`options.${option.name}`, 0, option.default) as number;
		// A wrong value fails the first item (run-time field checks); the others keep the default.
		return Number.isFinite(size) && size >= 1 ? Math.min(max, size) : (option.default as number);
	};
}

/** Shown under every operation of every action node. */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: DEFAULT_MAX_ATTEMPTS,
			description:
				'How many times to send a request that fails with 429, 5xx or a network error, with exponential backoff. Requests that could create something twice are repeated only when the platform provably did not receive them.',
		},
	],
};

/** Transport options for one item, from the "Request Options" collection. */
export function callOptions(ctx: IExecuteFunctions, itemIndex: number): CallOptions {
	const options = ctx.getNodeParameter('requestOptions', itemIndex, {}) as { maxAttempts?: number };
	return { itemIndex, maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS };
}

/** Return All / Limit for one item: `undefined` means all. */
export function limitOf(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return ctx.getNodeParameter('limit', itemIndex, 50) as number;
}
