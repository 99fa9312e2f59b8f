import type { IExecuteFunctions } from 'n8n-workflow';

import { readDateMs, readDateOnly } from '../../common/dates';
import { invalidInput } from '../../common/validate';

/**
 * The Reporter API wants three date forms (see its spec): `YYYY-MM-DD` for
 * simple statistics and daily reports, `yyyy-MM-ddTHH:mm:ss.SSSZ` for filters and message
 * times, and epoch ms for the message-reaction report. Users may type any form the common
 * reader takes (nodes/common/dates.ts): a date or date-time without a zone is in the
 * workflow's time zone, like the date picker means it.
 */

/** `YYYY-MM-DD`: a date stays the day written; a date-time gives its day in the workflow zone. */
export function toDateOnly(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): string | undefined {
	return readDateOnly(ctx, value, itemIndex, label);
}

/** `2024-02-14T21:00:00.234Z` (UTC, milliseconds, `Z`). */
export function toDateTime(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): string | undefined {
	const ms = readDateMs(ctx, value, itemIndex, label);
	return ms === undefined ? undefined : new Date(ms).toISOString();
}

export function requiredDate<T>(
	convert: (
		ctx: IExecuteFunctions,
		value: unknown,
		itemIndex: number,
		label: string,
	) => T | undefined,
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): T {
	const value = convert(
		ctx,
		ctx.getNodeParameter(name, itemIndex, '') as unknown,
		itemIndex,
		label,
	);
	if (value === undefined)
		throw invalidInput(ctx, itemIndex, label, 'is empty', 'Enter a date such as 2026-01-31.');
	return value;
}

/** Epoch milliseconds (the message-reaction report's times). */
export function toEpochMsOf(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): number | undefined {
	return readDateMs(ctx, value, itemIndex, label);
}
