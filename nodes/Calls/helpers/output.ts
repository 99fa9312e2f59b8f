import type { IDataObject } from 'n8n-workflow';

import { formatIso, parseDateMs } from '../../common/dates';

/**
 * A platform time (Unix ms, per the spec, or a date-time string) as ISO 8601 in `zone`, the form
 * every node outputs (nodes/common/dates.ts); anything else → undefined.
 */
export function isoOf(value: unknown, zone: string): string | undefined {
	try {
		// A date-time without a zone from the platform is UTC (docs/platform-assumptions.md, "Dates").
		const ms = parseDateMs(value, 'UTC');
		return ms === undefined ? undefined : formatIso(ms, zone);
	} catch {
		return undefined;
	}
}

const TIME_FIELDS = [
	'createdAt',
	'finishedAt',
	'startedAt',
	'creationDate',
	'startTime',
	'endTime',
];

/** Docs spellings (and legacy ones) → the spec's enum values. */
const CAMPAIGN_STATUS_ALIASES: Record<string, string> = {
	inProcess: 'inProgress',
	in_progress: 'inProgress',
};
const JOB_STATUS_ALIASES: Record<string, string> = {
	canceled: 'cancelledByUser',
	cancelled: 'cancelledByUser',
};

export function campaignStatusOf(raw: unknown): string {
	const text = String(raw ?? '')
		.trim()
		.replace(/^"(.*)"$/, '$1');
	const lower = text.toLowerCase();
	const known = ['new', 'planned', 'inProgress', 'finished', 'paused', 'deleted'].find(
		(s) => s.toLowerCase() === lower,
	);
	return CAMPAIGN_STATUS_ALIASES[text] ?? known ?? text;
}

export function jobStatusOf(raw: unknown): unknown {
	return typeof raw === 'string' ? (JOB_STATUS_ALIASES[raw] ?? raw) : raw;
}

/**
 * A report or campaign object as output: its times (Unix ms on the wire) as ISO 8601 in the
 * workflow zone, statuses in the spec's spelling (the one received kept in `<field>Received`
 * when it differed).
 */
export function withReadableFields(record: IDataObject, zone: string): IDataObject {
	const out: IDataObject = { ...record };
	for (const field of TIME_FIELDS) {
		if (out[field] !== undefined && out[field] !== null)
			out[field] = isoOf(out[field], zone) ?? out[field];
	}
	if (typeof out.jobStatus === 'string') {
		const status = jobStatusOf(out.jobStatus);
		if (status !== out.jobStatus) out.jobStatusReceived = out.jobStatus;
		out.jobStatus = status as string;
	}
	if (typeof out.status === 'string') {
		const status = campaignStatusOf(out.status);
		if (status !== out.status) out.statusReceived = out.status;
		out.status = status;
	}
	return out;
}

/** What "Simplify" keeps of a call job or call attempt report: results, not script internals. */
const SIMPLE_FIELDS = [
	'callJobId',
	'phone',
	'jobStatus',
	'attemptNumber',
	'attemptsCount',
	'callResult',
	'callDuration',
	'createdAt',
	'startedAt',
	'finishedAt',
	'reportData',
];

export function simplifiedReport(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const field of SIMPLE_FIELDS) if (record[field] !== undefined) out[field] = record[field];
	return out;
}

/** A body answered as a JSON string (`"1234"`) or a bare word (`1234`) → the plain text. */
export function plainText(body: unknown): string {
	if (typeof body === 'number') return String(body);
	const text = typeof body === 'string' ? body.trim() : '';
	if (text.startsWith('"')) {
		try {
			return String(JSON.parse(text));
		} catch {
			return text.replace(/^"|"$/g, '');
		}
	}
	return text;
}
