/**
 * Tovie Pushgate against the fake platform: firing by id and by link, with and without data,
 * unknown ids, many items at bounded concurrency, and the round trip "bot creates a pushback → n8n fires it →
 * Tovie Chat Trigger receives the bot's reaction".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { PushgateModule } from '../helpers/fake-platform/pushgate.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { runNode, type WorkflowResult } from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	generatedData,
	SECRETS,
	useFastRetries,
} from '../helpers/integration.cts';
import { WebhookServer } from '../helpers/webhook-server.cts';

const TOKEN = SECRETS.chatApiToken;
let fake: FakePlatform;
let pushgate: PushgateModule;
let credentials: ReturnType<typeof credentialsFor>;
const runs: WorkflowResult[] = [];
const usedIds: string[] = [];

useFastRetries();
beforeAll(async () => {
	fake = await startFakePlatform({
		chat: { tokens: [TOKEN], webhookRetryDelayMs: 20 },
		modules: [(platform) => new PushgateModule(platform)],
	});
	pushgate = fake.module(PushgateModule);
	credentials = credentialsFor(fake);
});
afterEach(async () => {
	await fake.chat.idle();
	fake.reset();
	fake.latencyMs = 0;
});
afterAll(async () => {
	// The pushback id is the secret of a Pushgate call: it may be in a success output, never in an error.
	expectNoSecrets(runs.filter((run) => run.status === 'error').map(generatedData), usedIds);
	await fake.close();
});

function newPushback(
	clientId = 'shopper-1',
	event = 'orderShipped',
	eventData: IDataObject = { orderId: 42 },
) {
	const pushback = pushgate.create(TOKEN, clientId, event, eventData);
	usedIds.push(pushback.id);
	return pushback;
}

async function push(parameters: IDataObject, items: IDataObject[] = [{}], continueOnFail = false) {
	const result = await runNode(
		'toviePushgate',
		{ resource: 'pushback', operation: 'fire', ...parameters },
		items,
		credentials as never,
		{ continueOnFail },
	);
	runs.push(result);
	return result;
}

describe('Pushback → Fire', () => {
	it('fires by id with the data from the pushback (GET) and outputs the answer, the id and a timestamp', async () => {
		const { id } = newPushback();
		const result = await push({ pushback: id });
		expect(result.status).toBe('success');
		const [out] = result.json();
		expect(out).toMatchObject({
			pushbackId: id,
			method: 'GET',
			statusCode: 200,
			response: { status: 'OK' },
		});
		expect(Date.parse(String(out.firedAt))).toBeGreaterThan(Date.now() - 60_000);
		// ISO 8601 in the workflow's zone (the harness runs workflows in New York).
		expect(out.firedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-0[45]:00$/);
		expect(fake.requests[0]).toMatchObject({ method: 'GET', path: `/pushgate/push_${id}` });
		expect(pushgate.firings[0].data).toEqual({ orderId: 42 });
	});

	it('fires by pasted activation link, with JSON data (POST)', async () => {
		const { link, id } = newPushback();
		await push({ pushback: link, dataMode: 'json', dataJson: '{"carrier":"DHL","orderId":43}' });
		expect(fake.requests[0]).toMatchObject({
			method: 'POST',
			path: `/pushgate/push_${id}`,
			body: { carrier: 'DHL', orderId: 43 },
		});
		expect(pushgate.firings[0].data).toEqual({ orderId: 43, carrier: 'DHL' });
	});

	it('fires with data built from fields', async () => {
		const { id } = newPushback();
		await push({
			pushback: `push_${id}`,
			dataMode: 'fields',
			dataFields: {
				field: [
					{ name: 'status', value: 'paid' },
					{ name: 'amount', value: '10' },
				],
			},
		});
		expect(fake.requests[0].body).toEqual({ status: 'paid', amount: '10' });
	});

	it('refuses a link to another host unless allowed, and then fires it there', async () => {
		const other = await startFakePlatform({
			chat: { tokens: [TOKEN] },
			modules: [(platform) => new PushgateModule(platform)],
		});
		try {
			const foreign = other.module(PushgateModule).create(TOKEN, 'c', 'ev');
			usedIds.push(foreign.id);
			const refused = await push({ pushback: foreign.link });
			expect(refused.error?.message).toBe(
				`Pushback links to ${other.url}, not to the credential's server ${fake.url} [item 0]`,
			);
			expect(other.requests).toHaveLength(0);
			const allowed = await push({ pushback: foreign.link, options: { allowOtherHost: true } });
			expect(allowed.json()[0]).toMatchObject({ statusCode: 200 });
			expect(other.requests).toHaveLength(1);
		} finally {
			await other.close();
		}
	});

	describe('fires at most once: a firing that may have reached the platform is never repeated', () => {
		it.each([
			['GET, answers 502, 502, 200', {}, { status: 502 }],
			['GET, the platform fired and the gateway answered 502', {}, { status: 502, commit: true }],
			['GET, the connection dropped after the firing', {}, { drop: 'after' as const }],
			['POST, answers 503', { dataMode: 'json', dataJson: '{"orderId": 44}' }, { status: 503 }],
			[
				'POST, the connection dropped after the firing',
				{ dataMode: 'json', dataJson: '{"orderId": 44}' },
				{ drop: 'after' as const },
			],
		])('%s', async (_name, parameters, fault) => {
			const { id } = newPushback();
			fake.inject({ path: /^\/pushgate\//, ...fault, times: 2 });
			const result = await push({
				pushback: id,
				...parameters,
				requestOptions: { maxAttempts: 3 },
			});
			expect(fake.requestsTo(/^\/pushgate\//)).toHaveLength(1);
			expect(pushgate.firings.length).toBeLessThanOrEqual(1);
			expect(result.error?.description).toMatch(
				/may have received it and acted on it: it was not sent again/,
			);
		});

		it('repeats when the platform provably did not take it (429) and fires once', async () => {
			const { id } = newPushback();
			fake.inject({ path: /^\/pushgate\//, status: 429, times: 2 });
			const result = await push({ pushback: id });
			expect(result.status).toBe('success');
			expect(fake.requestsTo(/^\/pushgate\//)).toHaveLength(3);
			expect(pushgate.firings).toHaveLength(1);
		});
	});

	it('reports an unknown pushback without echoing its id', async () => {
		const unknown = '5b0f3c2e-0000-4000-8000-00000000dead';
		usedIds.push(unknown);
		const result = await push({ pushback: unknown });
		expect(result.error?.message).toBe(
			'The platform did not find the resource (or does not know the token) [404 pushgate.pushback.not_found]: Pushback *** not found',
		);
		expectNoSecrets([generatedData(result)], [unknown]);
		expectNoSecrets([result.serialized]);
	});

	it.each([
		[{ pushback: '={{ "" }}' }, 'Pushback is empty [item 0]'],
		[
			{ pushback: 'https://x.example/not-a-pushback' },
			'Pushback is neither a pushback ID nor an activation link [item 0]',
		],
		[
			{ pushback: 'abc-123-def', dataMode: 'json', dataJson: '[1,2]' },
			'Event Data (JSON) must be a JSON object [item 0]',
		],
		[
			{
				pushback: 'abc-123-def',
				dataMode: 'fields',
				dataFields: { field: [{ name: '', value: 'x' }] },
			},
			'Event Data Fields #1 Name is empty [item 0]',
		],
	])('refuses %j before any request', async (parameters, message) => {
		const result = await push(parameters);
		expect(result.error?.message).toBe(message);
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Pushback → Fire, many items', () => {
	async function fireMany(ids: string[], concurrency: number) {
		fake.maxInFlight = 0;
		const result = await runNode(
			'toviePushgate',
			{
				resource: 'pushback',
				operation: 'fire',
				pushback: '={{ $json.id }}',
				options: { concurrency },
			},
			ids.map((id) => ({ id })),
			credentials as never,
			{ continueOnFail: true },
		);
		runs.push(result);
		return { result, maxInFlight: fake.maxInFlight };
	}

	it('fires each item, several at a time, keeping each result with its item', async () => {
		const ids = Array.from({ length: 6 }, (_v, n) => newPushback(`c-${n}`).id);
		fake.latencyMs = 150;
		const parallel = await fireMany(ids, 3);
		expect(parallel.result.json().map((j) => j.pushbackId)).toEqual(ids);
		expect(parallel.result.output().map((i) => i.pairedItem)).toEqual(
			ids.map((_id, item) => ({ item })),
		);
		const serial = await fireMany(ids, 1);
		// The platform sees at most Concurrency requests at once (more than one when allowed: the
		// 150 ms latency keeps the first requests open while the next are sent).
		expect(parallel.maxInFlight).toBeGreaterThan(1);
		expect(parallel.maxInFlight).toBeLessThanOrEqual(3);
		expect(serial.maxInFlight).toBe(1);
	});

	it('maps a failing item to an error item and fires the others', async () => {
		const good = newPushback().id;
		const { result } = await fireMany(
			[good, 'deadbeef-0000-4000-8000-000000000000', 'not a pushback!', good],
			2,
		);
		usedIds.push('deadbeef-0000-4000-8000-000000000000');
		const out = result.json();
		expect(out[0]).toMatchObject({ pushbackId: good, statusCode: 200 });
		expect(String(out[1].error)).toMatch(
			/\[404 pushgate.pushback.not_found\]: Pushback \*\*\* not found/,
		);
		expect(out[2].error).toBe('Pushback is neither a pushback ID nor an activation link [item 2]');
		expect(out[3]).toMatchObject({ pushbackId: good });
		expect(result.output().map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expectNoSecrets([JSON.stringify(out[1])], ['deadbeef-0000-4000-8000-000000000000']);
	});
	it('without Continue On Fail, a bad item stops the run before any pushback fires', async () => {
		const good = newPushback().id;
		// Not kept for the secret check: the good id is in this failed run's input, not in its error.
		const result = await runNode(
			'toviePushgate',
			{ resource: 'pushback', operation: 'fire', pushback: '={{ $json.id }}' },
			[{ id: good }, { id: 'not a pushback!' }],
			credentials as never,
		);
		expect(JSON.stringify(result.error)).not.toContain(good);
		expect(result.error?.message).toBe(
			'Pushback is neither a pushback ID nor an activation link [item 1]',
		);
		expect(fake.requests).toHaveLength(0);
	});
});

describe('examples/pushgate-fire-pushback.json', () => {
	it('fires the pushback with the event data its object expression builds', async () => {
		const workflow = JSON.parse(
			readFileSync(join(__dirname, '../../examples/pushgate-fire-pushback.json'), 'utf8'),
		) as { nodes: Array<{ name: string; type: string; parameters: IDataObject }> };
		const set = workflow.nodes.find((n) => n.name === 'Shipment from the shop')!;
		const node = workflow.nodes.find((n) => n.type === 'n8n-nodes-tovie.toviePushgate')!;
		const { id } = newPushback('example-client-1', 'orderShipped', {});
		const item = {
			...(JSON.parse(String(set.parameters.jsonOutput)) as IDataObject),
			pushbackId: id,
		};
		const result = await runNode('toviePushgate', node.parameters, [item], credentials as never);
		runs.push(result);
		expect(result.status).toBe('success');
		expect(fake.requests[0]).toMatchObject({
			method: 'POST',
			body: { orderId: 1042, carrier: 'DHL' },
		});
		expect(pushgate.firings[0].data).toEqual({ orderId: 1042, carrier: 'DHL' });
	});
});

describe('round trip with Tovie Chat Trigger', () => {
	it('bot creates a pushback, n8n fires it, the trigger receives the bot reaction', async () => {
		const hook = new WebhookServer(() => credentials as never);
		await hook.start();
		hook.reset({ triggerOn: ['botReply'] });
		fake.chat.setWebhook(TOKEN, hook.url);
		try {
			// What the bot script receives with the event (the webhook body carries only the documented
			// fields: the bot would pass data on through $response, see docs/platform-assumptions.md).
			const received: unknown[] = [];
			const botEvent = fake.chat.botEvent.bind(fake.chat);
			fake.chat.botEvent = (...args: Parameters<typeof botEvent>) => {
				received.push(args[3]);
				return botEvent(...args);
			};
			const pushback = newPushback('round-trip', 'orderShipped', { orderId: 7 });
			await push({ pushback: pushback.id, dataMode: 'json', dataJson: '{"carrier":"UPS"}' });
			fake.chat.botEvent = botEvent;
			expect(received).toEqual([{ eventData: { orderId: 7, carrier: 'UPS' } }]);
			const deadline = Date.now() + 5000;
			while (hook.executions.length === 0 && Date.now() < deadline)
				await new Promise((r) => setTimeout(r, 10));
			const [item] = hook.executions[0];
			expect(item).toMatchObject({
				eventKind: 'botReply',
				clientId: 'round-trip',
				text: 'Event orderShipped received',
				handled: 'yes',
			});
		} finally {
			fake.chat.setWebhook(TOKEN, undefined);
			hook.server.closeAllConnections();
			hook.server.close();
		}
	});
});
