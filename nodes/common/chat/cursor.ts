import type { IDataObject } from 'n8n-workflow';

import { EVENTS_PAGE_MAX } from './api';
import { DEFAULT_CHAT_ZONE, timestampMs } from './timestamps';

/**
 * The `/events` cursor (docs/platform-assumptions.md, "Events cursor"). The platform returns events
 * from `ts` on ("starting from which": maybe inclusive, maybe not), and each event carries only its
 * zone-less `timestamp`. So the next `ts` is the newest event's time, and the events already seen
 * are remembered by questionId, kind and time: an inclusive server's repeat of the boundary event is
 * dropped, an exclusive server simply does not send it. Each event comes out once either way.
 *
 * Zones: the platform is taken to read `ts` as an instant and to compare it with the instants of
 * its own stamps. Stamps read in the wrong zone are off by a whole number of quarter hours, so the
 * cursor corrects by the offset the answers show (`stampOffsetOf`) and asks in the platform's
 * scale: a wrong zone costs neither events (a cursor ahead) nor progress (a cursor behind).
 */
export interface CursorState {
	/** The `ts` of the next request, epoch ms. */
	ts?: number;
	/** Keys of the latest events seen (oldest first). */
	seen?: string[];
	/** Answers in a row that held nothing new. */
	repeats?: number;
	/** How far the stamps, as read, run ahead of the platform's `ts`, ms (`stampOffsetOf`). */
	stampOffset?: number;
}

/** How many event keys are remembered: several full pages of 250. */
export const SEEN_MAX = 1000;
/** How far the platform's clock and n8n's may differ (plus the time an answer takes). */
export const AHEAD_TOLERANCE_MS = 60_000;
/** Every zone's offset from UTC, so every wrong zone's error, is a whole number of these. */
const QUARTER_HOUR_MS = 900_000;
/** Stamps may trail the clock the platform compares `ts` with by less than this (rounding). */
const STAMP_SLACK_MS = 1_000;

/** Time of an event (webhook shape), epoch ms; from `timestamp`, the field the platform documents. */
export function eventMs(event: IDataObject, zone = DEFAULT_CHAT_ZONE): number | undefined {
	return timestampMs(event.timestamp ?? event.ts, zone);
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
 * How far the stamps, as read, run ahead of the `ts` scale the platform filters with (a multiple
 * of 15 minutes: the error of a wrong zone), after one answer to a request with `sentTs`
 * (`undefined`: sent without). The credential's zone is trusted (offset 0) until an answer
 * contradicts it, and then the offset moves only as far as the answer proves:
 * - every event returned is at or after `sentTs`, so its reading minus `sentTs` bounds the offset
 *   from above (floored to quarter hours, exact when the answer starts within 15 minutes of `ts`);
 *   a cursor of reading minus that bound never passes an unseen event;
 * - no event is later than n8n's clock (give or take the tolerance): readings later than that
 *   show the offset too small (the stamps run ahead: a zone east of the one set, or its summer
 *   time), and the upper bound is taken.
 */
export function stampOffsetOf(
	previous: number | undefined,
	sentTs: number | undefined,
	readings: number[],
	now = Date.now(),
): number {
	let offset = previous ?? 0;
	if (readings.length === 0) return offset;
	const bound =
		sentTs === undefined
			? undefined
			: Math.floor((Math.min(...readings) - sentTs + STAMP_SLACK_MS) / QUARTER_HOUR_MS) *
				QUARTER_HOUR_MS;
	if (bound !== undefined && bound < offset) offset = bound;
	// Too small: the safe bound; without one (no ts sent) the least offset is the only guess.
	const least = Math.max(...readings) - now - AHEAD_TOLERANCE_MS;
	if (least > offset) offset = bound ?? Math.ceil(least / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
	return offset;
}

/**
 * Takes one answer to a request with `state.ts`: the events not seen before, and the next state.
 * The next `ts` is the newest event's time in the platform's scale (its reading in `zone` minus the
 * offset, `stampOffsetOf`), never earlier than the last. An answer short of a full page held every
 * event up to when it was given, so the cursor also moves up to n8n's clock minus the tolerance:
 * a quiet channel keeps it near the present, and the next answer shows the offset exactly. An
 * answer that held only repeats (an inclusive server at rest, or a full page of them) moves the
 * cursor 1 ms past its newest event, so the next request waits for new events instead of getting
 * the same ones back at once.
 */
export function advance(
	state: CursorState,
	events: IDataObject[],
	now = Date.now(),
	zone = DEFAULT_CHAT_ZONE,
): { fresh: IDataObject[]; state: CursorState } {
	const seen = new Set(state.seen ?? []);
	const added: string[] = [];
	const fresh: IDataObject[] = [];
	const readings: number[] = [];
	for (const event of events) {
		const ms = eventMs(event, zone);
		if (ms !== undefined) readings.push(ms);
		const key = eventKey(event);
		if (seen.has(key)) continue;
		seen.add(key);
		added.push(key);
		fresh.push(event);
	}
	const onlyRepeats = events.length > 0 && fresh.length === 0;
	const stampOffset = stampOffsetOf(state.stampOffset, state.ts, readings, now);
	let ts = state.ts;
	if (readings.length > 0) {
		const newest = Math.max(...readings) - stampOffset;
		ts = Math.max(ts ?? newest, newest);
	}
	if (ts !== undefined && events.length < EVENTS_PAGE_MAX)
		ts = Math.max(ts, now - AHEAD_TOLERANCE_MS);
	if (onlyRepeats && ts !== undefined) ts += 1;
	return {
		fresh,
		state: {
			ts,
			seen: [...(state.seen ?? []), ...added].slice(-SEEN_MAX),
			repeats: onlyRepeats ? (state.repeats ?? 0) + 1 : 0,
			...(stampOffset === 0 ? {} : { stampOffset }),
		},
	};
}
