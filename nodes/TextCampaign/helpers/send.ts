import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type Outcome, sendChunks } from '../../common/batch';
import { outputDate, workflowZone } from '../../common/dates';
import { mayHaveArrived } from '../../common/repeats';
import { batchSizeOf } from '../../common/fields';
import type { PlatformRequest } from '../../common/requests';
import type { BatchEntry, BatchSpec, OperationResult } from '../../common/router';
import { itemRequest, type TextCampaignRoute } from '../api';
import { platformZoneOf } from './dates';
import { DEFAULT_WAIT_SECONDS, followSendings } from './delivery';

/**
 * Sending to many clients. The Text campaign API takes one client per request (send-event,
 * send-replies and the sends by template have a single `clientId`), so each item is one request,
 * and "Requests at Once" requests are in flight at once. Items that ask for exactly the same send
 * share one request only with "Merge Identical Sends". No send is ever repeated unless the
 * platform provably did not receive it: the spec declares no Idempotence-Key for these calls,
 * their routes are marked `acts`, and the operations have the router's Repeat Protection.
 */

/** Requests in flight at once unless the user sets "Requests at Once". */
export const DEFAULT_REQUESTS_AT_ONCE = 10;
export const MAX_REQUESTS_AT_ONCE = 100;

/**
 * Not a batch size: the API takes one client per request, so what the user sets is how many send
 * requests run at the same time (the router's `concurrency`).
 */
export const requestsAtOnceOption: INodeProperties = {
	displayName: 'Requests at Once',
	name: 'requestsAtOnce',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_AT_ONCE },
	default: DEFAULT_REQUESTS_AT_ONCE,
	description:
		'How many send requests go to the platform at the same time. The API takes one client per request; lower it if the platform answers 429 (too many requests).',
};

export const mergeIdenticalOption: INodeProperties = {
	displayName: 'Merge Identical Sends',
	name: 'mergeIdentical',
	type: 'boolean',
	default: false,
	description:
		'Whether items that ask for exactly the same send (same client, content and options) share one request, so the client gets it once. Off: every item is its own send.',
};

/**
 * One item's send, ready to go; `echo` is what the output item repeats about it. `waitMs`: how
 * long to follow it to its final status (Wait for Delivery), absent when not waiting.
 */
export interface PreparedSend {
	route: TextCampaignRoute;
	request: PlatformRequest;
	echo: IDataObject;
	scheduled?: boolean;
	waitMs?: number;
}

/**
 * `sendingTime` of a send body for its output item, in the workflow's time zone (none when sent
 * at once); the body holds it as the platform reads it (helpers/dates.ts).
 */
export async function scheduledAt(ctx: IExecuteFunctions, body: IDataObject): Promise<IDataObject> {
	if (!body.sendingTime) return {};
	const platformZone = await platformZoneOf(ctx);
	return { sendingTime: outputDate(body.sendingTime, workflowZone(ctx), platformZone) as string };
}

/** The prepared send with what Options say about waiting for its outcome. */
export function withWait(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: PreparedSend,
): PreparedSend {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const scheduled = (send.request.body as IDataObject | undefined)?.sendingTime !== undefined;
	if (options.waitForDelivery !== true) return { ...send, scheduled };
	const seconds = Number(options.waitSeconds ?? DEFAULT_WAIT_SECONDS);
	return { ...send, scheduled, waitMs: seconds * 1000 };
}

/** Same route, path and body → same key: with Merge Identical Sends, those items share one request. */
function keyOf(send: PreparedSend): string {
	const text = JSON.stringify([
		send.route,
		send.request.pathParams ?? null,
		send.request.body ?? null,
	]);
	return createHash('sha256').update(text).digest('hex');
}

const MAYBE_SENT =
	'The platform did not confirm the send and it was not repeated, so the client gets the message at most once. Check Sending → Get Many before sending it again.';
const STOPPED =
	'With Settings → On Error → Continue, every item comes out with what was sent and what failed.';

/** The error of one item, naming its client and telling whether the message may have gone out. */
function itemError(
	ctx: IExecuteFunctions,
	entry: BatchEntry<PreparedSend>,
	error: unknown,
	reuse: boolean,
	stopOnError: boolean,
): Error {
	const { echo } = entry.value;
	const who =
		echo.clientId !== undefined
			? `client ${String(echo.clientId)}`
			: `template ${String(echo.templateId)}`;
	const maybe = mayHaveArrived(error);
	const reason = String((error as Error).message ?? error).replace(/ \[item \d+\]$/, '');
	const message = `${maybe ? 'Maybe not sent' : 'Not sent'} to ${who}: ${reason} [item ${entry.itemIndex}]`;
	const original = (error as NodeOperationError).description ?? undefined;
	const description =
		[maybe ? MAYBE_SENT : original, stopOnError ? STOPPED : undefined].filter(Boolean).join(' ') ||
		undefined;
	if (reuse && (error instanceof NodeApiError || error instanceof NodeOperationError)) {
		error.message = message;
		error.description = description ?? null;
		error.context.itemIndex = entry.itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex: entry.itemIndex,
		description,
	});
}

/** Sends one group of items (one request; identical items share it with Merge Identical Sends). */
async function sendGroup(
	this: IExecuteFunctions,
	chunk: Array<BatchEntry<PreparedSend>>,
	{ stopOnError }: { stopOnError: boolean },
): Promise<Array<OperationResult | Error>> {
	const [first] = chunk;
	try {
		const answer = await itemRequest<IDataObject | undefined>(
			this,
			first.itemIndex,
			first.value.route,
			first.value.request,
		);
		const sendingId = answer?.uuid;
		// `accepted`, not `sent`: the platform has taken the send; delivery comes later.
		return chunk.map(({ value, itemIndex }) => ({
			...value.echo,
			accepted: true,
			sendingId,
			...(itemIndex === first.itemIndex ? {} : { duplicateOf: first.itemIndex }),
		}));
	} catch (error) {
		return chunk.map((entry, n) => itemError(this, entry, error, n === 0, stopOnError));
	}
}

/**
 * The batch form of a send operation: `prepare` reads and checks one item (the router checks every
 * item before the first request); equal sends share one request; Requests at Once requests run at once.
 * Items with Wait for Delivery form one group: sent the same way (the router's engine, run on the
 * group), then their sendings are followed together, one status list per round for all of them.
 */
export function sendBatch(
	prepare: (this: IExecuteFunctions, itemIndex: number) => Promise<PreparedSend>,
): BatchSpec<PreparedSend> {
	const single: BatchSpec<PreparedSend> = {
		async prepare(itemIndex) {
			return withWait(this, itemIndex, await prepare.call(this, itemIndex));
		},
		key(send, itemIndex) {
			const merge = this.getNodeParameter('options.mergeIdentical', 0, false) as boolean;
			return merge ? keyOf(send) : String(itemIndex);
		},
		// Every item with the same key in one chunk: one request for the group.
		size: Number.POSITIVE_INFINITY,
		concurrency: batchSizeOf(requestsAtOnceOption),
		send: sendGroup,
	};
	return {
		...single,
		key(send, itemIndex) {
			return send.waitMs !== undefined ? 'wait' : single.key!.call(this, send, itemIndex);
		},
		async send(chunk, options) {
			if (chunk[0].value.waitMs === undefined) return await sendGroup.call(this, chunk, options);
			const since = Date.now();
			const outcomes: Outcome[] = [];
			await sendChunks(this, single, chunk, outcomes, options.stopOnError);
			const results = chunk.map(
				({ itemIndex }) =>
					outcomes[itemIndex] ??
					new NodeOperationError(
						this.getNode(),
						`Not sent: the run stopped at an earlier failure [item ${itemIndex}]`,
						{ itemIndex },
					),
			);
			// The run stops on the failure anyway: no point waiting for the others.
			if (options.stopOnError && results.some((r) => r instanceof Error)) return results;
			const accepted = chunk.flatMap(({ value, itemIndex }, n) => {
				const result = results[n] as IDataObject;
				return result instanceof Error || typeof result.sendingId !== 'string'
					? []
					: [
							{
								sendingId: result.sendingId,
								itemIndex,
								scheduled: value.scheduled === true,
								waitMs: value.waitMs!,
							},
						];
			});
			const followed = await followSendings(this, accepted, since);
			return results.map((result) =>
				result instanceof Error
					? result
					: { ...result, ...followed.get(String((result as IDataObject).sendingId)) },
			);
		},
	};
}
