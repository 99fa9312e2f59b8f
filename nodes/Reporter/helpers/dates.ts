import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput, toEpochMs } from '../../common/validate';

/**
 * The Reporter API wants three date forms (docs/api-reporter-nlp.md §2.1): `YYYY-MM-DD` for
 * simple statistics and daily reports, `yyyy-MM-ddTHH:mm:ss.SSSZ` for filters and message
 * times, and epoch ms for the message-reaction report. Users may type any of them, pick a date
 * in the UI, or pass a Luxon/JS date from an expression.
 */
function epochOf(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): number | undefined {
	if (typeof value === 'string') {
		const text = value.trim();
		if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00.000Z`);
		// [chosen] A date-time without a zone (what the date picker gives) is read as UTC, so the
		// result does not depend on the zone the n8n process runs in.
		if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return Date.parse(`${text.replace(' ', 'T')}Z`);
	}
	return toEpochMs(ctx, value, itemIndex, label);
}

/** `YYYY-MM-DD`; a date-time keeps its own calendar date as written (or its UTC date). */
export function toDateOnly(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string | undefined {
	if (typeof value === 'string') {
		const match = /^(\d{4}-\d{2}-\d{2})(?:[T ][^Z+-]*)?$/.exec(value.trim());
		if (match) return match[1];
	}
	const ms = epochOf(ctx, value, itemIndex, label);
	return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/** `2024-02-14T21:00:00.234Z` (UTC, milliseconds, `Z`). */
export function toDateTime(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string | undefined {
	const ms = epochOf(ctx, value, itemIndex, label);
	return ms === undefined ? undefined : new Date(ms).toISOString();
}

export function requiredDate<T>(
	convert: (ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string) => T | undefined,
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): T {
	const value = convert(ctx, ctx.getNodeParameter(name, itemIndex, '') as unknown, itemIndex, label);
	if (value === undefined) throw invalidInput(ctx, itemIndex, label, 'is empty', 'Enter a date such as 2026-01-31.');
	return value;
}

/** Epoch milliseconds (the message-reaction report's times). */
export function toEpochMsOf(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): number | undefined {
	return epochOf(ctx, value, itemIndex, label);
}
