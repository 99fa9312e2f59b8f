import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isoInZone } from '../../../common/dates';
import { INTERVALS } from '../../helpers/filters';

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
