/**
 * Tovie Text Campaign → Client: sends to many clients through n8n-core against the fake platform.
 * One request per distinct client send (the API takes one client per request), "Requests at Once"
 * requests in flight, per-item results, no send ever repeated after an answer that proves nothing, and the
 * round trip: a send reaches the channel's webhook, where Tovie Chat Trigger starts a workflow.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ChannelsModule, FakeChannel } from '../helpers/fake-platform/channels.cts';
import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import type { TextCampaignModule } from '../helpers/fake-platform/textCampaigns.cts';
import { forgetRepeats } from '../../nodes/common/repeats';
import { runNode } from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	SECRETS,
	startTextCampaignFake,
	useFastRetries,
} from '../helpers/integration.cts';
import { WebhookServer } from '../helpers/webhook-server.cts';

const BOT = '263-acme-bot-263-Wnu-49199';
let fake: FakePlatform;
let channels: ChannelsModule;
let campaigns: TextCampaignModule;
let chat: FakeChannel;
let credentials: ReturnType<typeof credentialsFor>;
const hook = new WebhookServer(() => credentials);
useFastRetries();

const rl = (value: unknown, mode = 'id') => ({ __rl: true, mode, value });
const clients = (n: number, from = 1) =>
	Array.from({ length: n }, (_v, i) => ({
		clientId: `client-${i + from}`,
		orderId: 100 + i + from,
	}));
const sendEvent = (p: IDataObject = {}): IDataObject => ({
	resource: 'client',
	operation: 'sendEvent',
	botId: rl(BOT, 'list'),
	textCampaignName: rl('Order updates', 'list'),
	clientId: '={{ $json.clientId }}',
	event: 'orderShipped',
	eventData: '={{ JSON.stringify({ orderId: $json.orderId }) }}',
	...p,
});
const run = async (parameters: IDataObject, items: IDataObject[], continueOnFail = false) => {
	const result = await runNode('tovieTextCampaign', parameters, items, credentials, {
		continueOnFail,
	});
	expectNoSecrets([result.serialized]);
	return result;
};
const sends = () => fake.requestsTo('POST', /\/dynamics\/send-(event|replies)$/);

beforeAll(async () => {
	({ fake, channels, campaigns } = await startTextCampaignFake({
		sendDelayMs: 5,
		chat: { webhookRetryDelayMs: 20 },
	}));
	credentials = credentialsFor(fake);
	await hook.start();
});
beforeEach(() => {
	fake.reset();
	hook.reset({ triggerOn: ['botReply', 'agentReply', 'campaignMessage', 'timeout'] });
	chat = channels.addProject('acme-bot', SECRETS.chatApiToken, hook.url, BOT);
	campaigns.addCampaign('acme-bot', 'Order updates');
});
afterEach(async () => {
	await campaigns.idle();
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

describe('Client → Send Event', () => {
	it('one request per client, each body a TextCampaignSendEventCreateDto; one output item per input item', async () => {
		const items = clients(3);
		const result = await run(
			sendEvent({
				options: { priority: 1, callbackUrl: 'https://n8n.example.com/webhook/status' },
			}),
			items,
		);
		expect(result.status).toBe('success');
		expect(sends().map((r) => r.body)).toEqual(
			items.map((item) => ({
				textCampaignName: 'Order updates',
				botId: BOT,
				clientId: item.clientId,
				event: 'orderShipped',
				eventData: { orderId: item.orderId },
				priority: 1,
				callbackUrl: 'https://n8n.example.com/webhook/status',
			})),
		);
		expect(sends().every((r) => r.headers.authorization === `Bearer ${SECRETS.apiToken}`)).toBe(
			true,
		);
		const out = result.output();
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out.map((item) => item.json)).toEqual(
			campaigns.sendingList().map((sending) => ({
				textCampaignName: 'Order updates',
				botId: BOT,
				clientId: sending.clientId,
				event: 'orderShipped',
				accepted: true,
				sendingId: sending.id,
			})),
		);
		await campaigns.idle();
		expect(campaigns.sendingList().map((s) => s.status)).toEqual(['SENT', 'SENT', 'SENT']);
	});

	it('round trip: the sent event runs the bot, whose message reaches Tovie Chat Trigger through the channel webhook', async () => {
		await run(sendEvent(), clients(2));
		await until(() => hook.executions.length === 2);
		const received = hook.executions
			.flat()
			.map((item) => `${String(item.clientId)}: ${String(item.text)}`)
			.sort();
		expect(received).toEqual([
			'client-1: Event orderShipped received',
			'client-2: Event orderShipped received',
		]);
		expect(hook.calls.every((call) => call.status === 200)).toBe(true);
	});

	it('Send At schedules the sending (zone-less, in the platform zone: UTC by default); Sending → Cancel stops it before it goes out', async () => {
		const at = new Date(Date.now() + 3_600_000);
		const result = await run(
			sendEvent({ options: { sendingTime: at.toISOString().replace('Z', '+00:00') } }),
			clients(1),
		);
		expect(sends()[0].body).toMatchObject({ sendingTime: at.toISOString().slice(0, -1) });
		const [item] = result.json();
		expect(item).toMatchObject({ accepted: true });
		expect(Date.parse(String(item.sendingTime))).toBe(at.getTime());
		await until(() => campaigns.sendings.get(String(item.sendingId))!.status === 'POSTPONED');
		const cancel = await run(
			{ resource: 'sending', operation: 'cancel', sendingId: item.sendingId },
			[{}],
		);
		expect(cancel.json()).toEqual([{ canceled: true, sendingId: item.sendingId }]);
		expect(fake.requestsTo('PUT')[0].path).toBe(
			`/api/v1/text-campaign-service/dynamics/sendings/${String(item.sendingId)}/cancel`,
		);
		expect(campaigns.sendings.get(String(item.sendingId))!.status).toBe('CANCELED');
		// Canceled again (a repeat): the platform refuses, the sending is canceled: done.
		const again = await run(
			{ resource: 'sending', operation: 'cancel', sendingId: item.sendingId },
			[{}],
		);
		expect(again.json()).toEqual([
			{ canceled: true, sendingId: item.sendingId, alreadyInState: true },
		]);
	});

	it('identical items are separate sends by default: one item is one send', async () => {
		const items = [
			{ clientId: 'c-1', orderId: 1 },
			{ clientId: 'c-1', orderId: 1 },
		];
		const result = await run(sendEvent(), items);
		expect(sends()).toHaveLength(2);
		const [first, second] = result.json();
		expect(first.sendingId).not.toBe(second.sendingId);
		expect(second.duplicateOf).toBeUndefined();
	});

	it('with Merge Identical Sends, items asking for exactly the same send share one request; the repeats say which item they follow', async () => {
		const items = [
			{ clientId: 'c-1', orderId: 1 },
			{ clientId: 'c-2', orderId: 2 },
			{ clientId: 'c-1', orderId: 1 },
		];
		const result = await run(sendEvent({ options: { mergeIdentical: true } }), items);
		expect(sends()).toHaveLength(2);
		const out = result.json();
		expect(out[2]).toMatchObject({
			clientId: 'c-1',
			accepted: true,
			sendingId: out[0].sendingId,
			duplicateOf: 0,
		});
		expect(out[0].duplicateOf).toBeUndefined();
	});

	it('Requests at Once requests are in flight at once, never more', async () => {
		fake.latencyMs = 20;
		const result = await run(sendEvent({ options: { requestsAtOnce: 4 } }), clients(20));
		expect(result.json()).toHaveLength(20);
		expect(sends()).toHaveLength(20);
		expect(fake.maxInFlight).toBe(4);
		expect(new Set(result.json().map((json) => json.sendingId)).size).toBe(20);
	});
});

describe('Client → Send Message', () => {
	it('a text with buttons becomes bot replies, written to the client without the script', async () => {
		const result = await run(
			{
				resource: 'client',
				operation: 'sendMessage',
				botId: rl(BOT),
				textCampaignName: rl('Order updates', 'name'),
				clientId: '={{ $json.clientId }}',
				text: '=Order {{ $json.orderId }} has shipped',
				buttons: ['Track it', 'Thanks'],
			},
			clients(1),
		);
		expect(sends()[0].path).toBe('/api/v1/text-campaign-service/dynamics/send-replies');
		expect(sends()[0].body).toEqual({
			textCampaignName: 'Order updates',
			botId: BOT,
			clientId: 'client-1',
			replies: [
				{ type: 'text', text: 'Order 101 has shipped' },
				{ type: 'buttons', buttons: [{ text: 'Track it' }, { text: 'Thanks' }] },
			],
		});
		expect(result.json()[0]).toMatchObject({ clientId: 'client-1', accepted: true });
		await until(() => hook.executions.length === 1);
		expect(hook.executions[0][0]).toMatchObject({
			clientId: 'client-1',
			text: 'Order 101 has shipped',
		});
	});

	it('replies as JSON are sent as they are; a JSON that is not an array is refused before any request', async () => {
		const base = {
			resource: 'client',
			operation: 'sendMessage',
			botId: rl(BOT),
			textCampaignName: rl('Order updates', 'name'),
			clientId: 'c-9',
			messageType: 'json',
		};
		await run(
			{ ...base, replies: '[{"type": "image", "imageUrl": "https://example.com/a.png"}]' },
			[{}],
		);
		expect(sends()[0].body).toMatchObject({
			replies: [{ type: 'image', imageUrl: 'https://example.com/a.png' }],
		});
		const wrong = await run({ ...base, replies: '{"type": "text"}' }, [{}]);
		expect(wrong.error?.message).toBe('Replies (JSON) must be a JSON array [item 0]');
		expect(sends()).toHaveLength(1);
	});
});

describe('Repeat Protection: the same work again sends nothing twice', () => {
	it('Retry On Fail after a refused item among ten concurrent sends: every client is messaged once', async () => {
		fake.inject({
			method: 'POST',
			path: /send-event$/,
			bodyIncludes: '"clientId":"client-2"',
			status: 400,
			body: { error: 'textcampaign.common.validation_error', message: 'Try later' },
			times: 1,
		});
		const result = await runNode(
			'tovieTextCampaign',
			sendEvent({ options: { requestsAtOnce: 10 } }),
			clients(10),
			credentials,
			{ retryOnFail: 3 },
		);
		expectNoSecrets([result.serialized]);
		expect(result.status).toBe('success');
		expect(sends()).toHaveLength(11);
		const delivered = campaigns.sendingList().map((sending) => sending.clientId);
		expect(delivered.sort()).toEqual(
			clients(10)
				.map((c) => c.clientId)
				.sort(),
		);
		const out = result.json();
		expect(out).toHaveLength(10);
		expect(out[1]).toMatchObject({ clientId: 'client-2', accepted: true });
		const skipped = out.filter((json) => json.skipped === true);
		expect(skipped).toHaveLength(9);
		// A skipped item still names its send.
		for (const json of skipped)
			expect(campaigns.sendings.get(String(json.sendingId))).toBeDefined();
	});

	it('a retried execution (static data saved by n8n, another process) and a re-run by hand send only what was not sent', async () => {
		const staticData: IDataObject = {};
		// One saved workflow, run again.
		const runSavedWorkflow = async () =>
			await runNode(
				'tovieTextCampaign',
				sendEvent({ options: { requestsAtOnce: 1 } }),
				clients(5),
				credentials,
				{ staticData, workflowId: 'retried' },
			);
		fake.inject({
			method: 'POST',
			path: /send-event$/,
			bodyIncludes: '"clientId":"client-3"',
			status: 400,
			times: 1,
		});
		const first = await runSavedWorkflow();
		expect(first.status).toBe('error');
		expect(sends()).toHaveLength(3);
		forgetRepeats(); // a retry may run in another process: only static data is shared
		const retried = await runSavedWorkflow();
		expect(retried.status).toBe('success');
		expect(sends()).toHaveLength(6);
		expect(retried.json().map((json) => json.skipped === true)).toEqual([
			true,
			true,
			false,
			false,
			false,
		]);
		// By hand, in this process (manual runs do not save static data): nothing again.
		const byHand = await runNode(
			'tovieTextCampaign',
			sendEvent({ options: { requestsAtOnce: 1 } }),
			clients(5),
			credentials,
			{ workflowId: 'retried' },
		);
		expect(byHand.json().every((json) => json.skipped === true)).toBe(true);
		expect(sends()).toHaveLength(6);
		expect(new Set(campaigns.sendingList().map((sending) => sending.clientId)).size).toBe(5);
		expect(campaigns.sendingList()).toHaveLength(5);
	});

	it('Send Repeats Anyway sends again; other input or other settings are new work', async () => {
		await runNode('tovieTextCampaign', sendEvent(), clients(2), credentials, {
			workflowId: 'again',
		});
		const other = await runNode(
			'tovieTextCampaign',
			sendEvent({ event: 'orderDelivered' }),
			clients(2),
			credentials,
			{ workflowId: 'again' },
		);
		expect(other.json().some((json) => json.skipped)).toBe(false);
		const anyway = await runNode(
			'tovieTextCampaign',
			sendEvent({ repeatProtection: { sendAnyway: true } }),
			clients(2),
			credentials,
			{ workflowId: 'again' },
		);
		expect(anyway.json().some((json) => json.skipped)).toBe(false);
		expect(sends()).toHaveLength(6);
	});

	it('a send the platform may have received (a 502) is not repeated by Retry On Fail: the item says so', async () => {
		fake.inject({ method: 'POST', path: /send-event$/, status: 502, times: 1 });
		const result = await runNode('tovieTextCampaign', sendEvent(), clients(1), credentials, {
			retryOnFail: 2,
		});
		expect(result.status).toBe('error');
		expect(sends()).toHaveLength(1);
		expect(result.error?.message).toMatch(
			/^Not sent again: the same send may already have reached the platform at /,
		);
		expect(result.error?.description).toContain('Send Repeats Anyway');
	});
});

describe('failures: what was sent and what failed, never a client messaged twice', () => {
	it('an unknown campaign: every item fails with the client named (continue on fail)', async () => {
		const result = await run(sendEvent({ textCampaignName: rl('Nope', 'name') }), clients(2), true);
		expect(result.json().map((json) => json.error)).toEqual([
			'Not sent to client client-1: The platform did not find the resource (or does not know the token) [404 textcampaign.text_campaign.not_found]: Text campaign Nope not found [item 0]',
			'Not sent to client client-2: The platform did not find the resource (or does not know the token) [404 textcampaign.text_campaign.not_found]: Text campaign Nope not found [item 1]',
		]);
		expect(result.output().map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('a 503 is not repeated (the send may have arrived): that item says "maybe", the others are sent once', async () => {
		fake.inject({ method: 'POST', path: /send-event$/, status: 503, times: 1 });
		const result = await run(sendEvent({ options: { requestsAtOnce: 1 } }), clients(3), true);
		expect(sends()).toHaveLength(3);
		const [first, second, third] = result.json();
		expect(first.error).toMatch(
			/^Maybe not sent to client client-1: The platform failed to answer \[503/,
		);
		expect(first.errorDescription).toContain('Sending → Get Many');
		expect([second.accepted, third.accepted]).toEqual([true, true]);
		expect(campaigns.sendingList().map((s) => s.clientId)).toEqual(['client-2', 'client-3']);
	});

	it('a dropped connection after the platform stored the send is not repeated: the client gets it once', async () => {
		fake.inject({ method: 'POST', path: /send-event$/, drop: 'after', times: 1 });
		const result = await run(sendEvent(), clients(1), true);
		expect(result.json()[0].error).toMatch(
			/^Maybe not sent to client client-1: Could not reach the Tovie platform/,
		);
		expect(sends()).toHaveLength(1);
		expect(campaigns.sendingList()).toHaveLength(1);
	});

	it('429 (refused, not received) is repeated and the send goes through once', async () => {
		fake.inject({
			method: 'POST',
			path: /send-event$/,
			status: 429,
			headers: { 'Retry-After': '1' },
			times: 2,
		});
		const result = await run(sendEvent(), clients(1));
		expect(result.json()[0]).toMatchObject({ accepted: true });
		expect(sends()).toHaveLength(3);
		expect(campaigns.sendingList()).toHaveLength(1);
	});

	it('without continue on fail the run stops at the first failure and no later item is sent', async () => {
		fake.inject({
			method: 'POST',
			path: /send-event$/,
			status: 400,
			body: { error: 'textcampaign.common.validation_error', message: 'Client is blocked' },
			times: 1,
		});
		const result = await run(sendEvent({ options: { requestsAtOnce: 1 } }), clients(5));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Not sent to client client-1: The platform refused the request as invalid [400 textcampaign.common.validation_error]: Client is blocked [item 0]',
		);
		expect(result.error?.description).toContain(
			'Nothing was sent before the run stopped. Failed: item 0. Not sent: item 1, item 2, item 3, item 4.',
		);
		expect(sends()).toHaveLength(1);
	});

	it('a failure among concurrent sends: the error names every item that was sent, with its sendingId, and those that were not', async () => {
		fake.latencyMs = 20;
		fake.inject({
			method: 'POST',
			path: /send-event$/,
			bodyIncludes: '"clientId":"client-4"',
			status: 400,
			body: { error: 'textcampaign.common.validation_error', message: 'Client is blocked' },
			times: 1,
		});
		const result = await run(sendEvent({ options: { requestsAtOnce: 4 } }), clients(10));
		expect(result.status).toBe('error');
		const description = String(result.error?.description);
		const delivered = campaigns.sendingList();
		// Items 0–2 and 4–6 were in flight or started before the failure was known; 7–9 never started.
		expect(delivered.length).toBeGreaterThanOrEqual(3);
		for (const sending of delivered) {
			const itemIndex = Number(String(sending.clientId).replace('client-', '')) - 1;
			expect(description).toMatch(
				new RegExp(`item ${itemIndex} \\([^)]*sendingId ${sending.id}\\)`),
			);
		}
		expect(description).toMatch(/Failed: item 3\./);
		expect(description).toMatch(/Not sent: (item \d, )*item 9\./);
		expect(sends()).toHaveLength(delivered.length + 1);
	});

	it('a bad item is refused before any request: alone it stops the run, with continue on fail it fails alone', async () => {
		const items = [
			{ clientId: 'c-1', orderId: 1 },
			{ clientId: '', orderId: 2 },
		];
		const stopped = await run(sendEvent(), items);
		expect(stopped.error?.message).toBe('Client ID is empty [item 1]');
		expect(sends()).toHaveLength(0);
		const mixed = await run(sendEvent(), items, true);
		expect(mixed.json()).toEqual([
			expect.objectContaining({ clientId: 'c-1', accepted: true }),
			expect.objectContaining({ error: 'Client ID is empty [item 1]' }),
		]);
		const badData = await run(sendEvent({ eventData: '{oops' }), clients(1));
		expect(badData.error?.message).toMatch(/^Event Data is not valid JSON/);
	});

	it('a stopped campaign refuses sends (400) until it is resumed', async () => {
		const campaign = [...campaigns.campaigns.values()][0];
		campaign.status = 'STOPPED';
		const refused = await run(sendEvent(), clients(1), true);
		expect(refused.json()[0].error).toContain(
			'Text campaign Order updates is STOPPED, not STARTED',
		);
	});
});
