/**
 * Tovie Chat Trigger receiving real HTTP posts from the fake platform (async replies, agent
 * replies, text campaigns, timeouts), and Tovie Chat Polling Trigger following the events.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { activateTrigger, runWorkflow } from '../helpers/harness.cts';
import { credentialsFor, expectNoSecrets, SECRETS, useFastRetries } from '../helpers/integration.cts';
import { WebhookServer } from '../helpers/webhook-server.cts';

const TOKEN = SECRETS.chatApiToken;
const OTHER_TOKEN = 'OtherTok:ffffffffffffffffffffffffffffffffffffffff';
let fake: FakePlatform;
let credentials: ReturnType<typeof credentialsFor>;

const hook = new WebhookServer(() => credentials);

useFastRetries();
beforeAll(async () => {
	fake = await startFakePlatform({ chat: { tokens: [TOKEN, OTHER_TOKEN], webhookRetryDelayMs: 20, agentReplyDelayMs: 10, longPollMs: 300 } });
	credentials = credentialsFor(fake);
	await hook.start();
	fake.chat.setWebhook(TOKEN, hook.url);
	fake.chat.setWebhook(OTHER_TOKEN, hook.url);
});
beforeEach(() => hook.reset({ triggerOn: ['botReply', 'agentReply', 'campaignMessage', 'timeout'] }));
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
	return await axios.post(`${fake.url}/chatapi/${encodeURIComponent(TOKEN)}/async`, { clientId, query });
}

describe('Tovie Chat Trigger (webhook)', () => {
	it('starts the workflow with the bot reply to an async request, token removed', async () => {
		await sendAsync('t-1', 'hello there');
		await until(() => hook.executions.length === 1);
		const [item] = hook.executions[0];
		expect(item).toMatchObject({ eventKind: 'botReply', clientId: 't-1', text: 'You said: hello there', handled: 'yes' });
		expect(item.token).toBeUndefined();
		expect(hook.calls[0].status).toBe(200);
	});

	it('emits agent replies, campaign messages and timeouts with their kind', async () => {
		fake.chat.pushAgentReply(TOKEN, 't-2', 'Agent here');
		fake.chat.runTextCampaign(TOKEN, ['t-3', 't-4'], 'Sale today');
		fake.chat.fireTimeout(TOKEN, 't-5');
		await until(() => hook.executions.length === 4);
		const kinds = hook.executions.flat().map((item) => `${item.eventKind}:${item.clientId}:${item.text}`);
		expect(kinds.sort()).toEqual([
			'agentReply:t-2:Agent here',
			'campaignMessage:t-3:Sale today',
			'campaignMessage:t-4:Sale today',
			'timeout:t-5:Are you still there?',
		]);
	});

	it('accepts a bare object as well as an array', async () => {
		fake.chat.webhookAsArray = false;
		fake.chat.pushAgentReply(TOKEN, 't-6', 'bare');
		await until(() => hook.executions.length === 1);
		expect(hook.executions[0][0]).toMatchObject({ eventKind: 'agentReply', text: 'bare' });
	});

	it('filters by kind and by client: filtered calls are answered 200 and start nothing', async () => {
		hook.reset({ triggerOn: ['agentReply'], options: { clientId: 'vip' } });
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

	it('refuses malformed JSON with 400 and a forged token with 401', async () => {
		const post = async (data: string) => await axios.post(hook.url, data, { headers: { 'content-type': 'application/json' }, validateStatus: () => true });
		expect((await post('{"token": ')).status).toBe(400);
		expect((await post(JSON.stringify({ token: 'guess', clientId: 'x' }))).status).toBe(401);
		expect((await post(JSON.stringify({ clientId: 'x' }))).status).toBe(401);
		expect(hook.executions).toEqual([]);
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
			await until(() => hook.executions.length === 1);
			expect(fake.chat.deliveries.map((d) => d.status)).toEqual([503, 200]);
		} finally {
			hook.server.removeAllListeners('request');
			hook.server.on('request', original);
		}
	});
});

describe('Tovie Chat Polling Trigger', () => {
	it('in a manual run, waits for events and emits them as the webhook trigger would', async () => {
		setTimeout(() => fake.chat.pushAgentReply(TOKEN, 'p-1', 'polled reply'), 200);
		const result = await runWorkflow({
			credentials: credentials as never,
			trigger: { type: 'tovieChatPollingTrigger', parameters: { triggerOn: ['agentReply'], options: { waitSeconds: 1 } } },
			nodes: [{ type: 'test.echo', parameters: { field: 'handled', value: 'yes' } }],
		});
		expect(result.status).toBe('success');
		expect(result.json()).toHaveLength(1);
		expect(result.json()[0]).toMatchObject({ eventKind: 'agentReply', clientId: 'p-1', text: 'polled reply', handled: 'yes' });
		expectNoSecrets([result.serialized]);
	});

	it('when active, keeps polling with the ts cursor in static data: no repeats, no gaps', async () => {
		const trigger = activateTrigger({ type: 'tovieChatPollingTrigger', parameters: { triggerOn: ['agentReply', 'botReply'], options: { waitSeconds: 1 } } }, credentials as never);
		const { closeFunction } = await trigger.start();
		try {
			fake.chat.pushAgentReply(TOKEN, 'p-2', 'one');
			await until(() => trigger.emitted.flat().length === 1);
			fake.chat.pushAgentReply(TOKEN, 'p-2', 'two');
			fake.chat.pushAgentReply(TOKEN, 'p-3', 'three');
			await until(() => trigger.emitted.flat().length === 3);
			expect(trigger.emitted.flat().map((i) => i.text)).toEqual(['one', 'two', 'three']);
			const cursor = (trigger.workflow.staticData.node as IDataObject | undefined) ?? trigger.workflow.getStaticData('node', trigger.workflow.getNode('Trigger')!);
			expect(Number((cursor as IDataObject).ts)).toBeGreaterThan(0);
			const polls = fake.requestsTo('GET', /\/events$/);
			expect(polls.every((r) => r.query.all === 'true')).toBe(true);
			expect(polls.slice(1).every((r) => Number(r.query.ts) > 0)).toBe(true);
		} finally {
			await closeFunction!();
		}
		await new Promise((resolve) => setTimeout(resolve, 1200));
		const after = fake.requests.length;
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect(fake.requests.length).toBe(after);
		expect(trigger.errors).toEqual([]);
	});

	it('survives platform failures with backoff and goes on', async () => {
		fake.inject({ method: 'GET', path: /\/events$/, status: 500, times: 5 });
		const trigger = activateTrigger({ type: 'tovieChatPollingTrigger', parameters: { triggerOn: ['agentReply'], options: { waitSeconds: 1 } } }, credentials as never);
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
