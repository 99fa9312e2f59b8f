/**
 * Tovie Reporter, reading analytics through n8n-core against the fake platform's Reporter module:
 * statistics, sessions, clients, messages, state routes; paging with Return All and Limit; filters
 * built in the UI and sent as the spec's FiltersDto; dates in the three forms; auth failures.
 */
import type { IDataObject } from 'n8n-workflow';

import { listSearch, loadOptions } from '../../nodes/Reporter/methods/search';
import { ChannelsModule } from '../helpers/fake-platform/channels.cts';
import { ReporterModule } from '../helpers/fake-platform/reporter.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { runNode } from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	SECRETS,
	useFastRetries,
} from '../helpers/integration.cts';
import { loadOptionsContext } from '../helpers/load-options.cts';

let fake: FakePlatform;
let reporter: ReporterModule;
useFastRetries();

const run = async (
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; credentials?: Record<string, string> } = {},
) => {
	const result = await runNode(
		'tovieReporter',
		parameters,
		items,
		credentialsFor(fake, options.credentials),
		{ continueOnFail: options.continueOnFail },
	);
	expectNoSecrets([result.serialized]);
	return result;
};
const lastBody = (path: RegExp) => fake.requestsTo(path).pop()?.body as IDataObject;
const lastQuery = (path: RegExp) => fake.requestsTo(path).pop()?.query as Record<string, string>;

beforeAll(async () => {
	fake = await startFakePlatform({
		modules: [
			// The Bot channel API answers the bot pickers (the channels of the project).
			(platform) =>
				new ChannelsModule(platform, {
					tokens: [SECRETS.apiToken],
					seed: [
						{
							shortName: 'acme-bot',
							chatToken: 'chat-token-reporter',
							chatBotId: '263-acme-bot-chat',
						},
					],
				}),
			(platform) =>
				new ReporterModule(platform, { sessions: 2500, messagesPerSession: 2, clients: 40 }),
		],
	});
	reporter = fake.module(ReporterModule);
});
afterAll(async () => await fake.close());
beforeEach(() => fake.reset());

describe('Statistic', () => {
	it('Get Summary: switched sessions per day, with date-only dates, repeated botIds, the time zone and the Bearer token', async () => {
		const result = await run({
			resource: 'statistics',
			operation: 'getSummary',
			metric: 'switchedSessions',
			dateFrom: '2026-01-01T10:00:00',
			dateTo: '2026-01-31',
			botIds: ['bot-a', 'bot-b'],
			options: { timeZone: 'Europe/Moscow' },
		});
		expect(result.status).toBe('success');
		// One item per day; times (epoch ms on the wire) come out as ISO 8601 in the workflow's zone.
		expect(result.json()).toEqual([{ intervalStart: '2025-12-31T19:00:00.000-05:00', count: 3 }]);
		const request = fake.requestsTo(/stats\/switched-sessions$/)[0];
		expect(request.query).toMatchObject({
			dateFrom: '2026-01-01',
			dateTo: '2026-01-31',
			transferToOperatorMethod: 'SWITCH',
			projectShortName: 'acme-bot',
		});
		expect(request.rawPath).toContain('botIds=bot-a&botIds=bot-b');
		expect(request.headers.authorization).toBe(`Bearer ${SECRETS.apiToken}`);
		// Moscow is UTC+3 all year: the Timezone header is its offset in minutes.
		expect(request.headers.timezone).toBe('180');
	});

	it('Get Summary: a time zone that does not exist fails before any request', async () => {
		const result = await run(
			{
				resource: 'statistics',
				operation: 'getSummary',
				metric: 'telephony',
				dateFrom: '2026-01-01',
				dateTo: '2026-01-02',
				options: { timeZone: 'Mars/Olympus' },
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(result.json()[0].error).toBe('Time Zone is not a time zone: "Mars/Olympus" [item 0]');
		expect(fake.requests).toHaveLength(0);
	});

	it('Get Summary: telephony and unique clients', async () => {
		const tel = await run({
			resource: 'statistics',
			operation: 'getSummary',
			metric: 'telephony',
			dateFrom: '2026-01-01',
			dateTo: '2026-01-02',
		});
		expect(tel.json()).toEqual([
			{
				intervalStart: '2025-12-31T19:00:00.000-05:00',
				incoming: 4,
				outgoing: 3,
				billed: 7,
				averageCallDurationInSeconds: 42.5,
			},
		]);
		const unique = await run({
			resource: 'statistics',
			operation: 'getSummary',
			metric: 'uniqueClients',
		});
		expect(unique.json()).toEqual([{ projectShortName: 'acme-bot', totalCount: 40 }]);
	});

	it('Get Summary: a missing date fails before any request, naming the field and item', async () => {
		const result = await run(
			{
				resource: 'statistics',
				operation: 'getSummary',
				metric: 'telephony',
				dateFrom: '2026-01-01',
				dateTo: '={{ $json.to }}',
			},
			[{}, {}],
			{ continueOnFail: true },
		);
		expect(result.json()).toEqual([
			expect.objectContaining({ error: 'Date To is empty [item 0]' }),
			expect.objectContaining({ error: 'Date To is empty [item 1]' }),
		]);
		expect(result.output().map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(fake.requests).toHaveLength(0);
	});

	it('Get by Interval: one item per interval, with ISO dates in the workflow zone', async () => {
		// 2500 sessions a minute apart from 2026-01-01T00:00Z: 60 in every hour but the last (40).
		const result = await run({
			resource: 'statistics',
			operation: 'getByInterval',
			metric: 'sessions',
			intervalType: 'HOUR',
		});
		const hours = result.json();
		expect(hours).toHaveLength(42);
		expect(hours[0]).toEqual({
			intervalStart: '2025-12-31T19:00:00.000-05:00',
			count: 60,
			metric: 'sessions',
			filterSetId: 'fs-auto',
		});
		expect(hours[1].intervalStart).toBe('2025-12-31T20:00:00.000-05:00');
		expect(hours.reduce((sum, h) => sum + Number(h.count), 0)).toBe(2500);
		const days = await run({
			resource: 'statistics',
			operation: 'getByInterval',
			metric: 'messages',
			intervalType: 'DAY',
		});
		expect(days.json().map((d) => [d.intervalStart, d.count])).toEqual([
			['2025-12-31T19:00:00.000-05:00', 1440],
			['2026-01-01T19:00:00.000-05:00', 1060],
		]);
	});

	it('Get by Interval: label statistics give one item per label and interval, with the label', async () => {
		const result = await run({
			resource: 'statistics',
			operation: 'getByInterval',
			metric: 'messageLabels',
			intervalType: 'DAY',
		});
		expect(result.json()[0]).toEqual({
			intervalStart: '2025-12-31T19:00:00.000-05:00',
			count: 2,
			metric: 'messageLabels',
			labelId: 11,
			labelName: 'Good answer',
			labelGroup: 'Quality',
		});
		expect(result.json()).toHaveLength(3);
	});

	it('Get by Interval: each metric with interval, step and filters', async () => {
		for (const [metric, path] of [
			['messages', /stats\/messages/],
			['sessions', /stats\/sessions/],
			['sessionLabels', /stats\/session-labels/],
			['messageLabels', /stats\/log-labels/],
		] as const) {
			const result = await run({
				resource: 'statistics',
				operation: 'getByInterval',
				metric,
				intervalType: 'WEEK',
				step: 2,
				filters: { flag: [{ key: 'WITHOUT_EMPTY_SESSIONS', option: 'YES' }] },
			});
			expect(result.status).toBe('success');
			expect(lastQuery(path)).toMatchObject({ intervalType: 'WEEK', step: '2' });
			expect(lastBody(path)).toEqual({
				filters: [{ key: 'WITHOUT_EMPTY_SESSIONS', type: 'RADIO', option: 'YES' }],
			});
		}
	});
});

describe('Filters built in the UI', () => {
	it('produce the exact FiltersDto JSON of the spec, in a fixed order, with raw JSON appended', async () => {
		await run({
			resource: 'session',
			operation: 'getAll',
			limit: 5,
			filters: {
				period: [
					{ key: 'SESSION_START_TIME', from: '2026-01-01', to: '2026-01-02T12:30:00+02:00' },
				],
				values: [
					{ key: 'CHANNEL_TYPE', comparisonType: 'CONTAINS', options: ['telegram', 'chatwidget'] },
					{ key: 'SESSION_LABELS', comparisonType: 'NOT_CONTAINS', options: ['21'] },
				],
				text: [
					{
						key: 'MESSAGE_OR_ANSWER_TEXT',
						comparisonType: 'CONTAINS',
						values: 'billing',
						isCaseSensitive: false,
					},
				],
				messageCount: [{ from: 1, to: 50 }],
				flag: [{ key: 'WITHOUT_TEST_SESSIONS', option: 'YES' }],
				json: [{ filters: '[{"key": "NPS", "type": "NUMERIC_RANGE", "from": 9, "to": 10}]' }],
			},
		});
		expect(lastBody(/sessions\/filter$/)).toEqual({
			filters: [
				// From: a day without a zone starts at midnight in the workflow's zone (New York).
				{
					key: 'SESSION_START_TIME',
					type: 'DATE_TIME_RANGE',
					from: '2026-01-01T05:00:00.000Z',
					to: '2026-01-02T10:30:00.000Z',
				},
				{
					key: 'CHANNEL_TYPE',
					type: 'CHECKBOX',
					options: ['telegram', 'chatwidget'],
					comparisonType: 'CONTAINS',
				},
				{
					key: 'SESSION_LABELS',
					type: 'CHECKBOX',
					options: ['21'],
					comparisonType: 'NOT_CONTAINS',
				},
				{
					key: 'MESSAGE_OR_ANSWER_TEXT',
					type: 'TEXT',
					values: ['billing'],
					comparisonType: 'CONTAINS',
					isCaseSensitive: false,
				},
				{ key: 'MESSAGE_COUNT', type: 'NUMERIC_RANGE', from: 1, to: 50 },
				{ key: 'WITHOUT_TEST_SESSIONS', type: 'RADIO', option: 'YES' },
				{ key: 'NPS', type: 'NUMERIC_RANGE', from: 9, to: 10 },
			],
		});
	});

	it('filters really select: a period and a bot give the matching sessions only', async () => {
		const result = await run({
			resource: 'session',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			filters: {
				period: [
					{ key: 'SESSION_START_TIME', from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:09:00Z' },
				],
				values: [{ key: 'BOT_ID', comparisonType: 'CONTAINS', options: [reporter.bots[0]] }],
			},
		});
		expect(result.json().map((s) => s.sessionId)).toEqual(['s-0', 's-2', 's-4', 's-6', 's-8']);
	});

	it('invalid raw JSON fails before any request', async () => {
		const result = await run(
			{
				resource: 'session',
				operation: 'getAll',
				filters: { json: [{ filters: '[{"key": "NPS"}]' }] },
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(result.json()[0].error).toBe(
			'Filters Other (JSON) #1 entry 1 needs "key" and "type" [item 0]',
		);
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Session', () => {
	it('Get Many with Return All walks every page at size 1000 and respects totalCount', async () => {
		const result = await run({ resource: 'session', operation: 'getAll', returnAll: true });
		expect(result.json()).toHaveLength(2500);
		const pages = fake.requestsTo(/sessions\/filter$/);
		expect(pages.map((r) => `${r.query.page}/${r.query.size}`)).toEqual([
			'0/1000',
			'1/1000',
			'2/1000',
		]);
		expect(result.json()[0]).toEqual({
			sessionId: 's-0',
			botId: reporter.bots[0],
			channelType: 'telegram',
			clientId: 'client-0',
			clientName: 'Client0 Test',
			startTime: '2025-12-31T19:00:00.000-05:00',
			questionCount: 2,
			duration: 120,
			sessionResult: 'FAIL',
			labels: undefined,
		});
	});

	it('Get Many with Limit asks for exactly that many; labels and session data on request', async () => {
		const result = await run({
			resource: 'session',
			operation: 'getAll',
			limit: 3,
			simplify: false,
			options: { needToReturnSessionLabels: true, needToReturnSessionData: true },
		});
		expect(result.json()).toHaveLength(3);
		expect(result.json()[0]).toMatchObject({
			labels: [{ id: 21, name: 'Resolved' }],
			sessionData: { plan: 'free' },
		});
		expect(fake.requestsTo(/sessions\/filter$/).map((r) => r.query)).toEqual([
			expect.objectContaining({ page: '0', size: '3', needToReturnSessionLabels: 'true' }),
		]);
	});

	it('Limit above one page: 1500 items in two pages', async () => {
		const result = await run({ resource: 'session', operation: 'getAll', limit: 1500 });
		expect(result.json()).toHaveLength(1500);
		expect(fake.requestsTo(/sessions\/filter$/)).toHaveLength(2);
	});

	it('falls back to a smaller page when the platform refuses size 1000', async () => {
		reporter.options.maxPageSize = 500;
		try {
			const result = await run({ resource: 'session', operation: 'getAll', returnAll: true });
			expect(result.json()).toHaveLength(2500);
			expect(fake.requestsTo(/sessions\/filter$/).map((r) => r.status)[0]).toBe(400);
			expect(fake.requestsTo(/sessions\/filter$/)).toHaveLength(26);
		} finally {
			reporter.options.maxPageSize = 1000;
		}
	});

	it('Count: one item per project', async () => {
		const result = await run({ resource: 'session', operation: 'count' });
		expect(result.json()).toEqual([{ projectShortName: 'acme-bot', amount: 2500 }]);
	});

	it('a wrong token gives 401, a token without access 403; the token never shows', async () => {
		const bad = await run({ resource: 'session', operation: 'getAll' }, [{}], {
			continueOnFail: true,
			credentials: { apiToken: 'wrong-token-123456' },
		});
		expect(bad.json()[0].error).toContain('[401 gateway.auth.invalid_token]');
		expect(bad.serialized).not.toContain('wrong-token-123456');
		const forbidden = await run({ resource: 'session', operation: 'getAll' }, [{}], {
			credentials: { apiToken: 'reporter-no-access' },
		});
		expect(forbidden.status).toBe('error');
		expect(forbidden.error?.message).toContain('[403 gateway.auth.access_denied]');
	});

	it('retries a 503 on a read POST (filters only read)', async () => {
		fake.inject({ path: /sessions\/filter$/, status: 503 });
		const result = await run({ resource: 'session', operation: 'getAll', limit: 2 });
		expect(result.json()).toHaveLength(2);
		expect(fake.requestsTo(/sessions\/filter$/)).toHaveLength(2);
	});
});

describe('Client', () => {
	it('Get Many by filters, and Get Many for Bot with the date-time form', async () => {
		const all = await run({ resource: 'client', operation: 'getAll', returnAll: true });
		expect(all.json()).toHaveLength(40);
		const forBot = await run({
			resource: 'client',
			operation: 'getAllForBot',
			botId: { __rl: true, mode: 'list', value: reporter.bots[1] },
			dateTo: '2026-01-01T00:10:00Z',
			returnAll: true,
		});
		expect(forBot.json().map((c) => c.clientId)).toEqual([
			'client-1',
			'client-3',
			'client-5',
			'client-7',
			'client-9',
		]);
		// Simplify: at most ten flat fields, the name joined.
		expect(forBot.json()[0]).toEqual({
			clientId: 'client-1',
			clientName: 'Client1 Test',
			botId: reporter.bots[1],
			channelType: 'chatwidget',
			joinDate: '2025-12-31T19:01:00.000-05:00',
			lastVisitDate: '2025-12-31T20:00:00.000-05:00',
			lastSessionId: 's-1',
			isBlocked: false,
		});
		const raw = await run({ resource: 'client', operation: 'getAll', limit: 1, simplify: false });
		expect(raw.json()[0]).toMatchObject({ id: 'client-0', accountId: 263 });
		expect(lastQuery(/all-for-bot$/)).toMatchObject({
			dateTo: '2026-01-01T00:10:00.000Z',
			botId: reporter.bots[1],
		});
	});

	it('Get Many for Bot without a bot fails on the item', async () => {
		const result = await run(
			{
				resource: 'client',
				operation: 'getAllForBot',
				botId: { __rl: true, mode: 'id', value: '={{ $json.bot }}' },
				dateTo: '2026-01-01',
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(result.json()[0].error).toBe('Bot is empty [item 0]');
	});
});

describe('Message', () => {
	it('Get Many by filters, by session, by client', async () => {
		const filtered = await run({
			resource: 'message',
			operation: 'getAll',
			source: 'filter',
			limit: 4,
			filters: { text: [{ key: 'MESSAGE_TEXT', comparisonType: 'CONTAINS', values: 'billing' }] },
		});
		expect(filtered.json().every((m) => String(m.question).includes('billing'))).toBe(true);
		const session = await run({
			resource: 'message',
			operation: 'getAll',
			source: 'session',
			sessionId: 's-7',
			returnAll: true,
			simplify: false,
			options: { hideEmptyMessage: true, responseDataJsonPath: '$.a, $.b' },
		});
		expect(session.json().map((m) => m.questionId)).toEqual(['q-7-0', 'q-7-1']);
		expect(fake.requestsTo(/by-session$/)[0].rawPath).toContain(
			'responseDataJsonPath=%24.a&responseDataJsonPath=%24.b',
		);
		const client = await run({
			resource: 'message',
			operation: 'getAll',
			source: 'client',
			botId: { __rl: true, mode: 'id', value: reporter.bots[0] },
			clientId: 'client-0',
			limit: 3,
			options: { newestFirst: true },
		});
		expect(client.json()).toHaveLength(3);
		expect(lastQuery(/by-client$/)).toMatchObject({ sort: 'desc', clientId: 'client-0' });
	});

	it('Get Many by session: an unknown session is a 404 with the platform message', async () => {
		const result = await run(
			{ resource: 'message', operation: 'getAll', source: 'session', sessionId: 'nope' },
			[{}],
			{ continueOnFail: true },
		);
		expect(result.json()[0].error).toContain(
			'[404 reporter.common.not_found]: Session nope not found',
		);
	});

	it('Get Page Position in a session and in a client history', async () => {
		const s = await run({
			resource: 'message',
			operation: 'getPagePosition',
			source: 'session',
			sessionId: 's-1',
			questionId: 'q-1-1',
			size: 1,
		});
		expect(s.json()[0]).toMatchObject({ pageNumber: 1, questionId: 'q-1-1' });
		const c = await run({
			resource: 'message',
			operation: 'getPagePosition',
			source: 'client',
			botId: { __rl: true, mode: 'id', value: reporter.bots[0] },
			clientId: 'client-0',
			questionId: 'q-80-1',
			size: 2,
		});
		expect(c.json()[0]).toMatchObject({ pageNumber: 2 });
		const missing = await run(
			{
				resource: 'message',
				operation: 'getPagePosition',
				source: 'session',
				sessionId: 's-1',
				questionId: '={{ $json.q }}',
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(missing.json()[0].error).toBe('Message is empty [item 0]');
	});
});

describe('State Route', () => {
	it('Get Many pages through routes; an injected 500 after retries is reported', async () => {
		const result = await run({ resource: 'stateRoute', operation: 'getAll', returnAll: true });
		expect(result.json()).toHaveLength(25);
		fake.inject({ path: /state-routes/, status: 500, times: 5 });
		const failed = await run({ resource: 'stateRoute', operation: 'getAll', limit: 1 }, [{}], {
			continueOnFail: true,
		});
		expect(failed.json()[0].error).toContain('[500');
	});
});

describe('Options → Project', () => {
	const elsewhere = { credentials: { projectShortName: 'elsewhere-bot' } };
	const project = (value: string, mode: string) => ({ project: { __rl: true, mode, value } });

	it('overrides the credential project, picked from the list or typed as a short name', async () => {
		const unique = await run(
			{
				resource: 'statistics',
				operation: 'getSummary',
				metric: 'uniqueClients',
				options: project('acme-bot', 'list'),
			},
			[{}],
			elsewhere,
		);
		expect(unique.status).toBe('success');
		expect(lastQuery(/stats\/unique-clients$/)).toMatchObject({ projectShortName: 'acme-bot' });
		const sessions = await run(
			{
				resource: 'session',
				operation: 'getAll',
				limit: 2,
				options: project('acme-bot', 'shortName'),
			},
			[{}],
			elsewhere,
		);
		expect(sessions.json()).toHaveLength(2);
		expect(lastQuery(/sessions\/filter$/)).toMatchObject({ projectShortName: 'acme-bot' });
		const messages = await run(
			{ resource: 'message', operation: 'getAll', limit: 1, options: project('acme-bot', 'list') },
			[{}],
			elsewhere,
		);
		expect(messages.json()).toHaveLength(1);
		expect(lastQuery(/messages\/filter$/)).toMatchObject({ projectShortName: 'acme-bot' });
	});

	it('by ID: the short name is looked up once per item through the Project API', async () => {
		fake.inject({
			method: 'GET',
			path: /^\/api\/v1\/projects\/4321$/,
			status: 200,
			body: { id: 4321, shortName: 'acme-bot', name: 'Acme' },
		});
		const clients = await run(
			{ resource: 'client', operation: 'getAll', limit: 3, options: project('4321', 'id') },
			[{}],
			elsewhere,
		);
		expect(clients.json()).toHaveLength(3);
		expect(lastQuery(/clients\/filter$/)).toMatchObject({ projectShortName: 'acme-bot' });
		const lookups = fake.requestsTo('GET', /^\/api\/v1\/projects\/4321$/);
		expect(lookups).toHaveLength(1);
		expect(lookups[0].headers.authorization).toBe(`Bearer ${SECRETS.apiToken}`);
	});

	it('an ID that is not a number fails before any request; a required project names both places', async () => {
		const badId = await run(
			{ resource: 'stateRoute', operation: 'getAll', limit: 1, options: project('acme-bot', 'id') },
			[{}],
			{ continueOnFail: true },
		);
		expect(badId.json()[0].error).toBe('Project must be a number, got "acme-bot" [item 0]');
		const none = await run({ resource: 'experiment', operation: 'getAll', returnAll: true }, [{}], {
			credentials: { projectShortName: '' },
		});
		expect(none.error?.message).toBe('Project is empty [item 0]');
		expect(none.error?.description).toBe(
			'Set Options → Project, or the Project Short Name of the Tovie Platform API credential.',
		);
		expect(fake.requests).toHaveLength(0);
	});
});

describe('pickers', () => {
	const picker = (parameters: IDataObject = {}, sibling?: string) => {
		const { ctx, sent } = loadOptionsContext(
			credentialsFor(fake),
			parameters,
			'n8n-nodes-tovie.tovieReporter',
		);
		// n8n resolves `&key` to the field beside the one whose list opens (Filters → Values → Field).
		if (sibling) {
			const read = ctx.getCurrentNodeParameter.bind(ctx);
			Object.assign(ctx, {
				getCurrentNodeParameter: (path: string) => (path === '&key' ? sibling : read(path)),
			});
		}
		return { ctx, sent };
	};

	it('bots: the channels of the project, as a list search (Bot) and as options (Bot Names or IDs)', async () => {
		const { ctx, sent } = picker();
		const bots = await listSearch.searchBots.call(ctx);
		expect(bots.results).toEqual([
			{ name: 'Chat API (CHAT_API)', value: '263-acme-bot-chat' },
			{ name: 'Web widget (CHAT_WIDGET)', value: expect.any(String) },
		]);
		expect(sent.map((r) => new URL(String(r.url)).pathname)).toEqual([
			'/api/v1/projects/acme-bot/by-project-short-name',
			'/api/v1/bot-channels',
		]);
		expect(await loadOptions.getBots.call(picker().ctx)).toEqual(bots.results);
		expect((await listSearch.searchBots.call(picker().ctx, 'chat api')).results).toHaveLength(1);
	});

	it('filter values: the filter options of the field beside it (bots, labels, channel types)', async () => {
		const bots = picker({}, 'BOT_ID');
		expect(await loadOptions.getFilterValues.call(bots.ctx)).toEqual(
			reporter.bots.map((b) => ({ name: `Bot ${b.slice(-5)}`, value: b })),
		);
		expect(bots.sent[0].qs).toMatchObject({
			filterKey: 'BOT_ID',
			analyticsSection: 'SESSIONS',
			projectShortName: 'acme-bot',
		});
		expect(await loadOptions.getFilterValues.call(picker({}, 'LOG_LABELS').ctx)).toEqual([
			{ name: 'Good answer', value: '11' },
			{ name: 'Bad answer', value: '12' },
			{ name: 'Billing', value: '13' },
		]);
		// Filter → Get Options names its own section.
		const section = picker({ analyticsSection: 'CLIENTS' }, 'CHANNEL_TYPE');
		expect(await loadOptions.getFilterValues.call(section.ctx)).toEqual([
			{ name: 'chatwidget', value: 'chatwidget' },
			{ name: 'telegram', value: 'telegram' },
		]);
		expect(section.sent[0].qs).toMatchObject({ analyticsSection: 'CLIENTS' });
	});

	it('sessions: the latest of the project, 100 a page, searchable by client ID or name', async () => {
		const { ctx, sent } = picker();
		const first = await listSearch.searchSessions.call(ctx);
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: expect.stringContaining('Client'), value: 's-0' });
		expect(first.paginationToken).toBe('1');
		expect(sent[0].qs).toMatchObject({ projectShortName: 'acme-bot', page: 0, size: 100 });
		const second = await listSearch.searchSessions.call(picker().ctx, undefined, '1');
		expect(second.results[0].value).toBe('s-100');
		const found = await listSearch.searchSessions.call(picker().ctx, 'client-7');
		expect(found.results.length).toBeGreaterThan(0);
		expect(found.results.every((r) => r.name.includes('Client7'))).toBe(true);
	});

	it('messages: the latest of the project, searchable by their text', async () => {
		const { ctx, sent } = picker();
		const latest = await listSearch.searchMessages.call(ctx);
		expect(latest.results).toHaveLength(100);
		expect(latest.results[0].value).toMatch(/^q-/);
		expect(sent[0].body).toEqual({ filters: [] });
		const found = picker();
		const hits = await listSearch.searchMessages.call(found.ctx, 'hello');
		expect(found.sent[0].body).toEqual({
			filters: [
				{
					key: 'MESSAGE_OR_ANSWER_TEXT',
					type: 'TEXT',
					values: ['hello'],
					comparisonType: 'CONTAINS',
					// Required by reporter-api.yml TextFilter (the fake refuses a filter without it).
					isCaseSensitive: false,
				},
			],
		});
		expect(hits.results.length).toBeGreaterThan(0);
		expect(hits.results.every((r) => r.name.toLowerCase().includes('hello'))).toBe(true);
	});

	it('clients: the clients of the project, searchable by ID or name', async () => {
		const { ctx, sent } = picker();
		const all = await listSearch.searchClients.call(ctx);
		expect(all.results).toHaveLength(40);
		expect(all.results[0]).toEqual({
			name: expect.stringContaining('client-0'),
			value: 'client-0',
		});
		expect(all.paginationToken).toBeUndefined();
		expect(sent[0].body).toEqual({ filters: [] });
		const found = await listSearch.searchClients.call(picker().ctx, 'Client12');
		expect(found.results.map((r) => r.value)).toEqual(['client-12']);
	});

	it('a session or client picked from the list reads like one given by ID', async () => {
		const byList = await run({
			resource: 'message',
			operation: 'getAll',
			source: 'session',
			sessionId: { __rl: true, mode: 'list', value: 's-1' },
			returnAll: true,
		});
		const byId = await run({
			resource: 'message',
			operation: 'getAll',
			source: 'session',
			sessionId: 's-1',
			returnAll: true,
		});
		expect(byList.json()).toEqual(byId.json());
		expect(byList.json().length).toBeGreaterThan(0);
	});

	it('experiments: the A/B experiments of the project, by key', async () => {
		const { ctx, sent } = picker();
		expect(await listSearch.searchExperiments.call(ctx)).toEqual({
			results: [{ name: 'greeting (Greeting A/B) – RUNNING', value: 'greeting' }],
		});
		expect(sent[0].qs).toMatchObject({ projectShortName: 'acme-bot' });
		expect(await listSearch.searchExperiments.call(picker().ctx, 'nothing')).toEqual({
			results: [],
		});
	});
});
