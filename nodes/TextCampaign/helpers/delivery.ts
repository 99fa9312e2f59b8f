import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { platformDate, platformZoneOf } from './dates';
import { listSendings } from './lists';

/**
 * Following sends to their outcome. A send is accepted at once (`{uuid}`) and delivered later:
 * the sending moves INIT → PENDING → SENT or FAILED (or CANCELED), and a send for later stays
 * POSTPONED until its time. The only read of a sending's status is the sendings list
 * (getSendings): one sending by `eventSendingInfoUuid`, or many by the time they were scheduled.
 */

/** Polling settings; tests shorten them instead of waiting. */
export const deliveryTiming = {
	/** Pause before the first status check, doubled after each round up to the maximum. */
	firstPauseMs: 1_000,
	maxPauseMs: 30_000,
	/**
	 * How far before the first send the shared list starts: the platform stamps a sending with
	 * its own clock, which may run behind n8n's.
	 */
	clockMarginMs: 120_000,
	sleep: async (ms: number) => await sleep(ms),
};

/** The default of Wait Timeout (Seconds). */
export const DEFAULT_WAIT_SECONDS = 300;

export const waitOptions: INodeProperties[] = [
	{
		displayName: 'Wait for Delivery',
		name: 'waitForDelivery',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until each sending has its final status (Sent, Failed or Canceled; Scheduled for a send at a later time) and output it. Off: the item only says the platform accepted the send.',
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 86_400 },
		default: DEFAULT_WAIT_SECONDS,
		description:
			'With Wait for Delivery: how long to wait for the final status. After it the item comes out with the status so far and timedOut: true (not an error); the sending goes on on the platform.',
	},
];

/** Statuses after which a sending changes no more (DELIVERED and NOT_DELIVERED: the list filter names them). */
const FINAL = new Set(['SENT', 'FAILED', 'CANCELED', 'DELIVERED', 'NOT_DELIVERED']);

/** Final for this send: a send for later is done (for now) once the platform has scheduled it. */
export function isFinal(status: unknown, scheduled: boolean): boolean {
	return FINAL.has(String(status)) || (scheduled && status === 'POSTPONED');
}

/** One accepted sending to follow. */
export interface Watched {
	sendingId: string;
	itemIndex: number;
	scheduled: boolean;
	waitMs: number;
}

interface Open extends Watched {
	deadline: number;
	last?: IDataObject;
}

/** What the output item says about the outcome. */
function outcomeOf(open: Open, extra: IDataObject = {}): IDataObject {
	const { last } = open;
	return {
		// Accepted and not yet listed: the platform has not started on it.
		status: last?.status ?? 'PENDING',
		...(last?.errorReason ? { errorReason: last.errorReason } : {}),
		...extra,
	};
}

/**
 * One status round for every open sending. Several: one list of the sendings scheduled since the
 * first send (the API filters by one sending ID only), then one request per sending that list
 * missed. Returns whether the shared list found any of them (if not, later rounds skip it).
 */
async function pollRound(
	ctx: IExecuteFunctions,
	open: Map<string, Open>,
	shared: { from?: string },
): Promise<boolean> {
	const seen = new Map<string, IDataObject>();
	const [first] = open.values();
	let found = false;
	if (open.size > 1 && shared.from !== undefined) {
		const list = await listSendings(
			ctx,
			first.itemIndex,
			{ startTimeFrom: shared.from },
			undefined,
		);
		for (const sending of list) {
			const id = String(sending.id);
			if (open.has(id)) seen.set(id, sending);
		}
		found = seen.size > 0;
	}
	for (const [id, watched] of open) {
		if (seen.has(id)) continue;
		const [sending] = await listSendings(ctx, watched.itemIndex, { eventSendingInfoUuid: id }, 1);
		if (sending) seen.set(id, sending);
	}
	for (const [id, sending] of seen) open.get(id)!.last = sending;
	return found;
}

/**
 * Follows the sendings until each is final or its wait is over, polling them together with
 * backoff (1 s doubling to 30 s). Returns per sending ID what its output item says. A failed
 * status read ends the wait with `waitError`, never as an item error: the send itself was accepted,
 * and an error would hide its ID and let a repeat send it again.
 */
export async function followSendings(
	ctx: IExecuteFunctions,
	watched: Watched[],
	sentSince: number,
): Promise<Map<string, IDataObject>> {
	const done = new Map<string, IDataObject>();
	const open = new Map<string, Open>();
	const now = Date.now();
	for (const w of watched) {
		const known = open.get(w.sendingId);
		const deadline = now + w.waitMs;
		// Merged identical sends share one sending: follow it as long as the longest wait.
		if (known) {
			known.deadline = Math.max(known.deadline, deadline);
			known.scheduled ||= w.scheduled;
		} else open.set(w.sendingId, { ...w, deadline });
	}
	const shared: { from?: string } = {};
	if (open.size > 1) {
		// A zone the credential gets wrong only costs the shared list: sendings are then read by ID.
		const zone = await platformZoneOf(ctx, watched[0].itemIndex).catch(() => undefined);
		if (zone) shared.from = platformDate(sentSince - deliveryTiming.clockMarginMs, zone);
	}
	const cancel = ctx.getExecutionCancelSignal?.();
	let pause = deliveryTiming.firstPauseMs;
	while (open.size && !cancel?.aborted) {
		const nextDeadline = Math.min(...[...open.values()].map((o) => o.deadline));
		await deliveryTiming.sleep(Math.max(0, Math.min(pause, nextDeadline - Date.now())));
		pause = Math.min(pause * 2, deliveryTiming.maxPauseMs);
		try {
			if (!(await pollRound(ctx, open, shared))) delete shared.from;
		} catch (error) {
			for (const [id, o] of open)
				done.set(id, outcomeOf(o, { waitError: String((error as Error).message ?? error) }));
			break;
		}
		const at = Date.now();
		for (const [id, o] of open) {
			if (isFinal(o.last?.status, o.scheduled)) done.set(id, outcomeOf(o));
			else if (at >= o.deadline) done.set(id, outcomeOf(o, { timedOut: true }));
			else continue;
			open.delete(id);
		}
	}
	return done;
}
