import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { callOptions } from '../../../common/descriptions';
import { callsRequest, idempotenceKeyFor } from '../../api';
import { normalizePhone } from '../fields';

/** One input item ready to send: its index and its `CallJobParameters`. */
export interface Entry {
	itemIndex: number;
	params: IDataObject & { phone: string };
}

export interface BatchOptions {
	batchSize: number;
	/** Send a content-derived `Idempotence-Key` with every request. */
	keyed: boolean;
	/** Stop at the first refused request (the node is not set to continue on fail). */
	stopOnError: boolean;
}

export type Outcome = IDataObject | Error;

/** A request refused for some of its phones is sent again without them at most this often. */
const MAX_ROUNDS = 10;
/** Errors after which no other request of the run can succeed. */
const FATAL_CODES = new Set(['invalid.call.task.state', 'invalid.token']);
const FATAL_STATUSES = new Set([401, 403, 404]);

interface Failure {
	error: Error;
	status?: number;
	code?: string;
	body: IDataObject;
	errorResponse?: JsonObject;
}

function failureOf(error: Error): Failure {
	const response = ((error as NodeApiError).errorResponse ?? {}) as IDataObject;
	const body = response.body && typeof response.body === 'object' ? (response.body as IDataObject) : {};
	const status = Number((error as NodeApiError).httpCode ?? response.status) || undefined;
	const code = typeof response.platformCode === 'string' ? response.platformCode : undefined;
	return { error, status, code, body, errorResponse: (error as NodeApiError).errorResponse };
}

/** The phones a 400 names (`phone`, `phonesDuplicates`), normalised like ours. */
function namedPhones({ body }: Failure): Set<string> {
	const named = new Set<string>();
	if (typeof body.phone === 'string' || typeof body.phone === 'number') named.add(normalizePhone(String(body.phone)));
	for (const phone of (Array.isArray(body.phonesDuplicates) ? body.phonesDuplicates : []) as unknown[]) {
		named.add(normalizePhone(String(phone)));
	}
	return named;
}

function range(batch: Entry[]): string {
	const first = batch[0].itemIndex;
	const last = batch[batch.length - 1].itemIndex;
	return first === last ? `item ${first}` : `items ${first}–${last}`;
}

/** The error of one item: names the phone, the item and the platform's reason. */
function itemError(ctx: IExecuteFunctions, entry: Entry, failure: Failure, context: string): Error {
	const { phone } = entry.params;
	const message = `Phone ${phone} was not added${context ? ` ${context}` : ''}: ${failure.error.message} [item ${entry.itemIndex}]`;
	const description =
		failure.code === 'phone.duplicated'
			? 'The campaign already has this number (with the same payload) from the last 24 hours, or the request held it twice.'
			: (failure.error as NodeOperationError).description ?? undefined;
	if (failure.errorResponse) {
		return new NodeApiError(ctx.getNode(), failure.errorResponse, {
			message,
			description,
			httpCode: failure.status ? String(failure.status) : undefined,
			itemIndex: entry.itemIndex,
		});
	}
	return new NodeOperationError(ctx.getNode(), message, { itemIndex: entry.itemIndex, description });
}

/**
 * The error of an item whose request the platform accepted with an answer that does not match
 * it: its call job was probably created, so it is not reported as "not added".
 */
function unclearError(ctx: IExecuteFunctions, entry: Entry, batch: Entry[], count: number): Error {
	return new NodeOperationError(
		ctx.getNode(),
		`Phone ${entry.params.phone} may have been added: the platform accepted the request with ${range(batch)} but answered ${count} call job IDs for ${batch.length} numbers [item ${entry.itemIndex}]`,
		{
			itemIndex: entry.itemIndex,
			description: 'The call jobs were probably created. Check the campaign\'s call jobs before running again: re-sending may call these numbers twice (with "Prevent Duplicate Calls" on, a re-run within 24 hours returns the jobs already created).',
		},
	);
}

/** Sends one request; answers the call job IDs, which may not match the batch (see `unclearError`). */
async function send(ctx: IExecuteFunctions, batch: Entry[], keyed: boolean): Promise<string[]> {
	const body = batch.map((entry) => entry.params);
	const ids = await callsRequest<unknown>(
		ctx,
		'addPhones',
		{ body, idempotenceKey: keyed ? idempotenceKeyFor(ctx, 'addPhones', body) : undefined },
		callOptions(ctx, batch[0].itemIndex),
	);
	return Array.isArray(ids) ? ids.map(String) : [];
}

/**
 * Sends the entries in requests of at most `batchSize` numbers, one after the other. A refusal
 * that names phones fails those items only and the rest of the request is sent again; any other
 * refusal fails the items of its request; a stopped campaign or an unknown token fails its
 * request and every item not sent yet without more requests. A 413 splits the request in two.
 */
export async function addInBatches(ctx: IExecuteFunctions, entries: Entry[], options: BatchOptions): Promise<Map<number, Outcome>> {
	const outcomes = new Map<number, Outcome>();
	const queue: Entry[][] = [];
	for (let n = 0; n < entries.length; n += options.batchSize) queue.push(entries.slice(n, n + options.batchSize));
	let fatal: Failure | undefined;

	while (queue.length) {
		let pending = queue.shift()!;
		if (fatal) {
			for (const entry of pending) outcomes.set(entry.itemIndex, itemError(ctx, entry, fatal, '(not sent after an earlier refusal)'));
			continue;
		}
		for (let round = 1; pending.length; round++) {
			try {
				const ids = await send(ctx, pending, options.keyed);
				if (ids.length !== pending.length) {
					for (const entry of pending) outcomes.set(entry.itemIndex, unclearError(ctx, entry, pending, ids.length));
					if (options.stopOnError) return outcomes;
					break;
				}
				pending.forEach((entry, n) => outcomes.set(entry.itemIndex, { phone: entry.params.phone, callJobId: ids[n] }));
				break;
			} catch (error) {
				const failure = failureOf(error as Error);
				if (failure.status === 413 && pending.length > 1) {
					const half = Math.ceil(pending.length / 2);
					queue.unshift(pending.slice(0, half), pending.slice(half));
					break;
				}
				const named = namedPhones(failure);
				const refused = pending.filter((entry) => named.has(entry.params.phone));
				if ((failure.code && FATAL_CODES.has(failure.code)) || (failure.status && FATAL_STATUSES.has(failure.status))) fatal = failure;
				// A fatal refusal fails the whole request even when it names phones: nothing is re-sent.
				const whole = refused.length === 0 || round >= MAX_ROUNDS || fatal !== undefined;
				const context = whole ? `(the request with ${range(pending)} failed)` : '';
				for (const entry of whole ? pending : refused) outcomes.set(entry.itemIndex, itemError(ctx, entry, failure, context));
				if (options.stopOnError) return outcomes;
				pending = whole ? [] : pending.filter((entry) => !named.has(entry.params.phone));
			}
		}
	}
	return outcomes;
}
