import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BatchSpec } from '../../common/router';
import type { ReporterRoute } from '../api';
import { itemRequest } from '../api';

/**
 * A "by-list" route as a batch: one entry per item (built and checked by `entryOf`), all of them
 * in one request; each item answers its entry with `mark`.
 */
export function byList(
	route: ReporterRoute,
	entryOf: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject,
	mark: IDataObject,
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
			return entries.map((entry) => ({ ...entry, ...mark }));
		},
	};
}
