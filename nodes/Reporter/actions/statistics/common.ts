import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isoInZone } from '../../../common/dates';
import { INTERVALS } from '../../helpers/filterFields';

/** One `{ts, value}` point of the platform (ts: epoch ms of the interval's start). */
interface Point {
	ts?: unknown;
	value?: unknown;
}

/**
 * A series of `{ts, value}` points as one item per interval: its start as ISO 8601 in the
 * workflow's time zone (nodes/common/dates.ts) and its count, with `extra` (where set) on every item.
 */
export function perInterval(
	ctx: IExecuteFunctions,
	points: unknown,
	extra: IDataObject = {},
): IDataObject[] {
	const about = Object.fromEntries(
		Object.entries(extra).filter(([, value]) => value !== undefined && value !== null),
	);
	return ((Array.isArray(points) ? points : []) as Point[]).map((point) => ({
		intervalStart: typeof point.ts === 'number' ? isoInZone(ctx, point.ts) : (point.ts as string),
		count: point.value as number,
		...about,
	}));
}

export const intervalField: INodeProperties = {
	displayName: 'Interval',
	name: 'intervalType',
	type: 'options',
	options: INTERVALS,
	default: 'DAY',
	description: 'The length of one interval: one output item per interval',
};

/** Telephony answers three series; one item per day carries the three counts. */
export function telephonyPerDay(ctx: IExecuteFunctions, answer: IDataObject): IDataObject[] {
	const days = new Map<string, IDataObject>();
	for (const [series, name] of [
		['incomingCount', 'incoming'],
		['outgoingCount', 'outgoing'],
		['billingCount', 'billed'],
	] as const) {
		for (const point of perInterval(ctx, answer[series])) {
			const day = days.get(String(point.intervalStart)) ?? {
				intervalStart: point.intervalStart,
				incoming: 0,
				outgoing: 0,
				billed: 0,
			};
			day[name] = point.count;
			days.set(String(point.intervalStart), day);
		}
	}
	const average = answer.averageCallDurationInSeconds;
	return [...days.values()].map((day) => ({ ...day, averageCallDurationInSeconds: average }));
}
