/**
 * The Chat Polling Trigger's events cursor (nodes/common/chat/cursor.ts) against the fake platform
 * writing its zone-less timestamps as local times at UTC+9 and UTC−5 (`timeZone`), read in the
 * matching zone and in the default UTC: over bursts of more than a page (250), single events and
 * quiet polls, each event comes out once. The cursor is driven here as polling.ts drives it, one
 * `advance` per `/events` answer.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { advance, eventMs, type CursorState } from '../../nodes/common/chat/cursor';
import { fromPolledEvent } from '../../nodes/common/chat/events';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { SECRETS } from '../helpers/integration.cts';

const TOKEN = SECRETS.chatApiToken;
let fake: FakePlatform;

beforeAll(async () => {
	fake = await startFakePlatform({ chat: { tokens: [TOKEN], longPollMs: 30 } });
});
afterAll(async () => {
	await fake.close();
});
afterEach(() => fake.reset());

/** One poll of the whole channel (`all=true`), as the trigger sends it. */
async function poll(state: CursorState, zone: string) {
	const answer = await axios.get<{ events: IDataObject[] }>(
		`${fake.url}/chatapi/${encodeURIComponent(TOKEN)}/events`,
		{ params: { ts: state.ts, all: true } },
	);
	const events = answer.data.events.map((event) => fromPolledEvent(event));
	return advance(state, events, Date.now(), zone);
}

/** Polls until an answer brings nothing new; returns the questionIds emitted. */
async function catchUp(cursor: { state: CursorState }, zone: string): Promise<string[]> {
	const emitted: string[] = [];
	for (let round = 0; round < 50; round++) {
		const { fresh, state } = await poll(cursor.state, zone);
		cursor.state = state;
		emitted.push(...fresh.map((event) => String(event.questionId)));
		if (fresh.length === 0) return emitted;
	}
	throw new Error('the cursor did not catch up in 50 polls');
}

function agentReplies(count: number): string[] {
	return Array.from(
		{ length: count },
		(_, n) => fake.chat.pushAgentReply(TOKEN, `client-${n % 7}`, `reply ${n}`).questionId,
	);
}

describe.each([
	['UTC+9', 'Asia/Tokyo', 9],
	['UTC-5', 'America/Bogota', -5],
])('platform writing local times at %s', (_label, platformZone, offsetHours) => {
	describe.each([
		['the matching zone', platformZone],
		['the default UTC', 'UTC'],
	])('read in %s', (_reading, nodeZone) => {
		it.each([true, false])(
			'loses and repeats nothing over bursts of more than a page (inclusive ts: %s)',
			async (inclusive) => {
				fake.chat.timeZone = platformZone;
				fake.chat.eventsTsInclusive = inclusive;
				const cursor = { state: { ts: Date.now() - 1, seen: [], repeats: 0 } as CursorState };
				expect(await catchUp(cursor, nodeZone)).toEqual([]); // a quiet start

				const sent: string[] = [];
				const emitted: string[] = [];
				for (const burst of [300, 1, 0, 260, 2, 520, 1]) {
					sent.push(...agentReplies(burst));
					emitted.push(...(await catchUp(cursor, nodeZone)));
				}
				expect(new Set(emitted).size).toBe(emitted.length); // nothing twice
				expect(emitted).toEqual(sent); // nothing lost, in order

				// The stamps are local times of the platform's zone, and the zone set reads them right.
				const stored = fake.chat.events(TOKEN).at(-1)!;
				const stamp = String((stored.event as IDataObject).timestamp);
				expect(Date.parse(`${stamp}Z`) - stored.ts).toBe(offsetHours * 3_600_000);
				if (nodeZone === platformZone)
					expect(eventMs({ timestamp: stamp }, nodeZone)).toBe(stored.ts);
				else expect(cursor.state.stampOffset).toBe(offsetHours * 3_600_000);
			},
		);
	});
});
