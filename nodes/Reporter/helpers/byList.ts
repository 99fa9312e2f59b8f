import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BatchSpec, OperationResult } from '../../common/router';
import type { ReporterRoute } from '../api';
import { itemRequest } from '../api';

/** Results of one by-list request: one per sent entry, in order (the by-list routes answer no body). */
export type ByListResults = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	entries: IDataObject[],
) => OperationResult[] | Promise<OperationResult[]>;

/**
 * A "by-list" route as a batch: one entry per item (built and checked by `entryOf`), all of them
 * in one request.
 */
export function byList(
	route: ReporterRoute,
	entryOf: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject,
	resultsOf: ByListResults,
	idempotent = false,
): BatchSpec<IDataObject> {
	return {
		prepare(itemIndex) {
			return entryOf(this, itemIndex);
		},
		size: Infinity,
		async send(chunk) {
			const entries = chunk.map(({ value }) => value);
			await itemRequest(this, chunk[0].itemIndex, route, { body: entries, idempotent });
			return await resultsOf(this, chunk[0].itemIndex, entries);
		},
	};
}
