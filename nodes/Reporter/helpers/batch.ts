import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationResult } from '../../common/router';
import type { ReporterRoute } from '../api';
import { itemRequest } from '../api';

/**
 * Many items → one "by-list" request. Each item's entry is built first; an item whose fields
 * are invalid gets its own error and is left out of the request (or, without continueOnFail,
 * stops the run before it); the others share its answer or its error.
 */
export async function sendAsList(
	ctx: IExecuteFunctions,
	itemIndexes: number[],
	route: ReporterRoute,
	entryOf: (itemIndex: number) => IDataObject,
	mark: IDataObject,
	idempotent = false,
): Promise<Array<OperationResult | Error>> {
	const results: Array<OperationResult | Error> = [];
	const entries: IDataObject[] = [];
	const sent: number[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			entries.push(entryOf(itemIndex));
			sent.push(itemIndex);
		} catch (error) {
			// Without continueOnFail the run stops here, before the request: nothing is changed.
			if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			results[itemIndex] = error as Error;
		}
	}
	if (entries.length) {
		try {
			await itemRequest(ctx, sent[0], route, { body: entries, idempotent });
			sent.forEach((itemIndex, n) => (results[itemIndex] = { ...entries[n], ...mark }));
		} catch (error) {
			// The request's items share its error; items refused above keep their own.
			for (const itemIndex of sent) results[itemIndex] = error as Error;
		}
	}
	return itemIndexes.map((itemIndex) => results[itemIndex]);
}
