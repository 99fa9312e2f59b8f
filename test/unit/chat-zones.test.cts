/**
 * Zones of the platform's zone-less timestamps (issue 20, item 4): the credential's Chat
 * Timestamps Zone, the reader, and the events cursor against a simulated platform that writes
 * local times in its zone and reads `ts` as an instant (docs/platform-assumptions.md).
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { TovieApi } from '../../credentials/TovieApi.credentials';
import { advance, SEEN_MAX, stampOffsetOf, type CursorState } from '../../nodes/common/chat/cursor';
import { chatZoneOf, timestampMs } from '../../nodes/common/chat/timestamps';
import { formatIso } from '../../nodes/common/dates';
import { getAll as chatHistoryGetAll } from '../../nodes/TextCampaign/actions/chatHistory/getAll.operation';
import { mockContext, TEST_CREDENTIALS } from '../helpers/context.cts';

const HOUR = 3_600_000;
const PAGE_MAX = 250;
const node = { name: 'Tovie Chat', type: 'n8n-nodes-tovie.tovieChat' } as INode;

describe('timestampMs', () => {
	const stamp = '2022-09-28T12:32:13.262';

	it('reads zone-less stamps as UTC by default, called with one argument as before', () => {
		expect(timestampMs(stamp)).toBe(Date.UTC(2022, 8, 28, 12, 32, 13, 262));
	});

	it('reads them as local times of the given zone, whatever zone n8n runs in', () => {
		expect(timestampMs(stamp, 'Asia/Tokyo')).toBe(Date.UTC(2022, 8, 28, 3, 32, 13, 262));
		expect(timestampMs(stamp, 'America/Bogota')).toBe(Date.UTC(2022, 8, 28, 17, 32, 13, 262));
		// Summer time of the zone at that date: Berlin is UTC+2 in September.
		expect(timestampMs(stamp, 'Europe/Berlin')).toBe(Date.UTC(2022, 8, 28, 10, 32, 13, 262));
	});

	it('keeps an offset the value names, and epoch ms, in any zone', () => {
		expect(timestampMs(`${stamp}Z`, 'Asia/Tokyo')).toBe(Date.UTC(2022, 8, 28, 12, 32, 13, 262));
		expect(timestampMs(`${stamp}+01:00`, 'Asia/Tokyo')).toBe(
			Date.UTC(2022, 8, 28, 11, 32, 13, 262),
		);
		expect(timestampMs(1_664_368_333_262, 'Asia/Tokyo')).toBe(1_664_368_333_262);
	});

	it('gives undefined for what is no date', () => {
		expect(timestampMs('yesterday', 'Asia/Tokyo')).toBeUndefined();
		expect(timestampMs(undefined)).toBeUndefined();
		expect(timestampMs({})).toBeUndefined();
	});
});

describe('Chat Timestamps Zone (credential)', () => {
	it('is a credential field with UTC as default and the reason in its description', () => {
		const field = new TovieApi().properties.find((p) => p.name === 'chatTimeZone');
		expect(field).toMatchObject({ displayName: 'Chat Timestamps Zone', default: 'UTC' });
		expect(field?.description).toMatch(/does not document its zone/);
	});

	it('gives the zone, UTC when empty or missing', () => {
		expect(chatZoneOf({}, node)).toBe('UTC');
		expect(chatZoneOf({ chatTimeZone: '' }, node)).toBe('UTC');
		expect(chatZoneOf({ chatTimeZone: ' Europe/Berlin ' }, node)).toBe('Europe/Berlin');
	});

	it('rejects an unknown zone with an error naming the field', () => {
		const call = () => chatZoneOf({ chatTimeZone: 'Europe/Berln' }, node);
		expect(call).toThrow(NodeOperationError);
		expect(call).toThrow(/Chat Timestamps Zone.*"Europe\/Berln"/);
	});
});

describe('stampOffsetOf', () => {
	const T = Date.UTC(2026, 4, 1, 10);

	it('learns the exact offset from an answer that starts within 15 minutes of its ts', () => {
		expect(stampOffsetOf(undefined, T, [T + 9 * HOUR + 40_000, T + 9 * HOUR + 90_000], T)).toBe(
			9 * HOUR,
		);
		expect(stampOffsetOf(undefined, T, [T - 5 * HOUR + 40_000], T + 60_000)).toBe(-5 * HOUR);
		expect(stampOffsetOf(undefined, T, [T + 5], T + 10)).toBe(0);
	});

	it('trusts the zone set (0) until an answer contradicts it', () => {
		expect(stampOffsetOf(undefined, T, [T + 5 * HOUR], T + 5 * HOUR + 1_000)).toBe(0);
		expect(stampOffsetOf(undefined, undefined, [T], T)).toBe(0);
	});

	it('takes the upper bound (never passing an event) when the answer starts later, and tightens it', () => {
		const loose = stampOffsetOf(undefined, T, [T + 9 * HOUR + 40 * 60_000], T + HOUR);
		expect(loose).toBe(9 * HOUR + 30 * 60_000);
		expect(stampOffsetOf(loose, T + 30 * 60_000, [T + 9 * HOUR + 31 * 60_000], T + HOUR)).toBe(
			9 * HOUR,
		);
	});

	it('takes stamps a little behind ts (rounding) as no offset', () => {
		expect(stampOffsetOf(undefined, T + 50, [T], T + 100)).toBe(0);
	});

	it('raises an offset that readings later than the clock contradict (the zone moved)', () => {
		expect(stampOffsetOf(HOUR, T, [T + 2 * HOUR + 5_000], T + 10_000)).toBe(2 * HOUR);
		// Without a ts sent there is no bound: only readings ahead of the clock give a guess.
		expect(stampOffsetOf(undefined, undefined, [T + 9 * HOUR], T)).toBe(9 * HOUR);
		expect(stampOffsetOf(undefined, undefined, [T - 5 * HOUR], T)).toBe(0);
	});
});

// ---- the cursor against a simulated platform -------------------------------------------------

/** Writes local times in `zone`; `ts` is an instant; 250 events a page, oldest first. */
class SimulatedPlatform {
	readonly events: Array<{ id: string; at: number }> = [];

	constructor(
		readonly zone: string,
		readonly inclusive = true,
	) {}

	add(at: number, count = 1): void {
		for (let n = 0; n < count; n++) this.events.push({ id: `q${this.events.length}`, at: at + n });
	}

	answer(ts: number): IDataObject[] {
		return this.events
			.filter((e) => (this.inclusive ? e.at >= ts : e.at > ts))
			.slice(0, PAGE_MAX)
			.map((e) => ({
				questionId: e.id,
				type: 'botResponse',
				clientId: 'c',
				timestamp: formatIso(e.at, this.zone).slice(0, 23), // zone-less local time
			}));
	}
}

/** A poller that emits what `advance` gives, polling until the platform has nothing new. */
class Poller {
	state: CursorState;

	readonly emitted: string[] = [];

	polls = 0;

	constructor(
		private readonly platform: SimulatedPlatform,
		private readonly zone: string,
		activatedAt: number,
	) {
		this.state = { ts: activatedAt - 1, seen: [], repeats: 0 };
	}

	/** Polls at `now` until an answer brings nothing new (a quiet channel: an empty long poll). */
	catchUp(now: number): void {
		for (let round = 0; round < 100; round++) {
			this.polls++;
			const { fresh, state } = advance(
				this.state,
				this.platform.answer(this.state.ts!),
				now,
				this.zone,
			);
			this.state = state;
			this.emitted.push(...fresh.map((e) => String(e.questionId)));
			if (fresh.length === 0) return;
		}
		throw new Error('the cursor did not catch up in 100 polls');
	}
}

function expectEachOnce(platform: SimulatedPlatform, poller: Poller): void {
	const ids = platform.events.map((e) => e.id);
	expect(new Set(poller.emitted).size).toBe(poller.emitted.length); // nothing twice
	expect([...poller.emitted].sort()).toEqual([...ids].sort()); // nothing lost
}

describe.each([
	['UTC+9', 'Asia/Tokyo'],
	['UTC-5', 'America/Bogota'],
])('events cursor, platform at %s', (_label, platformZone) => {
	describe.each([
		['the matching zone', platformZone],
		['the default UTC', 'UTC'],
	])('read in %s', (_reading, nodeZone) => {
		it.each([true, false])(
			'loses and repeats nothing over bursts, single events and quiet hours (inclusive ts: %s)',
			(inclusive) => {
				const platform = new SimulatedPlatform(platformZone, inclusive);
				const start = Date.UTC(2026, 1, 10, 8);
				const poller = new Poller(platform, nodeZone, start);
				poller.catchUp(start);
				// Events before activation are not wanted.
				expect(poller.emitted).toEqual([]);
				let t = start + 2_000;
				for (const [count, quietMs] of [
					[5, 0], // right at activation
					[1, 2_000],
					[600, 1_000], // more than two full pages
					[3, 3 * HOUR], // then a quiet channel
					[1, 1_000],
					[251, 40 * 60_000],
					[SEEN_MAX + 10, 500],
					[1, 0],
				]) {
					platform.add(t, count);
					poller.catchUp(t + count + 200);
					t += count + quietMs;
					poller.catchUp(t - 100); // the long polls of the quiet time
				}
				expectEachOnce(platform, poller);
				// Progress in whole pages, not 1 ms per poll: about one poll a page, plus the empty ones.
				expect(poller.polls).toBeLessThan(40);
			},
		);

		it('catches up after n8n was down, from the saved cursor, with more than a page waiting', () => {
			const platform = new SimulatedPlatform(platformZone);
			const start = Date.UTC(2026, 1, 10, 8);
			const poller = new Poller(platform, nodeZone, start);
			platform.add(start + 1_000, 10);
			poller.catchUp(start + 2_000);
			// Down for an hour: the channel went on meanwhile.
			for (let minute = 1; minute <= 60; minute++) platform.add(start + minute * 60_000, 20);
			poller.catchUp(start + HOUR + 30_000);
			expectEachOnce(platform, poller);
			expect(poller.polls).toBeLessThan(15);
		});
	});
});

describe.each([
	['Europe/Berlin, read in the matching zone', 'Europe/Berlin'],
	['Europe/Berlin, read in the default UTC', 'UTC'],
])('events cursor across the clock changes: %s', (_label, nodeZone) => {
	it.each([
		['spring forward', Date.UTC(2026, 2, 29, 1)],
		['fall back', Date.UTC(2026, 9, 25, 1)],
	])('%s: one event every 2 minutes, each once', (_change, changeAt) => {
		const platform = new SimulatedPlatform('Europe/Berlin');
		const start = changeAt - 2 * HOUR;
		const poller = new Poller(platform, nodeZone, start);
		for (let t = start + 1_000; t < changeAt + 3 * HOUR; t += 2 * 60_000) {
			platform.add(t);
			poller.catchUp(t + 500);
		}
		expectEachOnce(platform, poller);
	});
});

describe('Text Campaign chat history dates (n8n running in Asia/Tokyo)', () => {
	const run = async (chatTimeZone: string | undefined, since: string) => {
		const message = (questionId: string, timestamp: string) => ({ questionId, timestamp });
		const { ctx } = mockContext({
			credentials: { ...TEST_CREDENTIALS, ...(chatTimeZone ? { chatTimeZone } : {}) },
			parameters: { source: 'sending', sendingId: 'sending-1', returnAll: true, since },
			responses: [
				{
					body: {
						totalCount: 2,
						messages: [
							message('before', '2026-03-01T09:59:59.000'),
							message('after', '2026-03-01T10:00:00.000'),
						],
					},
				},
			],
			timezone: 'UTC',
		});
		const results = (await chatHistoryGetAll.execute!.call(ctx, 0)) as IDataObject[];
		return results.map((m) => `${String(m.questionId)} ${String(m.timestamp)}`);
	};

	it('reads zone-less times in the credential zone (UTC by default), not the host zone', async () => {
		expect(process.env.TZ).not.toBe('UTC'); // test/timezone.setup.cjs
		expect(await run(undefined, '2026-03-01T10:00:00Z')).toEqual([
			'after 2026-03-01T10:00:00.000+00:00',
		]);
		expect(await run('Europe/Berlin', '2026-03-01T09:00:00Z')).toEqual([
			'after 2026-03-01T09:00:00.000+00:00',
		]);
	});
});
