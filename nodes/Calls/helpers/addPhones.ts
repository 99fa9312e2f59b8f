import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { callOptions } from '../../common/fields';
import { platformErrorDetails } from '../../common/errors';
import type { BatchEntry, OperationResult } from '../../common/router';
import { callsRequest } from '../api';
import { idempotenceKeyFor } from './idempotence';
import { normalizePhone } from './phones';

/** One number's `CallJobParameters`, read and checked. */
export type CallJob = IDataObject & { phone: string };

type Entry = BatchEntry<CallJob>;

/** A request refused for some of its phones is sent again without them at most this often. */
const MAX_ROUNDS = 10;
/** Errors after which no other request of the run can succeed. */
const FATAL_CODES = new Set(['invalid.call.task.state', 'invalid.token']);
const FATAL_STATUSES = new Set([401, 403, 404]);

interface Failure extends ReturnType<typeof platformErrorDetails> {
	error: Error;
}

/**
 * What one execution of Add remembers across its items and requests (keyed by the execution's
 * context, so nothing outlives it): the first item of each phone, and a fatal refusal.
 */
interface Run {
	firstItemOfPhone: Map<string, number>;
	fatal?: Failure;
}
const runs = new WeakMap<IExecuteFunctions, Run>();

function runOf(ctx: IExecuteFunctions): Run {
	let run = runs.get(ctx);
	if (!run) runs.set(ctx, (run = { firstItemOfPhone: new Map() }));
	return run;
}

/** The first item of this execution with `phone` (`itemIndex` itself when it is the first). */
export function firstItemWith(ctx: IExecuteFunctions, phone: string, itemIndex: number): number {
	const { firstItemOfPhone } = runOf(ctx);
	if (!firstItemOfPhone.has(phone)) firstItemOfPhone.set(phone, itemIndex);
	return firstItemOfPhone.get(phone)!;
}

/** The phones a 400 names (`phone`, `phonesDuplicates`), normalised like ours. */
function namedPhones({ body }: Failure): Set<string> {
	const named = new Set<string>();
	if (typeof body.phone === 'string' || typeof body.phone === 'number')
		named.add(normalizePhone(String(body.phone)));
	for (const phone of (Array.isArray(body.phonesDuplicates)
		? body.phonesDuplicates
		: []) as unknown[]) {
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
	const { phone } = entry.value;
	const message = `Phone ${phone} was not added${context ? ` ${context}` : ''}: ${failure.error.message} [item ${entry.itemIndex}]`;
	const description =
		failure.code === 'phone.duplicated'
			? 'The campaign already has this number (with the same payload) from the last 24 hours, or the request held it twice.'
			: ((failure.error as NodeOperationError).description ?? undefined);
	const { errorResponse } = failure.error as NodeApiError;
	if (errorResponse) {
		return new NodeApiError(ctx.getNode(), errorResponse, {
			message,
			description,
			httpCode: failure.status ? String(failure.status) : undefined,
			itemIndex: entry.itemIndex,
		});
	}
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex: entry.itemIndex,
		description,
	});
}

/**
 * The error of an item whose request the platform accepted with an answer that does not match
 * it: its call job was probably created, so it is not reported as "not added".
 */
function unclearError(ctx: IExecuteFunctions, entry: Entry, batch: Entry[], count: number): Error {
	return new NodeOperationError(
		ctx.getNode(),
		`Phone ${entry.value.phone} may have been added: the platform accepted the request with ${range(batch)} but answered ${count} call job IDs for ${batch.length} numbers [item ${entry.itemIndex}]`,
		{
			itemIndex: entry.itemIndex,
			description:
				'The call jobs were probably created. Check the campaign\'s call jobs before running again: re-sending may call these numbers twice (with "Prevent Duplicate Calls" on, a re-run within 24 hours returns the jobs already created).',
		},
	);
}

/** Sends one request; answers the call job IDs, which may not match the batch (see `unclearError`). */
async function request(ctx: IExecuteFunctions, batch: Entry[], keyed: boolean): Promise<string[]> {
	const body = batch.map((entry) => entry.value);
	const ids = await callsRequest<unknown>(
		ctx,
		'addPhones',
		{ body, idempotenceKey: keyed ? idempotenceKeyFor(ctx, 'addPhones', body) : undefined },
		callOptions(ctx, batch[0].itemIndex),
	);
	return Array.isArray(ids) ? ids.map(String) : [];
}

/**
 * Adds one chunk of numbers; one outcome per entry, in order. A refusal that names phones fails
 * those items only and the rest is sent again; any other refusal fails the items of its request;
 * a stopped campaign or an unknown token fails its request, and every number of this execution
 * not sent yet fails without a request. A 413 splits the request in two. With `stopOnError` the
 * first refused request ends the chunk: its first failed item's error is thrown.
 */
export async function addPhones(
	ctx: IExecuteFunctions,
	chunk: Entry[],
	options: { keyed: boolean; stopOnError: boolean },
): Promise<Array<OperationResult | Error>> {
	const run = runOf(ctx);
	const outcomes = new Map<number, OperationResult | Error>();
	const fail = (entries: Entry[], errorOf: (entry: Entry) => Error) => {
		for (const entry of entries) outcomes.set(entry.itemIndex, errorOf(entry));
		if (options.stopOnError) throw outcomes.get(entries[0].itemIndex);
	};
	const queue: Entry[][] = [chunk];
	while (queue.length) {
		let pending = queue.shift()!;
		for (let round = 1; pending.length; round++) {
			const { fatal } = run;
			if (fatal) {
				fail(pending, (entry) =>
					itemError(ctx, entry, fatal, '(not sent after an earlier refusal)'),
				);
				break;
			}
			let ids: string[];
			try {
				ids = await request(ctx, pending, options.keyed);
			} catch (error) {
				const failure: Failure = { error: error as Error, ...platformErrorDetails(error) };
				if (failure.status === 413 && pending.length > 1) {
					const half = Math.ceil(pending.length / 2);
					queue.unshift(pending.slice(0, half), pending.slice(half));
					break;
				}
				if (
					(failure.code && FATAL_CODES.has(failure.code)) ||
					(failure.status && FATAL_STATUSES.has(failure.status))
				)
					run.fatal = failure;
				const named = namedPhones(failure);
				const refused = pending.filter((entry) => named.has(entry.value.phone));
				// A fatal refusal fails the whole request even when it names phones: nothing is re-sent.
				const whole = refused.length === 0 || round >= MAX_ROUNDS || run.fatal !== undefined;
				const context = whole ? `(the request with ${range(pending)} failed)` : '';
				fail(whole ? pending : refused, (entry) => itemError(ctx, entry, failure, context));
				pending = whole ? [] : pending.filter((entry) => !named.has(entry.value.phone));
				continue;
			}
			const sent = pending;
			if (ids.length !== sent.length)
				fail(sent, (entry) => unclearError(ctx, entry, sent, ids.length));
			else
				sent.forEach((entry, n) =>
					outcomes.set(entry.itemIndex, { phone: entry.value.phone, callJobId: ids[n] }),
				);
			break;
		}
	}
	return chunk.map((entry) => outcomes.get(entry.itemIndex)!);
}
