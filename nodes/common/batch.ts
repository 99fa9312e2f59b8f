import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BatchEntry, BatchSpec, OperationResult } from './operation';

/** One item's outcome: its result, or the error it failed with. */
export type Outcome = OperationResult | Error;

/** A per-execution setting (size, concurrency) as a whole number of at least 1, or Infinity. */
function perExecution(
	ctx: IExecuteFunctions,
	setting: number | ((this: IExecuteFunctions) => number) | undefined,
	fallback: number,
): number {
	const value = typeof setting === 'function' ? setting.call(ctx) : (setting ?? fallback);
	return Number.isFinite(value) ? Math.max(1, Math.floor(value)) : value > 0 ? Infinity : fallback;
}

/** Entries grouped by key (in order of first appearance), each group cut into chunks of `size`. */
function chunksOf<P>(
	ctx: IExecuteFunctions,
	spec: BatchSpec<P>,
	entries: Array<BatchEntry<P>>,
	size: number,
): Array<Array<BatchEntry<P>>> {
	const groups = new Map<string, Array<BatchEntry<P>>>();
	for (const entry of entries) {
		const key = spec.key ? spec.key.call(ctx, entry.value, entry.itemIndex) : '';
		const group = groups.get(key);
		if (group) group.push(entry);
		else groups.set(key, [entry]);
	}
	const chunks: Array<Array<BatchEntry<P>>> = [];
	for (const group of groups.values()) {
		for (let start = 0; start < group.length; start += size)
			chunks.push(group.slice(start, start + size));
	}
	return chunks;
}

/**
 * Runs a batch operation over `entries` (items already prepared): groups, chunks and sends them;
 * fills `outcomes` by item index. With `stopOnError`, no chunk is started after one that failed.
 * A chunk whose send throws, or answers a different number of results, fails all its items.
 */
export async function sendChunks<P>(
	ctx: IExecuteFunctions,
	spec: BatchSpec<P>,
	entries: Array<BatchEntry<P>>,
	outcomes: Outcome[],
	stopOnError: boolean,
): Promise<void> {
	if (!entries.length) return;
	let chunks: Array<Array<BatchEntry<P>>>;
	let concurrency: number;
	try {
		chunks = chunksOf(ctx, spec, entries, perExecution(ctx, spec.size, 1));
		concurrency = perExecution(ctx, spec.concurrency, 1);
	} catch (error) {
		// The settings of the whole batch are wrong: every item fails with them.
		for (const { itemIndex } of entries) outcomes[itemIndex] = error as Error;
		return;
	}

	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < chunks.length && !(stopOnError && failed)) {
			const chunk = chunks[next++];
			let results: Outcome[];
			try {
				results = await spec.send.call(ctx, chunk, { stopOnError });
				if (results.length !== chunk.length) {
					throw new NodeOperationError(
						ctx.getNode(),
						`The operation answered ${results.length} results for ${chunk.length} items`,
					);
				}
			} catch (error) {
				results = chunk.map(() => error as Error);
			}
			chunk.forEach(({ itemIndex }, n) => {
				outcomes[itemIndex] = results[n];
				if (results[n] instanceof Error) failed = true;
			});
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
}
