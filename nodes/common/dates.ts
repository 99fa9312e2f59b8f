import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationResult, Resource } from './operation';
import { mapResults } from './operation';

/**
 * The one date reader and writer of the package (docs/platform-assumptions.md, "Dates").
 *
 * Reading: a date or date-time without a zone means the workflow's time zone
 * (`ctx.getTimezone()`), never the zone the n8n process runs in. Accepted: ISO 8601 with or
 * without an offset (`2026-01-31`, `2026-01-31T10:00`, `2026-01-31 10:00:00.5`,
 * `2026-01-31T10:00:00+05:30`, `...Z`), epoch milliseconds (a number or a string of digits), a
 * JS Date, a Luxon DateTime (anything with `toMillis()`), and RFC 2822 / HTTP dates that name
 * their zone.
 *
 * Writing: ISO 8601 with milliseconds and the offset of the workflow zone
 * (`2026-01-31T10:00:00.000-05:00`), so every output date of every node has one form that
 * `new Date()`, `Date.parse` and Luxon's `DateTime.fromISO` all read.
 *
 * Zone offsets come from `Intl.DateTimeFormat`, one formatter per zone kept for the process, and
 * are cached per zone and hour: a batch of many items pays for one construction, not one per
 * item, and mostly for no formatting at all.
 */

/** Whatever can tell the workflow zone: every n8n function context can. */
export interface ZoneSource {
	getTimezone?: () => string;
}

/** Raised by the pure readers; the context wrappers turn it into an error naming field and item. */
export class InvalidDateError extends Error {}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MAX_MS = 8.64e15; // the range of a JS Date

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterOf(zone: string): Intl.DateTimeFormat | null {
	let formatter = formatters.get(zone);
	if (formatter === undefined) {
		try {
			formatter = new Intl.DateTimeFormat('en-US', {
				timeZone: zone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric',
				era: 'short',
			});
		} catch {
			formatter = null; // RangeError: not an IANA zone
		}
		formatters.set(zone, formatter);
	}
	return formatter;
}

/** Whether `zone` is a time zone this runtime knows (IANA name or `UTC`). */
export function isTimeZone(zone: string): boolean {
	return Boolean(zone) && formatterOf(zone) !== null;
}

/**
 * The workflow's time zone. A context without one (or with a name the runtime does not know)
 * gives UTC, which at least does not depend on the host.
 */
export function workflowZone(ctx: ZoneSource | undefined): string {
	let zone: string | undefined;
	try {
		zone = ctx?.getTimezone?.();
	} catch {
		zone = undefined;
	}
	return zone && isTimeZone(zone) ? zone : 'UTC';
}

/** Milliseconds since epoch of a wall-clock reading, as if it were UTC (years 0-99 kept). */
function wallAsUtc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
	const date = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
	date.setUTCFullYear(y, mo - 1, d);
	return date.getTime();
}

/** The offset from the formatter: one `formatToParts`, the costly step. */
function offsetFromIntl(formatter: Intl.DateTimeFormat, epochMs: number): number {
	const seconds = Math.floor(epochMs / 1000) * 1000;
	const parts: Record<string, string> = {};
	for (const part of formatter.formatToParts(seconds)) parts[part.type] = part.value;
	let year = Number(parts.year);
	if (/^B/i.test(parts.era ?? '')) year = 1 - year;
	const wall = wallAsUtc(
		year,
		Number(parts.month),
		Number(parts.day),
		Number(parts.hour),
		Number(parts.minute),
		Number(parts.second),
	);
	return wall - seconds;
}

const HOUR_MS = 3_600_000;
const CACHE_MAX = 20_000;
/** Offsets by zone and UTC hour, for hours without a change of offset (most of them). */
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at the instant `epochMs`, in milliseconds (east positive). */
export function zoneOffsetMs(zone: string, epochMs: number): number {
	const formatter = formatterOf(zone);
	if (!formatter || zone === 'UTC') return 0;
	const hour = Math.floor(epochMs / HOUR_MS);
	let cache = offsets.get(zone);
	const cached = cache?.get(hour);
	if (cached !== undefined) return cached;
	// An hour with the same offset at its first and last second has it throughout: offsets change
	// at most once an hour, at whole seconds.
	const first = offsetFromIntl(formatter, hour * HOUR_MS);
	if (first !== offsetFromIntl(formatter, hour * HOUR_MS + HOUR_MS - 1000))
		return offsetFromIntl(formatter, epochMs);
	if (!cache || cache.size >= CACHE_MAX) offsets.set(zone, (cache = new Map()));
	cache.set(hour, first);
	return first;
}

/**
 * The instant of a wall-clock reading in `zone`. Like Temporal's "compatible" choice: a time
 * that occurs twice (clocks turned back) is the earlier one; a time that does not exist (clocks
 * turned forward) moves forward by the gap (02:30 on a spring-forward night is 03:30).
 */
export function zonedWallToEpoch(
	zone: string,
	y: number,
	mo: number,
	d: number,
	h = 0,
	mi = 0,
	s = 0,
	ms = 0,
): number {
	const wall = wallAsUtc(y, mo, d, h, mi, s, ms);
	const before = zoneOffsetMs(zone, wall - DAY_MS);
	const after = zoneOffsetMs(zone, wall + DAY_MS);
	const early = wall - before;
	if (before === after) return early; // no change of offset near this time (the usual case)
	const late = wall - after;
	const earlyFits = zoneOffsetMs(zone, early) === before;
	const lateFits = zoneOffsetMs(zone, late) === after;
	if (earlyFits && lateFits) return Math.min(early, late);
	if (earlyFits) return early;
	if (lateFits) return late;
	return early; // in the gap: the offset before the change, which lands after it
}

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// RFC 2822 / HTTP dates carry their zone; anything else Date.parse reads in the host zone.
const NAMED_ZONE = /\b(GMT|UTC|UT)\b|[+-]\d{4}$/i;

function daysIn(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function parseIso(text: string, zone: string): number | undefined {
	const m = ISO.exec(text);
	if (!m) return undefined;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
	const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
	if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59)
		return undefined;
	const offset = m[8];
	if (!offset) return zonedWallToEpoch(zone, y, mo, d, h, mi, s, ms);
	if (!m[4]) return undefined; // a date with an offset but no time is not ISO 8601
	const wall = wallAsUtc(y, mo, d, h, mi, s, ms);
	if (/^z$/i.test(offset)) return wall;
	const digits = offset.replace(':', '');
	const oh = Number(digits.slice(1, 3));
	const om = Number(digits.slice(3, 5) || 0);
	if (oh > 18 || om > 59) return undefined;
	const sign = digits.startsWith('-') ? -1 : 1;
	return wall - sign * (oh * 60 + om) * MINUTE_MS;
}

function describe(value: unknown): string {
	let text: string;
	try {
		text =
			typeof value === 'string'
				? JSON.stringify(value)
				: value instanceof Date
					? 'an invalid Date'
					: typeof value === 'object'
						? 'an object'
						: String(value);
	} catch {
		text = typeof value;
	}
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Epoch milliseconds of a date value; `undefined` when empty (`undefined`, `null`, `''`).
 * Throws `InvalidDateError` for anything else that is not a date.
 */
export function parseDateMs(value: unknown, zone: string): number | undefined {
	if (value === undefined || value === null) return undefined;
	let ms: number | undefined;
	if (typeof value === 'number') {
		ms = value;
	} else if (value instanceof Date) {
		ms = value.getTime();
	} else if (
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		ms = Number((value as { toMillis: () => unknown }).toMillis());
	} else if (typeof value === 'string') {
		const text = value.trim();
		if (!text) return undefined;
		if (/^\d+$/.test(text)) ms = Number(text);
		else ms = parseIso(text, zone) ?? (NAMED_ZONE.test(text) ? Date.parse(text) : undefined);
	}
	if (ms === undefined || !Number.isFinite(ms) || Math.abs(ms) > MAX_MS) {
		throw new InvalidDateError(`is not a date: ${describe(value)}`);
	}
	return ms;
}

function pad(value: number, width = 2): string {
	return String(Math.abs(value)).padStart(width, '0');
}

/** `YYYY-MM-DD` of the wall clock in `zone` at `epochMs`. */
export function formatDateOnly(epochMs: number, zone: string): string {
	const iso = formatIso(epochMs, zone);
	return iso.slice(0, iso.indexOf('T'));
}

/** ISO 8601 with milliseconds and the zone's offset: `2026-01-31T10:00:00.000-05:00`. */
export function formatIso(epochMs: number, zone: string): string {
	// Historic local mean times have offsets with seconds; ISO offsets have minutes only.
	const offset = Math.round(zoneOffsetMs(zone, epochMs) / MINUTE_MS) * MINUTE_MS;
	const wall = new Date(epochMs + offset);
	const year = wall.getUTCFullYear();
	const yearText =
		year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? '-' : '+'}${pad(year, 6)}`;
	const minutes = Math.abs(offset) / MINUTE_MS;
	return (
		`${yearText}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
		`T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}.${pad(wall.getUTCMilliseconds(), 3)}` +
		`${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
	);
}

/**
 * A platform time for an output field: ISO 8601 in the workflow zone. Platform values are
 * epoch ms, ISO strings with a zone, or ISO local date-times in `platformZone` (UTC unless the
 * credential's Chat Timestamps Zone says otherwise, docs/platform-assumptions.md). Values that are no date are passed through
 * unchanged, so nothing the platform sent is lost.
 */
export function outputDate(value: unknown, zone: string, platformZone = 'UTC'): unknown {
	if (value === undefined || value === null || value === '') return value;
	if (typeof value !== 'number' && typeof value !== 'string') return value;
	try {
		const ms = parseDateMs(value, platformZone);
		return ms === undefined ? value : formatIso(ms, zone);
	} catch {
		return value;
	}
}

// ---- n8n context wrappers: errors name the field and the item ----

interface NodeSource extends ZoneSource {
	getNode(): INode;
}

function dateError(
	ctx: NodeSource,
	itemIndex: number,
	label: string,
	problem: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${label} ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description:
			'Use an ISO date such as 2026-01-31 or 2026-01-31T10:00:00 (read in the workflow time zone), an ISO date with an offset such as 2026-01-31T10:00:00+01:00, or epoch milliseconds.',
	});
}

/** A date parameter value as epoch ms; `undefined` when empty. Zone-less means the workflow zone. */
export function readDateMs(
	ctx: NodeSource,
	value: unknown,
	itemIndex: number,
	label: string,
): number | undefined {
	try {
		return parseDateMs(value, workflowZone(ctx));
	} catch (error) {
		// InvalidDateError, or a date object whose toMillis() threw.
		throw dateError(
			ctx,
			itemIndex,
			label,
			error instanceof InvalidDateError ? error.message : 'is not a date',
		);
	}
}

/** Like `readDateMs`, but empty is an error naming the field. */
export function requireDateMs(
	ctx: NodeSource,
	value: unknown,
	itemIndex: number,
	label: string,
): number {
	const ms = readDateMs(ctx, value, itemIndex, label);
	if (ms === undefined) throw dateError(ctx, itemIndex, label, 'is empty');
	return ms;
}

/** `YYYY-MM-DD` in the workflow zone: a date stays the day written, a date-time gives its day there. */
export function readDateOnly(
	ctx: NodeSource,
	value: unknown,
	itemIndex: number,
	label: string,
): string | undefined {
	const ms = readDateMs(ctx, value, itemIndex, label);
	return ms === undefined ? undefined : formatDateOnly(ms, workflowZone(ctx));
}

/** An output time (now or a platform value) as ISO 8601 in the workflow zone. */
export function isoInZone(ctx: ZoneSource, epochMs: number = Date.now()): string {
	return formatIso(epochMs, workflowZone(ctx));
}

// ---- output dates of whole operations ----

const MAX_DEPTH = 8;

export interface OutputDateOptions {
	/** The zone of platform values without one (default UTC, docs/platform-assumptions.md). */
	platformZone?: string;
	/** The same, read per execution (from the credential: Chat Timestamps Zone). */
	platformZoneOf?: (ctx: IExecuteFunctions) => Promise<string>;
	/**
	 * Only the result's own properties (or those of each element of a result array) are dates:
	 * nothing nested is walked, for results that carry user data (saved state, custom fields).
	 */
	topLevelOnly?: boolean;
}

/**
 * A copy of `value` where every property named in `keys`, at any depth (or at the top only),
 * holds ISO 8601 in `zone` (platform values: epoch ms, or date-times; zone-less ones are UTC,
 * `platformZone`). Values that are no date stay as they are; binary data is not walked.
 */
export function zonedDates<T>(
	value: T,
	keys: ReadonlySet<string>,
	zone: string,
	options: OutputDateOptions = {},
	depth = 0,
): T {
	if (
		!value ||
		typeof value !== 'object' ||
		depth > MAX_DEPTH ||
		value instanceof Error ||
		Buffer.isBuffer(value)
	)
		return value;
	if (Array.isArray(value))
		return value.map((entry) => zonedDates(entry, keys, zone, options, depth + 1)) as T;
	const out: IDataObject = {};
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		if (key === 'binary') out[key] = entry;
		else if (keys.has(key) && (typeof entry === 'number' || typeof entry === 'string'))
			out[key] = outputDate(entry, zone, options.platformZone) as string;
		else
			out[key] = options.topLevelOnly ? entry : zonedDates(entry, keys, zone, options, depth + 1);
	}
	return out as T;
}

/**
 * The node's operations with their output dates (the properties named in `keys`) in the workflow
 * zone: one place per node instead of one per operation, so no operation can forget it.
 */
export function withOutputDates(
	resources: Resource[],
	keys: string[],
	options: OutputDateOptions = {},
): Resource[] {
	const names = new Set(keys);
	const zoned = async function (
		this: IExecuteFunctions,
		result: OperationResult,
	): Promise<OperationResult> {
		const platformZone = options.platformZoneOf
			? await options.platformZoneOf(this)
			: options.platformZone;
		return zonedDates(result, names, workflowZone(this), { ...options, platformZone });
	};
	return resources.map((resource) => ({
		...resource,
		operations: resource.operations.map((operation) => mapResults(operation, zoned)),
	}));
}
