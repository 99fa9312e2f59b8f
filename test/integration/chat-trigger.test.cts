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
const ALL_KINDS = ['botReply', 'agentReply', 'campaignMessage', 'timeout'];
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
beforeEach(() => hook.reset({ triggerOn: ALL_KINDS }));
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
			{ type: 'tovieChatTrigger', parameters: { triggerOn: ALL_KINDS, ...parameters } },
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
		[['botReply'], 1],
		[['agentReply'], 0],
		[['campaignMessage'], 0],
		[['timeout'], 0],
		[['agentReply', 'campaignMessage', 'timeout'], 0],
		[ALL_KINDS, 1],
	])(
		'Trigger On %j: %i item(s), since an event without a mark counts as a Bot Reply',
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

	it('filters by kind, client and Only When: filtered calls are answered 200 and start nothing', async () => {
		// With marks the kind tells agents apart; without, only the event's own fields can.
		hook.reset(
			markers
				? { triggerOn: ['agentReply'], options: { clientId: 'vip' } }
				: {
						triggerOn: ALL_KINDS,
						options: { clientId: 'vip', onlyWhen: '={{ $json.data.nlpClass === "/LiveAgent" }}' },
					},
		);
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

const POLL_VARIANTS = [
	{ eventsTsInclusive: true, requestEventType: 'clientRequest', name: 'inclusive ts' },
	{ eventsTsInclusive: false, requestEventType: 'clientRequest', name: 'exclusive ts' },
	{
		eventsTsInclusive: true,
		requestEventType: 'message',
		name: 'inclusive ts, client requests typed "message"',
	},
	{
		eventsTsInclusive: false,
		requestEventType: 'userRequest',
		name: 'exclusive ts, client requests typed "userRequest"',
	},
];

describe.each(POLL_VARIANTS)(
	'Tovie Chat Polling Trigger, $name',
	({ eventsTsInclusive, requestEventType }) => {
		beforeEach(() => {
			Object.assign(fake.chat, { eventsTsInclusive, requestEventType });
		});
		const polls = () => fake.requestsTo('GET', /\/events$/);
		const poller = (parameters: IDataObject, start: Parameters<typeof activateTrigger>[2] = {}) =>
			activateTrigger(
				{
					type: 'tovieChatPollingTrigger',
					parameters: {
						triggerOn: ALL_KINDS,
						...parameters,
						options: { waitSeconds: 1, ...(parameters.options as IDataObject) },
					},
				},
				credentials as never,
				start,
			);
		async function stop(trigger: ReturnType<typeof poller>, closeFunction?: () => Promise<void>) {
			await closeFunction!();
			// The loop ends with the long poll it is in (or about to send), and asks no more.
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
				clientId: 'p-1',
				text: 'polled reply',
				handled: 'yes',
			});
			expectNoSecrets([result.serialized]);
		});

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
			const first = poller({}, { staticData });
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
			const restarted = poller({}, { staticData, activation: 'init' });
			const again = await restarted.start();
			try {
				const seen = polls().length;
				await until(() => polls().length >= seen + 3);
				fake.chat.pushAgentReply(TOKEN, 'o-1', 'after the restart');
				await until(() => restarted.emitted.flat().length >= 1);
				expect(restarted.emitted.flat().map((item) => item.text)).toEqual(['after the restart']);
			} finally {
				await stop(restarted, again.closeFunction);
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

		it('when active, follows the ts cursor kept in static data: each event once, none missed', async () => {
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
				const cursor = trigger.workflow.getStaticData(
					'node',
					trigger.workflow.getNode('Trigger')!,
				) as IDataObject;
				expect(Number(cursor.ts)).toBeGreaterThan(0);
				// Never without ts (that would move the platform's own cursor), always all=true.
				expect(polls().every((r) => r.query.all === 'true' && Number(r.query.ts) > 0)).toBe(true);
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

		it('a "Polling Trigger → Tovie Chat Send" workflow runs 100 polls without starting on its own messages', async () => {
			fake.chat.longPollMs = 20;
			const runs: Array<Promise<WorkflowResult>> = [];
			const trigger = poller({});
			// Each emit runs the workflow's next node, as n8n would: Tovie Chat Send as the same client.
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
				fake.chat.pushAgentReply(TOKEN, 'loop-1', 'Can I help?');
				await until(() => polls().length >= start + 50, 20_000);
				// The simplified GET answers without a questionId: its messages are recognised by text.
				await runWorkflow({
					credentials: credentials as never,
					nodes: [
						{
							type: 'tovieChat',
							parameters: {
								resource: 'message',
								operation: 'send',
								clientId: 'loop-2',
								query: 'hello',
								options: { useGet: true },
							},
						},
					],
				});
				fake.chat.pushAgentReply(TOKEN, 'loop-2', 'Anything else?');
				await until(() => polls().length >= start + 100, 20_000);
			} finally {
				await stop(trigger, closeFunction);
			}
			const results = await Promise.all(runs);
			expect(results.map((r) => r.status)).toEqual(['success', 'success']);
			expect(trigger.emitted.flat().map((i) => `${i.eventKind}:${i.clientId}:${i.text}`)).toEqual([
				'agentReply:loop-1:Can I help?',
				'agentReply:loop-2:Anything else?',
			]);
			// The sends went out (and were answered), and the platform listed them: still no new start.
			expect(results.map((r) => r.json()[0].answer)).toEqual([
				'You said: Re: Can I help?',
				'You said: Re: Anything else?',
			]);
			expect(fake.chat.events(TOKEN).filter((e) => e.type === 'clientRequest')).toHaveLength(3);
		}, 60_000);

		it('client requests from elsewhere start it only with Include Client Requests; its own never', async () => {
			const other = async (clientId: string, query: string) =>
				await axios.post(`${fake.url}/chatapi/${encodeURIComponent(TOKEN)}`, { clientId, query });
			for (const include of [false, true]) {
				fake.reset();
				Object.assign(fake.chat, { eventsTsInclusive, requestEventType, longPollMs: 50 });
				const trigger = poller({ options: { includeClientRequests: include } });
				const { closeFunction } = await trigger.start();
				try {
					await until(() => polls().length >= 1);
					await runWorkflow({
						credentials: credentials as never,
						nodes: [
							{
								type: 'tovieChat',
								parameters: {
									resource: 'message',
									operation: 'send',
									clientId: 'own',
									query: 'from n8n',
								},
							},
						],
					});
					await other('web-user', 'from the website');
					fake.chat.pushAgentReply(TOKEN, 'web-user', 'agent answer');
					await until(() => trigger.emitted.flat().some((i) => i.text === 'agent answer'));
					const seen = polls().length;
					await until(() => polls().length >= seen + 3);
					const items = trigger.emitted.flat().map((i) => `${i.eventKind}:${i.clientId}:${i.text}`);
					expect(items).toEqual(
						include
							? [
									'clientRequest:web-user:from the website',
									'botReply:web-user:You said: from the website',
									'agentReply:web-user:agent answer',
								]
							: [
									'botReply:web-user:You said: from the website',
									'agentReply:web-user:agent answer',
								],
					);
				} finally {
					await stop(trigger, closeFunction);
				}
			}
		}, 30_000);

		it('Only When selects polled events by their fields', async () => {
			const trigger = poller({ options: { onlyWhen: '={{ $json.clientId.startsWith("vip-") }}' } });
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
	},
);
