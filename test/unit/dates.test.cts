/**
 * The one date reader and writer (nodes/common/dates.ts). Jest runs the process in Asia/Tokyo
 * (jest.config.js): a reader that used the host zone instead of the workflow's would show here.
 * Luxon (what n8n hands expressions) is the independent oracle for zone arithmetic.
 */
import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';

import {
	formatDateOnly,
	formatIso,
	isoInZone,
	parseDateMs,
	readDateMs,
	readDateOnly,
	requireDateMs,
	workflowZone,
	zonedDates,
	zoneOffsetMs,
	zonedWallToEpoch,
} from '../../nodes/common/dates';

const NY = 'America/New_York';
const node: INode = {
	id: 'n',
	name: 'Tovie Test',
	type: 'n8n-nodes-tovie.tovieCalls',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const ctxIn = (zone: string) => ({ getNode: () => node, getTimezone: () => zone });

describe('the test process', () => {
	it('runs in Asia/Tokyo, not UTC (jest global setup)', () => {
		expect(process.env.TZ).toBe('Asia/Tokyo');
		expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-540);
	});
});

describe('parseDateMs: a date without a zone is in the given (workflow) zone', () => {
	it.each([
		['2026-01-15T09:00', NY, '2026-01-15T14:00:00.000Z'],
		['2026-07-15T09:00', NY, '2026-07-15T13:00:00.000Z'],
		['2026-01-15 09:00:30.25', NY, '2026-01-15T14:00:30.250Z'],
		['2026-01-15T09:00:00.123456', NY, '2026-01-15T14:00:00.123Z'],
		['2026-01-15', NY, '2026-01-15T05:00:00.000Z'],
		['2026-01-15', 'Asia/Kolkata', '2026-01-14T18:30:00.000Z'],
		['2026-01-15', 'Pacific/Chatham', '2026-01-14T10:15:00.000Z'],
		['2026-01-15T09:00', 'UTC', '2026-01-15T09:00:00.000Z'],
		// Not the host's zone (Tokyo, +09:00) in any case.
		['2026-01-15T09:00', 'Europe/Berlin', '2026-01-15T08:00:00.000Z'],
	])('%s in %s is %s', (text, zone, iso) => {
		expect(new Date(parseDateMs(text, zone)!).toISOString()).toBe(iso);
	});

	it('keeps an explicit offset or Z, whatever the zone', () => {
		for (const zone of [NY, 'Asia/Tokyo', 'UTC']) {
			expect(parseDateMs('2026-01-15T09:00:00+05:30', zone)).toBe(
				Date.parse('2026-01-15T03:30:00Z'),
			);
			expect(parseDateMs('2026-01-15T09:00:00-0800', zone)).toBe(
				Date.parse('2026-01-15T17:00:00Z'),
			);
			expect(parseDateMs('2026-01-15T09:00+01', zone)).toBe(Date.parse('2026-01-15T08:00:00Z'));
			expect(parseDateMs('2026-01-15T09:00:00.5z', zone)).toBe(
				Date.parse('2026-01-15T09:00:00.500Z'),
			);
			expect(parseDateMs('Thu, 15 Jan 2026 09:00:00 GMT', zone)).toBe(
				Date.parse('2026-01-15T09:00:00Z'),
			);
		}
	});

	it('reads epoch ms (number or digits), JS dates and Luxon DateTimes', () => {
		const ms = Date.parse('2026-01-15T09:00:00.000Z');
		expect(parseDateMs(ms, NY)).toBe(ms);
		expect(parseDateMs(String(ms), NY)).toBe(ms);
		expect(parseDateMs('0', NY)).toBe(0);
		expect(parseDateMs(new Date(ms), NY)).toBe(ms);
		expect(parseDateMs(DateTime.fromMillis(ms, { zone: 'Asia/Kolkata' }), NY)).toBe(ms);
		expect(parseDateMs({ toMillis: () => ms }, NY)).toBe(ms);
	});

	it('gives undefined for empty values', () => {
		for (const empty of [undefined, null, '', '   '])
			expect(parseDateMs(empty, NY)).toBeUndefined();
	});

	it.each([
		'2026-02-30',
		'2026-13-01',
		'2026-01-15T24:00',
		'2026-01-15T10:60',
		'2026-01-15Z',
		'2026-01-15T09:00+25:00',
		'tomorrow',
		'Jan 15 2026',
		'15/01/2026',
		'1e12',
		true,
		{},
		[],
		Number.NaN,
		Infinity,
		new Date('x'),
		9e15,
	])('refuses %p', (value) => {
		expect(() => parseDateMs(value, NY)).toThrow(/is not a date/);
	});

	it('agrees with Luxon on 2 000 wall-clock times in zones with DST, half-hour and odd offsets', () => {
		const zones = [
			NY,
			'Europe/London',
			'Australia/Lord_Howe',
			'America/Santiago',
			'Asia/Kathmandu',
			'Pacific/Chatham',
			'America/St_Johns',
		];
		let seed = 42;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let n = 0; n < 2000; n++) {
			const zone = zones[n % zones.length];
			const wall = new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 8 * 365 * 24 * 60) * 60_000);
			const text = wall.toISOString().slice(0, 16);
			const luxon = DateTime.fromISO(text, { zone });
			// A time that occurs twice (clocks turned back) is left out: Luxon's pick depends on "now".
			const other = DateTime.fromMillis(luxon.toMillis() + (luxon.isInDST ? 1 : -1) * 3_600_000, {
				zone,
			});
			if (other.toFormat("yyyy-MM-dd'T'HH:mm") === text) continue;
			expect([zone, text, parseDateMs(text, zone)]).toEqual([zone, text, luxon.toMillis()]);
		}
	});
});

describe('daylight saving time edges', () => {
	it('a time that does not exist (clocks forward) moves forward by the gap', () => {
		// New York, 2026-03-08: 02:00 EST → 03:00 EDT.
		expect(new Date(parseDateMs('2026-03-08T02:30', NY)!).toISOString()).toBe(
			'2026-03-08T07:30:00.000Z',
		);
		expect(formatIso(parseDateMs('2026-03-08T02:30', NY)!, NY)).toBe(
			'2026-03-08T03:30:00.000-04:00',
		);
		expect(formatIso(parseDateMs('2026-03-08T01:59:59.999', NY)!, NY)).toBe(
			'2026-03-08T01:59:59.999-05:00',
		);
		expect(formatIso(parseDateMs('2026-03-08T03:00', NY)!, NY)).toBe(
			'2026-03-08T03:00:00.000-04:00',
		);
	});

	it('a time that occurs twice (clocks back) is the earlier one', () => {
		// New York, 2026-11-01: 02:00 EDT → 01:00 EST; 01:30 happens at 05:30Z and at 06:30Z.
		expect(new Date(parseDateMs('2026-11-01T01:30', NY)!).toISOString()).toBe(
			'2026-11-01T05:30:00.000Z',
		);
		expect(formatIso(Date.parse('2026-11-01T06:30:00Z'), NY)).toBe('2026-11-01T01:30:00.000-05:00');
		// London, 2026-10-25: 02:00 BST → 01:00 GMT.
		expect(new Date(parseDateMs('2026-10-25T01:30', 'Europe/London')!).toISOString()).toBe(
			'2026-10-25T00:30:00.000Z',
		);
	});

	it('a date whose midnight does not exist starts at the first minute of that day', () => {
		// Santiago, 2026-09-06: 00:00 → 01:00.
		const ms = parseDateMs('2026-09-06', 'America/Santiago')!;
		expect(formatIso(ms, 'America/Santiago')).toBe('2026-09-06T01:00:00.000-03:00');
		expect(formatDateOnly(ms, 'America/Santiago')).toBe('2026-09-06');
	});

	it('offsets change exactly at the transition instant', () => {
		const change = Date.parse('2026-03-08T07:00:00Z');
		expect(zoneOffsetMs(NY, change - 1)).toBe(-5 * 3_600_000);
		expect(zoneOffsetMs(NY, change)).toBe(-4 * 3_600_000);
		// Kathmandu moved from +05:30 to +05:45 at 18:30Z, within a UTC hour: asked in both orders.
		const kathmandu = Date.parse('1985-12-31T18:30:00Z');
		expect([
			zoneOffsetMs('Asia/Kathmandu', kathmandu),
			zoneOffsetMs('Asia/Kathmandu', kathmandu - 1000),
		]).toEqual([345 * 60_000, 330 * 60_000]);
		expect(zoneOffsetMs('Asia/Kathmandu', kathmandu - 3_600_000)).toBe(330 * 60_000);
		expect(zoneOffsetMs('Asia/Kathmandu', kathmandu - 1000)).toBe(330 * 60_000);
		// Lord Howe turns back half an hour (+11:00 → +10:30): 01:45 first happens at 14:45Z.
		expect(zonedWallToEpoch('Australia/Lord_Howe', 2026, 4, 5, 1, 45)).toBe(
			Date.parse('2026-04-04T14:45:00Z'),
		);
		expect(formatIso(Date.parse('2026-04-04T15:15:00Z'), 'Australia/Lord_Howe')).toBe(
			'2026-04-05T01:45:00.000+10:30',
		);
	});
});

describe('formatIso and formatDateOnly', () => {
	it.each([
		[0, 'UTC', '1970-01-01T00:00:00.000+00:00'],
		[0, NY, '1969-12-31T19:00:00.000-05:00'],
		[Date.parse('2026-07-01T12:34:56.789Z'), NY, '2026-07-01T08:34:56.789-04:00'],
		[Date.parse('2026-07-01T12:34:56.789Z'), 'Asia/Kathmandu', '2026-07-01T18:19:56.789+05:45'],
		[Date.parse('2026-07-01T12:34:56.789Z'), 'America/St_Johns', '2026-07-01T10:04:56.789-02:30'],
		[Date.parse('0099-05-01T00:00:00Z'), 'UTC', '0099-05-01T00:00:00.000+00:00'],
	])('%p in %s is %s', (ms, zone, iso) => {
		expect(formatIso(ms, zone)).toBe(iso);
		expect(Date.parse(iso)).toBe(ms);
		expect(DateTime.fromISO(iso).toMillis()).toBe(ms);
	});

	it('gives the calendar day in the zone', () => {
		const ms = Date.parse('2026-01-15T03:00:00Z');
		expect(formatDateOnly(ms, NY)).toBe('2026-01-14');
		expect(formatDateOnly(ms, 'Asia/Tokyo')).toBe('2026-01-15');
	});
});

describe('n8n contexts', () => {
	it('reads the workflow zone; an unknown or missing one is UTC', () => {
		expect(workflowZone(ctxIn(NY))).toBe(NY);
		expect(workflowZone(ctxIn('Mars/Olympus'))).toBe('UTC');
		expect(workflowZone({})).toBe('UTC');
		expect(workflowZone(undefined)).toBe('UTC');
	});

	it('errors name the field and the item', () => {
		const ctx = ctxIn(NY);
		expect(() => readDateMs(ctx, '2026-02-30', 3, 'Start Date-Time')).toThrow(
			'Start Date-Time is not a date: "2026-02-30" [item 3]',
		);
		expect(() =>
			readDateMs(
				ctx,
				{
					toMillis: () => {
						throw new Error('boom');
					},
				},
				1,
				'From',
			),
		).toThrow('From is not a date [item 1]');
		expect(() => requireDateMs(ctx, '', 0, 'Date')).toThrow('Date is empty [item 0]');
		expect(readDateMs(ctx, '', 0, 'Date')).toBeUndefined();
	});

	it('a long text is cut in the error', () => {
		expect(() => readDateMs(ctxIn(NY), 'x'.repeat(500), 0, 'From')).toThrow(
			/"x{10,}\.\.\. \[item 0\]$/,
		);
	});

	it('readDateOnly keeps the day written; a date-time gives its day in the workflow zone', () => {
		expect(readDateOnly(ctxIn(NY), '2026-01-15', 0, 'Date')).toBe('2026-01-15');
		expect(readDateOnly(ctxIn(NY), '2026-01-15T23:30', 0, 'Date')).toBe('2026-01-15');
		expect(readDateOnly(ctxIn(NY), '2026-01-15T03:00:00Z', 0, 'Date')).toBe('2026-01-14');
		expect(readDateOnly(ctxIn('Asia/Kolkata'), '2026-01-15T03:00:00Z', 0, 'Date')).toBe(
			'2026-01-15',
		);
	});

	it('isoInZone writes now (or a given time) in the workflow zone', () => {
		expect(isoInZone(ctxIn('Asia/Kolkata'), 0)).toBe('1970-01-01T05:30:00.000+05:30');
		expect(isoInZone(ctxIn(NY))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-0[45]:00$/);
	});
});

describe('zonedDates: output dates of whole results', () => {
	it('converts the named fields at any depth, from epoch ms or date-times; zone-less platform values are UTC', () => {
		const result = zonedDates(
			{
				stats: [{ ts: 0, value: 3 }],
				session: {
					startTime: '2026-01-15T09:00:00.000+0000',
					client: { joinDate: '2026-01-15T09:00:00' },
				},
				note: 0,
			},
			new Set(['ts', 'startTime', 'joinDate']),
			NY,
		);
		expect(result).toEqual({
			stats: [{ ts: '1969-12-31T19:00:00.000-05:00', value: 3 }],
			session: {
				startTime: '2026-01-15T04:00:00.000-05:00',
				client: { joinDate: '2026-01-15T04:00:00.000-05:00' },
			},
			note: 0,
		});
	});

	it("with topLevelOnly converts only the result's own fields, or each result element's", () => {
		const keys = new Set(['timestamp']);
		const message = { timestamp: 0, data: { timestamp: 0, customData: { timestamp: 0 } } };
		const at = '1969-12-31T19:00:00.000-05:00';
		expect(zonedDates(message, keys, NY, { topLevelOnly: true })).toEqual({
			...message,
			timestamp: at,
		});
		expect(
			zonedDates([message, { list: [{ timestamp: 0 }] }], keys, NY, { topLevelOnly: true }),
		).toEqual([{ ...message, timestamp: at }, { list: [{ timestamp: 0 }] }]);
	});

	it('leaves values that are no date, binary data and errors alone, and does not change its input', () => {
		const input = {
			timestamp: 'soon',
			empty: null,
			binary: { data: { timestamp: 0 } },
			list: [new Error('x')],
		};
		const copy = structuredClone(input);
		const out = zonedDates(input, new Set(['timestamp', 'empty']), NY);
		expect(out.timestamp).toBe('soon');
		expect(out.binary).toBe(input.binary);
		expect(out.list[0]).toBe(input.list[0]);
		expect(input.timestamp).toBe(copy.timestamp);
	});
});

describe('cost on hot paths', () => {
	it('10 000 items build one Intl formatter per zone, not one per item', () => {
		const spy = jest.spyOn(Intl, 'DateTimeFormat');
		try {
			const zone = 'America/Argentina/Ushuaia'; // not used above: its formatter is built here
			for (let n = 0; n < 10_000; n++) {
				const ms = parseDateMs(`2026-01-${String((n % 28) + 1).padStart(2, '0')}T10:00`, zone)!;
				formatIso(ms, zone);
			}
			expect(spy).toHaveBeenCalledTimes(1);
		} finally {
			spy.mockRestore();
		}
	});
});
