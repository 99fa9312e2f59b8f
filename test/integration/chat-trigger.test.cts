/**
 * Tovie Chat Trigger receiving real HTTP posts from the fake platform (async replies, agent
 * replies, text campaigns, timeouts), and Tovie Chat Polling Trigger following the events. Both
 * run against each reading of what the platform's pages leave open: webhook bodies with or without
 * kind marks, an inclusive or exclusive `ts`, and another name for client-request events.
 */
import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	documentedArrayBody,
	documentedObjectBody,
	DOCUMENTED_TOKEN,
} from '../fixtures/chat-webhook.cts';
import { forgetOwnSends } from '../../nodes/common/chat/ownSends';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import {
	activateTrigger,
	callWebhook,
	runWorkflow,
	type WorkflowResult,
} from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	SECRETS,
	useFastRetries,
} from '../helpers/integration.cts';
import { WebhookServer } from '../helpers/webhook-server.cts';

const TOKEN = SECRETS.chatApiToken;
const OTHER_TOKEN = 'OtherTok:ffffffffffffffffffffffffffffffffffffffff';
/** Every Trigger On choice of each trigger, and the Polling Trigger's default. */
const WEBHOOK_CHOICES = ['asyncReply', 'otherMessage'];
const POLL_DEFAULT = ['agentReply', 'asyncReply'];
let fake: FakePlatform;
let credentials: ReturnType<typeof credentialsFor>;

const hook = new WebhookServer(() => credentials);

useFastRetries();
beforeAll(async () => {
	fake = await startFakePlatform({
		chat: {
			tokens: [TOKEN, OTHER_TOKEN],
			webhookRetryDelayMs: 20,
			agentReplyDelayMs: 10,
			longPollMs: 300,
		},
	});
	credentials = credentialsFor(fake);
	await hook.start();
	fake.chat.setWebhook(TOKEN, hook.url);
	fake.chat.setWebhook(OTHER_TOKEN, hook.url);
});
beforeEach(() => hook.reset({ triggerOn: WEBHOOK_CHOICES }));
afterEach(() => forgetOwnSends());
afterEach(async () => {
	await fake.chat.idle();
	fake.reset();
	fake.chat.setWebhook(TOKEN, hook.url);
	fake.chat.setWebhook(OTHER_TOKEN, hook.url);
});
afterAll(async () => {
	hook.server.closeAllConnections();
	hook.server.close();
	await fake.close();
});

async function until(check: () => boolean, timeoutMs = 5000) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

async function sendAsync(clientId: string, query: string) {
	return await axios.post(`${fake.url}/chatapi/${encodeURIComponent(TOKEN)}/async`, {
		clientId,
		query,
	});
}

describe('Tovie Chat Trigger and the documented webhook body, exactly as printed', () => {
	const documented = async (parameters: IDataObject, body = documentedArrayBody()) =>
		await callWebhook(
			{ type: 'tovieChatTrigger', parameters: { triggerOn: WEBHOOK_CHOICES, ...parameters } },
			{
				body: JSON.parse(body),
				rawBody: Buffer.from(body),
				headers: { 'content-type': 'application/json' },
			},
			{ ...credentials, chatApiToken: DOCUMENTED_TOKEN },
		);

	it('a Trigger On value from an expression that is not a kind stops the call with an error naming the field', async () => {
		await expect(documented({ triggerOn: '={{ ["botReplies"] }}' })).rejects.toThrow(
			/^Trigger On has "botReplies", which is not one of /,
		);
	});

	it.each([
		[['otherMessage'], 1],
		[['asyncReply'], 0],
		[WEBHOOK_CHOICES, 1],
		// Values saved by an earlier version of the node.
		[['botReply', 'agentReply', 'campaignMessage', 'timeout'], 1],
	])(
		'Trigger On %j: %i item(s): the printed event answers no Send Without Waiting of this n8n',
		async (triggerOn, count) => {
			const { answer, items } = await documented({ triggerOn });
			expect(answer.statusCode).toBe(200);
			expect(items).toHaveLength(count);
			if (count) {
				expect(items[0]).toEqual({
					eventKind: 'botReply',
					clientId: 'test',
					text: 'Tell the bot something',
					receivedAt: '2022-09-28T08:32:13.262-04:00',
					questionId: '12345',
					data: {
						nlpClass: '/CatchAll',
						confidence: -0.010999999999999979,
						replies: [{ type: 'text', text: 'Tell the bot something', state: '/CatchAll' }],
						answer: 'Tell the bot something',
						newSessionStarted: false,
						debugData: [],
						endSession: false,
					},
					timestamp: '2022-09-28T12:32:13.262',
					blockForm: false,
				});
			}
		},
	);

	it('accepts the printed object on its own too (not wrapped in an array)', async () => {
		const { answer, items } = await documented({}, documentedObjectBody());
		expect([answer.statusCode, items.map((i) => i.questionId)]).toEqual([200, ['12345']]);
	});

	it('Only When, evaluated by n8n per event, is the dependable selector', async () => {
		expect(
			(
				await documented({
					options: {
						onlyWhen: '={{ $json.data.nlpClass === "/CatchAll" && $json.clientId === "test" }}',
					},
				})
			).items,
		).toHaveLength(1);
		expect(
			(await documented({ options: { onlyWhen: '={{ $json.data.nlpClass === "/Start" }}' } }))
				.items,
		).toEqual([]);
		// Other options still read normally next to it.
		expect(
			(
				await documented({
					options: { clientId: 'test', onlyWhen: '={{ $json.text.startsWith("Tell") }}' },
				})
			).items,
		).toHaveLength(1);
	});
});

describe.each([
	{ markers: false, name: 'documented bodies (no kind marks)' },
	{ markers: true, name: 'bodies with kind marks' },
])('Tovie Chat Trigger (webhook), $name', ({ markers }) => {
	beforeEach(() => {
		fake.chat.markers = markers;
	});
	const kind = (marked: string) => (markers ? marked : 'botReply');

	it("Reply to Send Without Waiting: the bot's answer to this n8n's async send, known by its questionId; nothing else", async () => {
		hook.reset({ triggerOn: ['asyncReply'] });
		const sent = await runWorkflow({
			credentials: credentials as never,
			nodes: [
				{
					type: 'tovieChat',
					parameters: { resource: 'message', operation: 'sendAsync', clientId: 'a-1', query: 'hi' },
				},
			],
		});
		const questionId = sent.json()[0].questionId;
		await sendAsync('a-2', 'sent by another app');
		fake.chat.pushAgentReply(TOKEN, 'a-1', 'an agent');
		await fake.chat.idle();
		await until(() => hook.executions.length === 1);
		expect(hook.executions.flat()).toEqual([
			expect.objectContaining({
				eventKind: 'asyncReply',
				clientId: 'a-1',
				questionId,
				text: 'You said: hi',
			}),
		]);
		expect(hook.calls.map((c) => c.status)).toEqual([200, 200, 200]);
	});

	it('Any Other Message: agent replies, campaign messages, timeouts and async answers to other apps; not the replies to this n8n', async () => {
		hook.reset({ triggerOn: ['otherMessage'] });
		await runWorkflow({
			credentials: credentials as never,
			nodes: [
				{
					type: 'tovieChat',
					parameters: { resource: 'message', operation: 'sendAsync', clientId: 'o-1', query: 'hi' },
				},
			],
		});
		await sendAsync('o-2', 'sent by another app');
		fake.chat.pushAgentReply(TOKEN, 'o-3', 'an agent');
		await fake.chat.idle();
		await until(() => hook.executions.length === 2);
		expect(
			hook.executions
				.flat()
				.map((i) => `${i.eventKind}:${i.clientId}:${i.text}`)
				.sort(),
		).toEqual(
			[`botReply:o-2:You said: sent by another app`, `${kind('agentReply')}:o-3:an agent`].sort(),
		);
	});

	it('starts the workflow with the bot reply to an async request, token removed', async () => {
		await sendAsync('t-1', 'hello there');
		await until(() => hook.executions.length === 1);
		const [item] = hook.executions[0];
		expect(item).toMatchObject({
			eventKind: 'botReply',
			clientId: 't-1',
			text: 'You said: hello there',
			handled: 'yes',
		});
		expect(item.token).toBeUndefined();
		expect(hook.calls[0].status).toBe(200);
	});

	it('emits agent replies, campaign messages and timeouts: by their marks, else as bot replies', async () => {
		fake.chat.pushAgentReply(TOKEN, 't-2', 'Agent here');
		fake.chat.runTextCampaign(TOKEN, ['t-3', 't-4'], 'Sale today');
		fake.chat.fireTimeout(TOKEN, 't-5');
		await until(() => hook.executions.length === 4);
		const kinds = hook.executions
			.flat()
			.map((item) => `${item.eventKind}:${item.clientId}:${item.text}`);
		expect(kinds.sort()).toEqual(
			[
				`${kind('agentReply')}:t-2:Agent here`,
				`${kind('campaignMessage')}:t-3:Sale today`,
				`${kind('campaignMessage')}:t-4:Sale today`,
				`${kind('timeout')}:t-5:Are you still there?`,
			].sort(),
		);
	});

	it('accepts a bare object as well as an array', async () => {
		fake.chat.webhookAsArray = false;
		fake.chat.pushAgentReply(TOKEN, 't-6', 'bare');
		await until(() => hook.executions.length === 1);
		expect(hook.executions[0][0]).toMatchObject({ eventKind: kind('agentReply'), text: 'bare' });
	});

	it('filters by client and Only When: filtered calls are answered 200 and start nothing', async () => {
		// With marks the item's kind tells agents apart; without, only the event's own fields can.
		hook.reset({
			triggerOn: WEBHOOK_CHOICES,
			options: {
				clientId: 'vip',
				onlyWhen: markers
					? '={{ $json.eventKind === "agentReply" }}'
					: '={{ $json.text.startsWith("for") }}',
			},
		});
		fake.chat.pushAgentReply(TOKEN, 'someone', 'not for us');
		fake.chat.runTextCampaign(TOKEN, ['vip'], 'not an agent');
		fake.chat.pushAgentReply(TOKEN, 'vip', 'for us');
		await fake.chat.idle();
		await until(() => hook.executions.length === 1);
		expect(hook.executions[0].map((i) => i.text)).toEqual(['for us']);
		expect(hook.calls.map((c) => c.status)).toEqual([200, 200, 200]);
	});

	it('refuses events of another channel (401) and starts nothing; the platform retries 3 times', async () => {
		fake.chat.pushAgentReply(OTHER_TOKEN, 'intruder', 'spoofed');
		await fake.chat.idle();
		expect(hook.calls.map((c) => c.status)).toEqual([401, 401, 401, 401]);
		expect(hook.executions).toEqual([]);
		expect(fake.chat.deliveries.map((d) => d.attempt)).toEqual([1, 2, 3, 4]);
	});

	it('checks the token per event: a forged event next to a real one is dropped, [] is fine', async () => {
		const post = async (data: string) =>
			await axios.post(hook.url, data, {
				headers: { 'content-type': 'application/json' },
				validateStatus: () => true,
			});
		expect((await post('{"token": ')).status).toBe(400);
		expect((await post(JSON.stringify({ token: 'guess', clientId: 'x' }))).status).toBe(401);
		expect((await post(JSON.stringify({ clientId: 'x' }))).status).toBe(401);
		expect((await post('[]')).status).toBe(200);
		expect(hook.executions).toEqual([]);
		const real = {
			token: TOKEN,
			clientId: 'mixed',
			questionId: 'q-real',
			data: { answer: 'real', replies: [] },
			timestamp: '2026-05-01T10:00:00.000',
		};
		const mixed = await post(
			JSON.stringify([
				{ ...real, token: 'forged', questionId: 'q-forged' },
				real,
				{ ...real, token: undefined, questionId: 'q-none' },
			]),
		);
		expect([mixed.status, mixed.data]).toEqual([200, { received: 1, dropped: 2 }]);
		await until(() => hook.executions.length === 1);
		expect(hook.executions[0].map((i) => i.questionId)).toEqual(['q-real']);
	});

	it('answers at once, while the workflow is still running', async () => {
		let release = () => {};
		hook.holdWorkflows = new Promise((resolve) => (release = resolve));
		await sendAsync('t-7', 'slow workflow');
		await until(() => hook.calls.length === 1 && fake.chat.deliveries.length === 1);
		// The platform has its 200 while the workflow has not run yet.
		expect(hook.executions).toHaveLength(0);
		expect(fake.chat.deliveries[0].status).toBe(200);
		release();
		await until(() => hook.executions.length === 1, 5000);
	});

	it('is retried by the platform when n8n fails, and the retry starts the workflow', async () => {
		let failNext = true;
		const original = hook.server.listeners('request')[0] as (...args: unknown[]) => void;
		hook.server.removeAllListeners('request');
		hook.server.on('request', (req, res) => {
			if (failNext) {
				failNext = false;
				res.writeHead(503).end();
				return;
			}
			original(req, res);
		});
		try {
			fake.chat.pushAgentReply(TOKEN, 't-8', 'second time lucky');
			// The platform records an attempt when it has the answer, which may be after the workflow ran.
			await until(() => hook.executions.length === 1 && fake.chat.deliveries.length === 2);
			expect(fake.chat.deliveries.map((d) => d.status)).toEqual([503, 200]);
		} finally {
			hook.server.removeAllListeners('request');
			hook.server.on('request', original);
		}
	});
});

describe('Tovie Chat Trigger (webhook), one published trigger', () => {
	it('two identical deliveries at the same moment start one execution, and a later retry none', async () => {
		hook.workflowId = 'published-workflow';
		const body = JSON.stringify([
			{
				token: TOKEN,
				clientId: 'twice',
				questionId: 'q-twice',
				data: { answer: 'once', replies: [{ type: 'text', text: 'once' }] },
				timestamp: '2026-05-01T10:00:00.000',
			},
		]);
		const post = async () =>
			await axios.post<IDataObject>(hook.url, body, {
				headers: { 'content-type': 'application/json' },
			});
		// Each call gets its own copy of static data (none here): only the process's claim tells them apart.
		const both = await Promise.all([post(), post()]);
		expect(both.map((answer) => answer.status)).toEqual([200, 200]);
		expect(both.map((answer) => answer.data.received).sort()).toEqual([0, 1]);
		await until(() => hook.executions.length === 1);
		expect((await post()).data).toEqual({ received: 0 });
		expect(hook.executions.flat().map((item) => item.text)).toEqual(['once']);
	});
});

/**
 * The readings of what the pages leave open about `/events`: whether `ts` is inclusive, the
 * types of client requests and agent replies, and whether events carry the client and the text
 * sent. The first is the documented shape: only `{type: "botResponse", event: {questionId,
 * timestamp, data}}` and no client, agent replies typed like bot replies.
 */
const POLL_VARIANTS = [
	{ name: 'documented shape, inclusive ts', eventsTsInclusive: true },
	{
		name: 'exclusive ts, requests typed "message", agent replies "agentResponse"',
		eventsTsInclusive: false,
		requestEventType: 'message',
		agentEventType: 'agentResponse',
	},
	{
		name: 'inclusive ts, events with client and text, requests typed "userRequest"',
		eventsTsInclusive: true,
		requestEventType: 'userRequest',
		eventClientId: true,
		requestEventText: true,
	},
	{
		name: 'exclusive ts, events with client, agent replies "operatorMessage"',
		eventsTsInclusive: false,
		agentEventType: 'operatorMessage',
		eventClientId: true,
	},
	// The platform writes its zone-less times east or west of UTC; the credential says UTC.
	{ name: 'documented shape, platform at UTC+9 read as UTC', timeZone: 'Asia/Tokyo' },
	{
		name: 'exclusive ts, platform at UTC-5 read as UTC',
		eventsTsInclusive: false,
		timeZone: 'America/Bogota',
	},
];

describe.each(POLL_VARIANTS)('Tovie Chat Polling Trigger, $name', (variant) => {
	const { name: _name, ...reading } = variant;
	const setReading = () => Object.assign(fake.chat, reading);
	beforeEach(setReading);
	/** The client an item names: the event's own, or the one the trigger polls for. */
	const named = (clientId: string) => (variant.eventClientId ? clientId : undefined);
	const polls = () => fake.requestsTo('GET', /\/events$/);
	const poller = (parameters: IDataObject, start: Parameters<typeof activateTrigger>[2] = {}) =>
		activateTrigger(
			{
				type: 'tovieChatPollingTrigger',
				parameters: {
					triggerOn: POLL_DEFAULT,
					...parameters,
					options: { waitSeconds: 1, ...(parameters.options as IDataObject) },
				},
			},
			credentials as never,
			start,
		);
	async function stop(trigger: ReturnType<typeof poller>, closeFunction?: () => Promise<void>) {
		await closeFunction!();
		// The loops end with the long polls they are in (or about to send), and ask no more.
		const settle = async () => {
			await until(() => fake.inFlight === 0);
			await new Promise((resolve) => setTimeout(resolve, fake.chat.longPollMs + 100));
		};
		await settle();
		const after = polls().length;
		await settle();
		expect(polls().length).toBe(after);
		expect(trigger.errors).toEqual([]);
	}
	const send = async (
		clientId: string,
		query: string,
		operation = 'send',
		options: IDataObject = {},
	) =>
		await runWorkflow({
			credentials: credentials as never,
			nodes: [
				{
					type: 'tovieChat',
					parameters: { resource: 'message', operation, clientId, query, options },
				},
			],
		});
	const fromElsewhere = async (clientId: string, query: string) =>
		await axios.post(`${fake.url}/chatapi/${encodeURIComponent(TOKEN)}`, { clientId, query });
	const summary = (trigger: { emitted: IDataObject[][] }) =>
		trigger.emitted.flat().map((i) => `${i.eventKind}:${i.clientId ?? '-'}:${i.text}`);

	it('in a manual run, waits for events and emits them as the webhook trigger would', async () => {
		setTimeout(() => fake.chat.pushAgentReply(TOKEN, 'p-1', 'polled reply'), 200);
		const result = await runWorkflow({
			credentials: credentials as never,
			trigger: {
				type: 'tovieChatPollingTrigger',
				parameters: { triggerOn: ['agentReply'], options: { waitSeconds: 1 } },
			},
			nodes: [{ type: 'test.echo', parameters: { field: 'handled', value: 'yes' } }],
		});
		expect(result.status).toBe('success');
		expect(result.json()).toHaveLength(1);
		expect(result.json()[0]).toMatchObject({
			eventKind: 'agentReply',
			text: 'polled reply',
			handled: 'yes',
		});
		expect(result.json()[0].clientId).toBe(named('p-1'));
		expectNoSecrets([result.serialized]);
	});

	it('each Trigger On choice fires on its own signal: agent replies from the agent-only events, replies to Send Without Waiting by questionId, other bot messages', async () => {
		for (const [triggerOn, expected] of [
			[['agentReply'], ['agentReply:k-1:an agent']],
			[['asyncReply'], ['asyncReply:k-1:You said: async from n8n']],
			[
				['otherMessage'],
				[
					// A text campaign reaches the webhook only: the events list does not name it.
					'botReply:k-1:You said: from the website',
					'botReply:k-1:Are you still there?',
				],
			],
		] as const) {
			fake.reset();
			setReading();
			fake.chat.longPollMs = 50;
			const trigger = poller({ triggerOn, options: { clientId: 'k-1' } });
			const { closeFunction } = await trigger.start();
			try {
				await until(() => polls().length >= 1);
				fake.chat.pushAgentReply(TOKEN, 'k-1', 'an agent');
				await send('k-1', 'async from n8n', 'sendAsync');
				await send('k-1', 'sync from n8n');
				await fromElsewhere('k-1', 'from the website');
				fake.chat.runTextCampaign(TOKEN, ['k-1'], 'Sale today');
				fake.chat.fireTimeout(TOKEN, 'k-1');
				await until(() => trigger.emitted.flat().length >= expected.length, 10_000);
				const seen = polls().length;
				await until(() => polls().length >= seen + 4);
				expect(summary(trigger)).toEqual(expected);
			} finally {
				await stop(trigger, closeFunction);
			}
		}
	}, 60_000);

	it('a wait time from an expression outside 1–300 stops the trigger with an error naming the field, before any request', async () => {
		const trigger = poller({ options: { waitSeconds: '={{ 0 }}' } });
		await expect(trigger.start()).rejects.toThrow(
			'Max Wait per Request (Seconds) must be a whole number from 1 to 300, not 0',
		);
		expect(polls()).toHaveLength(0);
	});

	it('a restart of n8n goes on from the saved cursor: what arrived while it was down comes out, nothing seen before', async () => {
		const staticData: IDataObject = {};
		const first = poller({}, { staticData });
		const running = await first.start();
		fake.chat.pushAgentReply(TOKEN, 'r-1', 'before the restart');
		await until(() => first.emitted.flat().length === 1);
		await stop(first, running.closeFunction);
		await new Promise((resolve) => setTimeout(resolve, 20));
		fake.chat.pushAgentReply(TOKEN, 'r-1', 'while n8n was down');
		const restarted = poller({}, { staticData, activation: 'init' });
		const again = await restarted.start();
		try {
			await until(() => restarted.emitted.flat().length >= 1);
			fake.chat.pushAgentReply(TOKEN, 'r-1', 'after the restart');
			await until(() => restarted.emitted.flat().length >= 2);
			const seen = polls().length;
			await until(() => polls().length >= seen + 2);
			expect(restarted.emitted.flat().map((item) => item.text)).toEqual([
				'while n8n was down',
				'after the restart',
			]);
		} finally {
			await stop(restarted, again.closeFunction);
		}
	});

	it('after a restart it does not start on the answer to a send the workflow made before it', async () => {
		const staticData: IDataObject = {};
		const trigger = { triggerOn: ['agentReply', 'otherMessage'] };
		const first = poller(trigger, { staticData });
		const running = await first.start();
		fake.chat.pushAgentReply(TOKEN, 'o-1', 'Can I help?');
		await until(() => first.emitted.flat().length === 1);
		await stop(first, running.closeFunction);
		// The workflow's Tovie Chat Send (its execution saves the same workflow's static data).
		const sent = await runWorkflow({
			credentials: credentials as never,
			staticData,
			nodes: [
				{
					type: 'tovieChat',
					parameters: { resource: 'message', operation: 'send', clientId: 'o-1', query: 'yes' },
				},
			],
		});
		expect(sent.status).toBe('success');
		forgetOwnSends(); // n8n restarts: this process's memory is gone
		const restarted = poller(trigger, { staticData, activation: 'init' });
		const again = await restarted.start();
		try {
			const seen = polls().length;
			await until(() => polls().length >= seen + 3);
			fake.chat.pushAgentReply(TOKEN, 'o-1', 'after the restart');
			await until(() => restarted.emitted.flat().length >= 1);
			await until(() => polls().length >= seen + 6);
			expect(restarted.emitted.flat().map((item) => item.text)).toEqual(['after the restart']);
		} finally {
			await stop(restarted, again.closeFunction);
		}
	});

	it("an earlier version's saved cursor and Trigger On values are read as they meant", async () => {
		const savedTs = Date.now() - 1;
		const saved = { ts: savedTs, seen: [], repeats: 0 };
		const staticData: IDataObject = { 'node:Trigger': saved };
		const old = poller(
			{ triggerOn: ['botReply', 'agentReply', 'campaignMessage', 'timeout'] },
			{ staticData, activation: 'init' },
		);
		const { closeFunction } = await old.start();
		try {
			fake.chat.pushAgentReply(TOKEN, 'v-1', 'agent');
			fake.chat.fireTimeout(TOKEN, 'v-1');
			await until(() => old.emitted.flat().length >= 2);
			expect(summary(old).sort()).toEqual(
				[
					`agentReply:${named('v-1') ?? '-'}:agent`,
					`botReply:${named('v-1') ?? '-'}:Are you still there?`,
				].sort(),
			);
			const cursors = old.workflow.getStaticData('node', old.workflow.getNode('Trigger')!);
			expect(cursors.ts).toBeUndefined();
			expect((cursors.all as IDataObject).ts).toBeGreaterThanOrEqual(savedTs);
		} finally {
			await stop(old, closeFunction);
		}
	});

	it('publishing again starts from now: nothing from before, or from while it was unpublished', async () => {
		const staticData: IDataObject = {};
		const first = poller({}, { staticData });
		const running = await first.start();
		fake.chat.pushAgentReply(TOKEN, 'u-1', 'while published');
		await until(() => first.emitted.flat().length === 1);
		await stop(first, running.closeFunction);
		await new Promise((resolve) => setTimeout(resolve, 20));
		fake.chat.pushAgentReply(TOKEN, 'u-1', 'while unpublished');
		await new Promise((resolve) => setTimeout(resolve, 20));
		const republished = poller({}, { staticData, activation: 'activate' });
		const again = await republished.start();
		try {
			fake.chat.pushAgentReply(TOKEN, 'u-1', 'after publishing again');
			await until(() => republished.emitted.flat().length >= 1);
			const seen = polls().length;
			await until(() => polls().length >= seen + 2);
			expect(republished.emitted.flat().map((item) => item.text)).toEqual([
				'after publishing again',
			]);
		} finally {
			await stop(republished, again.closeFunction);
		}
	});

	it('when active, follows the ts cursors kept in static data: each event once, none missed', async () => {
		const trigger = poller({});
		const { closeFunction } = await trigger.start();
		try {
			fake.chat.pushAgentReply(TOKEN, 'p-2', 'one');
			await until(() => trigger.emitted.flat().length === 1);
			fake.chat.pushAgentReply(TOKEN, 'p-2', 'two');
			fake.chat.pushAgentReply(TOKEN, 'p-3', 'three');
			await until(() => trigger.emitted.flat().length === 3);
			// A few more rounds: an inclusive platform answers the boundary event again each time.
			const seen = polls().length;
			await until(() => polls().length >= seen + 4);
			expect(trigger.emitted.flat().map((i) => i.text)).toEqual(['one', 'two', 'three']);
			const cursors = trigger.workflow.getStaticData(
				'node',
				trigger.workflow.getNode('Trigger')!,
			) as IDataObject;
			expect(Number((cursors.agents as IDataObject).ts)).toBeGreaterThan(0);
			expect(Number((cursors.all as IDataObject).ts)).toBeGreaterThan(0);
			// Never without ts (that would move the platform's own cursor); agent replies from the
			// default events (agent replies only), the rest from all=true.
			expect(polls().every((r) => Number(r.query.ts) > 0)).toBe(true);
			expect(new Set(polls().map((r) => r.query.all ?? 'agents only'))).toEqual(
				new Set(['true', 'agents only']),
			);
		} finally {
			await stop(trigger, closeFunction);
		}
	});

	it('gives each of several events stamped in the same millisecond once', async () => {
		fake.chat.strictClock = false;
		const frozen = Date.now() + 1000;
		fake.chat.now = () => frozen;
		for (const text of ['first', 'second', 'third']) fake.chat.pushAgentReply(TOKEN, 'tie', text);
		const trigger = poller({});
		const { closeFunction } = await trigger.start();
		try {
			await until(() => trigger.emitted.flat().length === 3);
			// More rounds at the same cursor: an inclusive platform answers all three again.
			const seen = polls().length;
			await until(() => polls().length >= seen + 3);
			expect(trigger.emitted.flat().map((i) => i.text)).toEqual(['first', 'second', 'third']);
		} finally {
			await stop(trigger, closeFunction);
		}
	});

	it.each([false, true])(
		'a "Polling Trigger → Tovie Chat Send" workflow (Include Client Requests %s) starts once per outside message over 100 polls, never on its own',
		async (includeClientRequests) => {
			fake.chat.longPollMs = 20;
			const runs: Array<Promise<WorkflowResult>> = [];
			// Everything on: the hardest case for telling its own messages apart.
			const trigger = poller({
				triggerOn: ['agentReply', 'asyncReply', 'otherMessage'],
				options: { clientId: 'loop', includeClientRequests },
			});
			// Each emit runs the workflow's next node, as n8n would: Tovie Chat Send to the same client.
			Object.assign(trigger.context, {
				emit: (data: INodeExecutionData[][]) => {
					trigger.emitted.push(data[0].map((item) => item.json));
					runs.push(
						runWorkflow({
							credentials: credentials as never,
							items: data[0].map((item) => item.json),
							nodes: [
								{
									type: 'tovieChat',
									parameters: {
										resource: 'message',
										operation: 'send',
										clientId: '={{ $json.clientId }}',
										query: '={{ "Re: " + $json.text }}',
									},
								},
							],
						}),
					);
				},
			});
			const { closeFunction } = await trigger.start();
			const start = polls().length;
			try {
				fake.chat.pushAgentReply(TOKEN, 'loop', 'Can I help?');
				await until(() => polls().length >= start + 30, 20_000);
				await fromElsewhere('loop', 'from the website');
				await until(() => summary(trigger).some((line) => line.includes('website')), 10_000);
				await until(() => polls().length >= start + 60, 20_000);
				// The simplified GET answers no questionId: its messages are the one new message it claims.
				await send('loop', 'hello', 'send', { useGet: true });
				await until(() => polls().length >= start + 100, 20_000);
			} finally {
				await stop(trigger, closeFunction);
			}
			const outside = [
				'agentReply:loop:Can I help?',
				...(includeClientRequests ? ['clientRequest:loop:'] : []),
				'botReply:loop:You said: from the website',
			];
			// A request event's text is not documented: the item has it only where the platform sends it.
			expect(
				summary(trigger).map((line) =>
					line.startsWith('clientRequest') ? 'clientRequest:loop:' : line,
				),
			).toEqual(outside);
			const results = await Promise.all(runs);
			expect(results.every((r) => r.status === 'success')).toBe(true);
			expect(results.flatMap((r) => r.json())).toHaveLength(outside.length);
			expect(results.map((r) => r.json()[0].answer)).toContain('You said: Re: Can I help?');
		},
		60_000,
	);

	it('holds its events while a send waits for its answer: the answer and the events cannot race', async () => {
		const trigger = poller({
			triggerOn: ['agentReply', 'asyncReply', 'otherMessage'],
			options: { clientId: 'race', includeClientRequests: true },
		});
		const { closeFunction } = await trigger.start();
		try {
			await until(() => polls().length >= 1);
			// The platform lists the request and the reply at once, and the answer comes 800 ms later.
			fake.inject({ method: 'POST', path: /\/chatapi\/[^/]+$/, commit: true, delayMs: 800 });
			const sent = await send('race', 'slow answer');
			expect(sent.status).toBe('success');
			fake.chat.pushAgentReply(TOKEN, 'race', 'outside');
			await until(() => trigger.emitted.flat().length >= 1);
			const seen = polls().length;
			await until(() => polls().length >= seen + 4);
			expect(summary(trigger)).toEqual([`agentReply:race:outside`]);
		} finally {
			await stop(trigger, closeFunction);
		}
	});

	it('Only When selects polled events by their fields', async () => {
		const trigger = poller({ options: { onlyWhen: '={{ $json.text.startsWith("for") }}' } });
		const { closeFunction } = await trigger.start();
		try {
			fake.chat.pushAgentReply(TOKEN, 'someone', 'not for us');
			fake.chat.pushAgentReply(TOKEN, 'vip-1', 'for us');
			await until(() => trigger.emitted.flat().length === 1);
			const seen = polls().length;
			await until(() => polls().length >= seen + 2);
			expect(trigger.emitted.flat().map((i) => i.text)).toEqual(['for us']);
		} finally {
			await stop(trigger, closeFunction);
		}
	});

	it('survives platform failures with backoff and goes on', async () => {
		fake.inject({ method: 'GET', path: /\/events$/, status: 500, times: 5 });
		const trigger = poller({ triggerOn: ['agentReply'] });
		const { closeFunction } = await trigger.start();
		try {
			fake.chat.pushAgentReply(TOKEN, 'p-4', 'after the storm');
			await until(() => trigger.emitted.flat().length === 1, 10_000);
			expect(trigger.emitted.flat()[0].text).toBe('after the storm');
		} finally {
			await closeFunction!();
			// The loop notices the close within a second, also while backing off.
			await new Promise((resolve) => setTimeout(resolve, 1100));
		}
	});
});
