import type { IDataObject } from 'n8n-workflow';

import { timestampMs } from './timestamps';

/**
 * The `/events` cursor (docs/platform-assumptions.md, "Events cursor"). The platform returns events
 * from `ts` on ("starting from which": maybe inclusive, maybe not), and each event carries only its
 * zone-less `timestamp`. So the next `ts` is the newest event's time, and the events already seen
 * are remembered by questionId, kind and time: an inclusive server's repeat of the boundary event is
 * dropped, an exclusive server simply does not send it. Each event comes out once either way.
 */
export interface CursorState {
	/** The `ts` of the next request, epoch ms. */
	ts?: number;
	/** Keys of the latest events seen (oldest first). */
	seen?: string[];
	/** Answers in a row that held nothing new. */
	repeats?: number;
}

/** How many event keys are remembered: several full pages of 250. */
export const SEEN_MAX = 1000;
/** A cursor this far ahead of n8n's clock means the timestamps were read in the wrong zone. */
export const AHEAD_TOLERANCE_MS = 60_000;

/** Time of an event (webhook shape), epoch ms; from `timestamp`, the field the platform documents. */
export function eventMs(event: IDataObject): number | undefined {
	return timestampMs(event.timestamp ?? event.ts);
}

/** What tells two events apart: questionId, kind (request or reply), client and time. */
export function eventKey(event: IDataObject): string {
	const data = (event.data && typeof event.data === 'object' ? event.data : {}) as IDataObject;
	const base = [event.questionId, event.type, event.clientId, event.timestamp]
		.map((part) => String(part ?? ''))
		.join('|');
	// Without a questionId the text has to tell them apart.
	return event.questionId === undefined
		? `${base}|${String(data.answer ?? event.query ?? event.event ?? '')}`
		: base;
}

/**
 * Takes one answer: the events not seen before, and the next state. An answer that held only
 * repeats (an inclusive server at rest) moves the cursor 1 ms past them, so the next request waits
 * for new events instead of getting the same ones back at once.
 */
export function advance(
	state: CursorState,
	events: IDataObject[],
	now = Date.now(),
): { fresh: IDataObject[]; state: CursorState } {
	const seen = new Set(state.seen ?? []);
	const added: string[] = [];
	const fresh: IDataObject[] = [];
	let newest: number | undefined;
	for (const event of events) {
		const ms = eventMs(event);
		if (ms !== undefined) newest = Math.max(newest ?? ms, ms);
		const key = eventKey(event);
		if (seen.has(key)) continue;
		seen.add(key);
		added.push(key);
		fresh.push(event);
	}
	const onlyRepeats = events.length > 0 && fresh.length === 0;
	let ts = newest === undefined ? state.ts : Math.max(state.ts ?? newest, newest);
	if (onlyRepeats && ts !== undefined) ts += 1;
	if (ts !== undefined && ts > now + AHEAD_TOLERANCE_MS) ts = now;
	return {
		fresh,
		state: {
			ts,
			seen: [...(state.seen ?? []), ...added].slice(-SEEN_MAX),
			repeats: onlyRepeats ? (state.repeats ?? 0) + 1 : 0,
		},
	};
}
