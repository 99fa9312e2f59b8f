/**
 * Tovie Chat Trigger under abuse: wrong tokens, bad requests, a burst of 1 000 events, the
 * platform's retries of one event, and seeded random bodies.
 */
import { request } from 'node:http';

import type { IDataObject } from 'n8n-workflow';

import {
	dropRepeats,
	DEDUP_WINDOW_MS,
	MAX_BODY_BYTES,
	SEEN_MAX,
} from '../../nodes/ChatTrigger/guard';
import { callWebhook, type WebhookCall } from '../helpers/harness.cts';
import { SECRETS } from '../helpers/integration.cts';
import { WebhookServer } from '../helpers/webhook-server.cts';
import { checkRun, stats } from './leaks.cts';
import type { Env } from './platform.cts';

const TOKEN = SECRETS.chatApiToken;
const ALL_KINDS = { triggerOn: ['asyncReply', 'otherMessage'] };
const node = { type: 'tovieChatTrigger', parameters: ALL_KINDS };
let n = 0;
const event = (extra: IDataObject = {}): IDataObject => ({
	token: TOKEN,
	clientId: 'user-1',
	questionId: `q-${++n}`,
	timestamp: '2026-05-01T10:00:00.123',
	data: { answer: 'Hi', replies: [{ type: 'text', text: 'Hi' }] },
	...extra,
});
const json = (body: unknown, extra: Partial<WebhookCall> = {}): WebhookCall => ({
	body,
	rawBody: Buffer.from(JSON.stringify(body)),
	headers: { 'content-type': 'application/json' },
	...extra,
});

/** Waits (without a time limit of its own: jest's test timeout bounds it) until `done` holds. */
async function until(done: () => boolean): Promise<void> {
	while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** A small seeded PRNG (mulberry32), so a failing fuzz case can be replayed. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function randomJson(next: () => number, depth = 0): unknown {
	const pick = Math.floor(next() * (depth > 3 ? 5 : 7));
	const word = () =>
		['token', 'clientId', 'questionId', 'data', 'timestamp', 'x', '', '__proto__', 'constructor'][
			Math.floor(next() * 9)
		];
	switch (pick) {
		case 0:
			return null;
		case 1:
			return next() > 0.5;
		case 2:
			return Math.floor(next() * 1e9) * (next() > 0.5 ? -1 : 1);
		case 3:
			return next() > 0.8 ? TOKEN.slice(0, Math.floor(next() * TOKEN.length)) : word();
		case 4:
			return '\u0000\ud800'.repeat(Math.floor(next() * 3));
		case 5:
			return Array.from({ length: Math.floor(next() * 4) }, () => randomJson(next, depth + 1));
		default:
			return Object.fromEntries(
				Array.from({ length: Math.floor(next() * 5) }, () => [word(), randomJson(next, depth + 1)]),
			);
	}
}

async function post(url: string, body: string): Promise<number> {
	return await new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: 'POST', headers: { 'content-type': 'application/json' } },
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

export function describeTrigger(getEnv: () => Env): void {
	const credentials = () => getEnv().credentials as never;
	const refused = async (call: WebhookCall, status: number) => {
		stats.badInputs += 1;
		const { answer, items } = await callWebhook(node, call, credentials());
		expect([answer.statusCode, items]).toEqual([status, []]);
		expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
	};

	it('refuses a wrong or missing token with 401 and starts nothing', async () => {
		await refused(json(event({ token: 'IntgTest:ffffffffffffffffffffffffffffffffffffffff' })), 401);
		await refused(json(event({ token: undefined })), 401);
		await refused(json([event({ token: undefined }), event({ token: 'other' })]), 401);
	});

	it('checks the token per event: a mixed array starts only the events that carry it', async () => {
		stats.badInputs += 1;
		const good = event();
		const { answer, items } = await callWebhook(
			node,
			json([good, event({ token: 'other' }), event({ token: undefined })]),
			credentials(),
		);
		expect(answer.statusCode).toBe(200);
		expect(items.map((item) => item.questionId)).toEqual([good.questionId]);
		expect(JSON.stringify([answer.body, items])).not.toContain(TOKEN);
	});

	it('refuses malformed JSON, a wrong content type, an oversized body and a wrong method with 4xx', async () => {
		await refused(
			{
				body: {},
				rawBody: Buffer.from('{"token": "'),
				headers: { 'content-type': 'application/json' },
			},
			400,
		);
		await refused(
			{ body: {}, rawBody: Buffer.from('not json'), headers: { 'content-type': 'text/plain' } },
			400,
		);
		await refused(
			json(event(), { headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
			415,
		);
		await refused(
			json(event(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
			415,
		);
		const huge = event({ data: { answer: 'x'.repeat(MAX_BODY_BYTES) } });
		await refused(json(huge), 413);
		await refused(json(event(), { method: 'GET' }), 405);
		await refused(json(event(), { method: 'PUT' }), 405);
		await refused(json('just a string'), 400);
	});

	it('answers an empty array with 200 and starts nothing (no retries for a harmless ping)', async () => {
		const { answer, items } = await callWebhook(node, json([]), credentials());
		expect([answer.statusCode, items]).toEqual([200, []]);
	});

	it('recognises the platform retry of one event (same questionId) and starts it once', async () => {
		const staticData: IDataObject = {};
		const first = event();
		const calls = [];
		for (let attempt = 0; attempt < 4; attempt++)
			calls.push(await callWebhook(node, json(first), credentials(), staticData));
		expect(calls.map((c) => [c.answer.statusCode, c.items.length])).toEqual([
			[200, 1],
			[200, 0],
			[200, 0],
			[200, 0],
		]);
		// A new message, and a reply of another kind to the same question, are new events.
		expect((await callWebhook(node, json(event()), credentials(), staticData)).items).toHaveLength(
			1,
		);
		expect(
			(
				await callWebhook(
					node,
					json({ ...first, timestamp: '2026-05-01T10:00:05.000' }),
					credentials(),
					staticData,
				)
			).items,
		).toHaveLength(1);
		// After the window the id is forgotten; the static data stays small.
		const [scope, nodeData]: [string, IDataObject] = ['reliability|trigger', {}];
		expect(dropRepeats([first], scope, nodeData, 0)).toHaveLength(1);
		expect(dropRepeats([first], scope, nodeData, DEDUP_WINDOW_MS + 1)).toHaveLength(1);
		const many = Array.from({ length: 6000 }, () => event());
		dropRepeats(many, scope, nodeData, DEDUP_WINDOW_MS + 2);
		expect(Object.keys(nodeData.seen as IDataObject).length).toBeLessThanOrEqual(SEEN_MAX);
	});

	it('answers a burst of 1 000 events with 200 and starts exactly 1 000 items, none twice', async () => {
		// How fast the answers come is measured by bench/trigger.bench.cts, not asserted here.
		const hook = new WebhookServer(credentials);
		await hook.start();
		hook.reset(ALL_KINDS);
		try {
			const bodies = Array.from({ length: 1000 }, () =>
				JSON.stringify(event({ clientId: `burst-${n}` })),
			);
			const statuses: number[] = [];
			for (let i = 0; i < bodies.length; i += 50)
				statuses.push(
					...(await Promise.all(bodies.slice(i, i + 50).map((body) => post(hook.url, body)))),
				);
			await until(() => hook.executions.length >= 1000);
			expect(statuses.filter((status) => status !== 200)).toEqual([]);
			expect(hook.executions.flat()).toHaveLength(1000);
			expect(new Set(hook.executions.flat().map((item) => item.questionId)).size).toBe(1000);
		} finally {
			hook.server.closeAllConnections();
			hook.server.close();
		}
	}, 120_000);

	it('survives seeded random bodies: never crashes, never starts for invalid input', async () => {
		const next = random(20260701);
		let cases = 0;
		for (; cases < 600; cases++) {
			const body = randomJson(next);
			// Half the cases carry the right token somewhere near the top, as a forger who knows it would.
			const withToken =
				cases % 2 === 1 && body && typeof body === 'object' && !Array.isArray(body)
					? { ...(body as IDataObject), token: TOKEN }
					: body;
			const raw =
				next() > 0.9 ? JSON.stringify(withToken).slice(0, -1) : (JSON.stringify(withToken) ?? '');
			const { answer, items } = await callWebhook(
				node,
				{ body: {}, rawBody: Buffer.from(raw), headers: { 'content-type': 'application/json' } },
				credentials(),
			);
			const valid = answer.statusCode === 200;
			expect([cases, answer.statusCode]).toEqual([cases, valid ? 200 : expect.any(Number)]);
			if (!valid) {
				expect([cases, answer.statusCode! >= 400 && answer.statusCode! < 500, items]).toEqual([
					cases,
					true,
					[],
				]);
			} else if (items.length > 0) {
				// Only bodies that carry the channel token may start, and then with plain items.
				expect(raw).toContain(TOKEN);
				expect(
					items.every((item) => typeof item.eventKind === 'string' && item.token === undefined),
				).toBe(true);
			}
			expect(JSON.stringify(answer.body ?? '')).not.toContain(TOKEN);
		}
		stats.badInputs += cases;
	}, 120_000);
}

export { checkRun };
