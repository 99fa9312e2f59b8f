/**
 * What Tovie Chat reads from answers the Chat API pages do not show, run against each reading the
 * fake platform can give: the history (bare array or `{messages, total}`, documented message
 * shapes or flat ones, query parameters ignored or honoured) through Get History and the Message
 * picker; the several-messages status answer; a numeric async ID beyond 2^53.
 */
import type { IDataObject } from 'n8n-workflow';

import { listSearch } from '../../nodes/Chat/methods/search';
import type { HistoryItems, HistoryParams, HistoryShape } from '../helpers/fake-platform/chat.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { loadOptionsContext } from '../helpers/load-options.cts';
import { runNode, type WorkflowResult } from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	SECRETS,
	useFastRetries,
} from '../helpers/integration.cts';

const TOKEN = SECRETS.chatApiToken;
let fake: FakePlatform;
let credentials: ReturnType<typeof credentialsFor>;
const runs: WorkflowResult[] = [];

useFastRetries();
beforeAll(async () => {
	fake = await startFakePlatform({ chat: { tokens: [TOKEN], longPollMs: 300 } });
	credentials = credentialsFor(fake);
});
afterEach(() => fake.reset());
afterAll(async () => {
	expectNoSecrets(runs.map((run) => run.serialized));
	await fake.close();
});

async function chat(parameters: IDataObject, items: IDataObject[] = [{}]) {
	const result = await runNode('tovieChat', parameters, items, credentials as never);
	runs.push(result);
	return result;
}

const history = async (clientId: string, extra: IDataObject = {}) =>
	(await chat({ resource: 'message', operation: 'getHistory', clientId, ...extra })).json();

const picker = async (clientId: string, filter?: string) =>
	await listSearch.searchBotMessages.call(
		loadOptionsContext(credentials, { clientId }, 'n8n-nodes-tovie.tovieChat').ctx,
		filter,
	);

/** What a history message says, in either item shape. */
const said = (m: IDataObject) =>
	m.query ?? m.event ?? ((m.data as IDataObject | undefined)?.answer as string) ?? m.text;

const readings: Array<[HistoryShape, HistoryItems, HistoryParams]> = [];
for (const shape of ['array', 'wrapped'] as const)
	for (const items of ['messages', 'flat'] as const)
		for (const params of ['ignored', 'validated'] as const) readings.push([shape, items, params]);

describe.each(readings)('history answer %s, items %s, parameters %s', (shape, items, params) => {
	beforeEach(async () => {
		Object.assign(fake.chat, { historyShape: shape, historyItems: items, historyParams: params });
		for (const text of ['one', 'two', 'three'])
			await chat({ resource: 'message', operation: 'send', clientId: 'h', query: text });
		fake.requests.length = 0;
	});

	it('Get History returns every message in order, honours Limit, and keeps only the time span', async () => {
		expect((await history('h', { returnAll: true })).map(said)).toEqual([
			'one',
			'You said: one',
			'two',
			'You said: two',
			'three',
			'You said: three',
		]);
		expect(await history('h', { limit: 2 })).toHaveLength(2);
		// The second exchange only, whether the platform applies from/to or the node does.
		const times = fake.chat.history(TOKEN, 'h').map((m) => m.ts);
		const span = await history('h', {
			returnAll: true,
			filters: {
				from: new Date(times[2]).toISOString(),
				to: new Date(times[4]).toISOString(),
			},
		});
		expect(span.map(said)).toEqual(['two', 'You said: two']);
		expect(
			await history('h', { returnAll: true, filters: { from: '2999-01-01T00:00:00Z' } }),
		).toEqual([]);
	});

	it('the Message picker lists bot messages only, newest first, labelled with their text', async () => {
		const { results } = await picker('h');
		const answers = fake.chat.history(TOKEN, 'h').filter((m) => m.type === 'response');
		expect(results.map((r) => r.value)).toEqual(answers.reverse().map((m) => m.questionId));
		expect(results.map((r) => r.name.split(' · ')[1])).toEqual([
			'You said: three',
			'You said: two',
			'You said: one',
		]);
		expect((await picker('h', 'two')).results).toHaveLength(1);
	});

	it('the Message picker shows the latest of a long history', async () => {
		for (let n = 0; n < 150; n++) fake.chat.pushAgentReply(TOKEN, 'long', `message ${n}`);
		const { results } = await picker('long');
		expect(results).toHaveLength(100);
		expect(results[0].name).toContain('message 149');
		expect(results[99].name).toContain('message 50');
	});
});

describe('a history answer in a shape the node does not know', () => {
	const unknown = { content: [{ questionId: 'q1' }], totalElements: 1 };

	it('Get History outputs it as one item, unchanged, instead of an empty list', async () => {
		fake.inject({ method: 'GET', path: /\/history$/, status: 200, body: unknown });
		expect(await history('h', { returnAll: true })).toEqual([unknown]);
	});

	it('the Message picker says so, and points to By ID', async () => {
		fake.inject({ method: 'GET', path: /\/history$/, status: 200, body: unknown });
		await expect(picker('h')).rejects.toThrow('The history answer holds no list of messages');
	});
});

describe('Message Status → Update with several messages: the answer as it comes', () => {
	let ids: string[];
	beforeEach(async () => {
		ids = [];
		for (const text of ['a', 'b'])
			ids.push(
				String(
					(
						await chat({ resource: 'message', operation: 'send', clientId: 'st', query: text })
					).json()[0].questionId,
				),
			);
	});

	const update = async (questionIds: string[]) =>
		(
			await chat(
				{
					resource: 'messageStatus',
					operation: 'update',
					clientId: 'st',
					questionId: '={{ $json.id }}',
					status: 'READ',
				},
				questionIds.map((id) => ({ id })),
			)
		).json();

	it('does not say an unknown message was updated (the fake skips it silently)', async () => {
		const out = await update([...ids, 'no-such-message']);
		expect(out).toEqual(
			[...ids, 'no-such-message'].map((questionId) => ({
				clientId: 'st',
				questionId,
				requestedStatus: 'READ',
				updated: 2,
			})),
		);
		expect(out.some((item) => 'status' in item)).toBe(false);
	});

	it.each([
		[
			'a list naming each message: each item gets its own entry, an unnamed one none',
			(ids: string[]) => [{ questionId: ids[0], status: 'READ', changed: true }],
			(ids: string[]) => [
				{
					clientId: 'st',
					questionId: ids[0],
					requestedStatus: 'READ',
					status: 'READ',
					changed: true,
				},
				{ clientId: 'st', questionId: ids[1], requestedStatus: 'READ' },
			],
		],
		[
			'an empty answer: only what was asked',
			() => '',
			(ids: string[]) =>
				ids.map((questionId) => ({ clientId: 'st', questionId, requestedStatus: 'READ' })),
		],
		[
			'a bare value: under answer',
			() => 'OK',
			(ids: string[]) =>
				ids.map((questionId) => ({
					clientId: 'st',
					questionId,
					requestedStatus: 'READ',
					answer: 'OK',
				})),
		],
	])('%s', async (_what, body, expected) => {
		fake.inject({ method: 'POST', path: /message-statuses$/, status: 200, body: body(ids) });
		expect(await update(ids)).toEqual(expected(ids));
	});
});

describe('Send Without Waiting: a numeric ID beyond 2^53', () => {
	it('keeps every digit', async () => {
		fake.chat.asyncAnswer = 'bigNumber';
		const [out] = (
			await chat({ resource: 'message', operation: 'sendAsync', clientId: 'big', query: 'x' })
		).json();
		const [sent] = fake.chat.history(TOKEN, 'big');
		expect(BigInt(sent.questionId) > 2n ** 53n).toBe(true);
		expect(fake.requests[0].status).toBe(200);
		expect(out).toEqual({ clientId: 'big', questionId: sent.questionId });
	});
});
