/**
 * Tovie Text Campaign: a send followed to its outcome, and dates as the platform reads them
 * (issue 21, items 4 and 5). Wait for Delivery ends in SENT, FAILED or POSTPONED, or says it
 * timed out; many waiting items are polled together (one sendings list per round); the fake
 * POSTs EventSendingCallbackDto to the Callback URL; `sendingTime` and the list filters go out
 * zone-less in the platform zone, checked under both readings of the fake's date switch.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { deliveryTiming } from '../../nodes/TextCampaign/helpers/delivery';
import type { ChannelsModule } from '../helpers/fake-platform/channels.cts';
import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import type { TextCampaignModule } from '../helpers/fake-platform/textCampaigns.cts';
import { runNode } from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	SECRETS,
	startTextCampaignFake,
	useFastRetries,
} from '../helpers/integration.cts';

const BOT = '263-acme-bot-263-Wnu-49199';
const SENDINGS = /\/dynamics\/sendings$/;
let fake: FakePlatform;
let channels: ChannelsModule;
let campaigns: TextCampaignModule;
useFastRetries();

const rl = (value: unknown, mode = 'id') => ({ __rl: true, mode, value });
const clients = (n: number) => Array.from({ length: n }, (_v, i) => ({ clientId: `client-${i}` }));
const sendEvent = (options: IDataObject = {}): IDataObject => ({
	resource: 'client',
	operation: 'sendEvent',
	botId: rl(BOT),
	textCampaignName: rl('Order updates', 'name'),
	clientId: '={{ $json.clientId }}',
	event: 'orderShipped',
	options,
});
const run = async (
	parameters: IDataObject,
	items: IDataObject[],
	credentialOverrides: Record<string, string> = {},
) => {
	const result = await runNode(
		'tovieTextCampaign',
		parameters,
		items,
		credentialsFor(fake, credentialOverrides),
	);
	expectNoSecrets([result.serialized]);
	expect(result.error?.message).toBeUndefined();
	return result;
};
const statusReads = () => fake.requestsTo('GET', SENDINGS);

const savedTiming = { ...deliveryTiming };
beforeAll(async () => {
	Object.assign(deliveryTiming, { firstPauseMs: 10, maxPauseMs: 40 });
	({ fake, channels, campaigns } = await startTextCampaignFake({ sendDelayMs: 30 }));
});
beforeEach(() => {
	fake.reset();
	channels.addProject('acme-bot', SECRETS.chatApiToken, undefined, BOT);
	campaigns.addCampaign('acme-bot', 'Order updates');
});
afterEach(async () => {
	await campaigns.idle();
});
afterAll(async () => {
	Object.assign(deliveryTiming, savedTiming);
	await fake.close();
});

describe('Wait for Delivery', () => {
	it('without it the item says accepted (never sent) with the sending ID; the sending goes INIT → PENDING → SENT', async () => {
		campaigns.sendDelayMs = 80;
		campaigns.initDelayMs = 20;
		const result = await run(sendEvent(), clients(1));
		const [item] = result.json();
		expect(item).toEqual({
			textCampaignName: 'Order updates',
			botId: BOT,
			clientId: 'client-0',
			event: 'orderShipped',
			accepted: true,
			sendingId: expect.any(String),
		});
		const sending = campaigns.sendings.get(String(item.sendingId))!;
		expect(sending.status).toBe('INIT');
		await new Promise((resolve) => setTimeout(resolve, 40));
		expect(sending.status).toBe('PENDING');
		await campaigns.idle();
		expect(sending.status).toBe('SENT');
		expect(statusReads()).toEqual([]);
	});

	it('ends SENT: one sending is read by its ID until it is final', async () => {
		const result = await run(sendEvent({ waitForDelivery: true }), clients(1));
		const [item] = result.json();
		expect(item).toMatchObject({ accepted: true, status: 'SENT' });
		expect(item.timedOut).toBeUndefined();
		expect(statusReads().length).toBeGreaterThan(0);
		expect(statusReads().every((r) => r.query.eventSendingInfoUuid === item.sendingId)).toBe(true);
	});

	it('ends FAILED with the reason, as data (not an item error); the others SENT', async () => {
		campaigns.failingClients.set('client-1', 'Client blocked the bot');
		const result = await run(sendEvent({ waitForDelivery: true }), clients(3));
		expect(result.json().map((json) => [json.clientId, json.status, json.errorReason])).toEqual([
			['client-0', 'SENT', undefined],
			['client-1', 'FAILED', 'Client blocked the bot'],
			['client-2', 'SENT', undefined],
		]);
		expect(result.json().every((json) => json.accepted === true)).toBe(true);
	});

	it('a send for later ends POSTPONED (scheduled is final for it)', async () => {
		const at = new Date(Date.now() + 3_600_000).toISOString();
		const result = await run(sendEvent({ waitForDelivery: true, sendingTime: at }), clients(1));
		expect(result.json()[0]).toMatchObject({ accepted: true, status: 'POSTPONED' });
		expect(Date.parse(String(result.json()[0].sendingTime))).toBe(Date.parse(at));
	});

	it('times out: the item has the status so far and timedOut, not an error', async () => {
		campaigns.sendDelayMs = 5_000;
		campaigns.initDelayMs = 5;
		const started = Date.now();
		const result = await run(sendEvent({ waitForDelivery: true, waitSeconds: 1 }), clients(1));
		expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
		expect(Date.now() - started).toBeLessThan(3_000);
		expect(result.json()[0]).toMatchObject({ accepted: true, status: 'PENDING', timedOut: true });
		// The sending goes on on the platform.
		campaigns.sendDelayMs = 30;
		for (const sending of campaigns.sendingList()) sending.status = 'CANCELED';
	});

	it('many items are polled together: one sendings list per round, none per sending', async () => {
		campaigns.sendDelayMs = 60;
		const result = await run(sendEvent({ waitForDelivery: true, requestsAtOnce: 5 }), clients(25));
		expect(result.json()).toHaveLength(25);
		expect(result.json().every((json) => json.status === 'SENT')).toBe(true);
		expect(result.json().map((json) => json.clientId)).toEqual(clients(25).map((c) => c.clientId));
		const reads = statusReads();
		expect(reads.length).toBeGreaterThan(0);
		expect(reads.length).toBeLessThanOrEqual(8);
		expect(reads.every((r) => r.query.eventSendingInfoUuid === undefined)).toBe(true);
		expect(reads.every((r) => typeof r.query.startTimeFrom === 'string')).toBe(true);
		expect(fake.requestsTo('POST', /send-event$/)).toHaveLength(25);
	});

	it('when the shared list misses them (a platform clock or zone far off), each sending is read by its ID', async () => {
		// Zone-less times read 12 hours behind UTC: the shared list starts in the future, finds none.
		campaigns.dates = { zoneless: 'Etc/GMT+12', offsets: 'honour' };
		campaigns.sendDelayMs = 60;
		const result = await run(sendEvent({ waitForDelivery: true }), clients(3));
		expect(result.json().every((json) => json.status === 'SENT')).toBe(true);
		const ids = new Set(result.json().map((json) => json.sendingId));
		const byId = statusReads().filter((r) => r.query.eventSendingInfoUuid !== undefined);
		expect(new Set(byId.map((r) => r.query.eventSendingInfoUuid))).toEqual(ids);
		// After one shared list that found nothing, later rounds skip it.
		expect(statusReads().filter((r) => r.query.startTimeFrom !== undefined)).toHaveLength(1);
	});

	it('per item: only the items that ask wait; with Continue On Fail a refused send fails alone and the rest are followed', async () => {
		fake.inject({ method: 'POST', path: /send-event$/, bodyIncludes: 'client-1', status: 400 });
		const result = await runNode(
			'tovieTextCampaign',
			sendEvent({ waitForDelivery: '={{ $json.wait }}' }),
			clients(4).map((c, i) => ({ ...c, wait: i !== 3 })),
			credentialsFor(fake),
			{ continueOnFail: true },
		);
		expect(result.json().map((json) => [json.status ?? null, json.error ? 'error' : 'ok'])).toEqual(
			[
				['SENT', 'ok'],
				[null, 'error'],
				['SENT', 'ok'],
				[null, 'ok'],
			],
		);
		expect(result.json()[3]).toMatchObject({ accepted: true });
	});

	it('Template → Send waits too', async () => {
		const template = campaigns.addTemplate(campaigns.campaigns.values().next().value!, BOT, 'c-9');
		const result = await run(
			{
				resource: 'template',
				operation: 'send',
				template: rl(template.id),
				options: { waitForDelivery: true },
			},
			[{}],
		);
		expect(result.json()[0]).toMatchObject({
			templateId: template.id,
			accepted: true,
			status: 'SENT',
		});
	});
});

describe('Callback URL', () => {
	let server: Server;
	let url = '';
	const received: IDataObject[] = [];
	beforeAll(async () => {
		server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as IDataObject);
				res.writeHead(200).end('{}');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/tovie-sending-status`;
	});
	beforeEach(() => {
		received.length = 0;
	});
	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
	});

	it('is sent as callbackUrl, and the platform posts EventSendingCallbackDto there when the sending is final', async () => {
		campaigns.failingClients.set('client-1', 'Blocked');
		const result = await run(sendEvent({ callbackUrl: url }), clients(2));
		expect(
			fake.requestsTo('POST', /send-event$/).map((r) => (r.body as IDataObject).callbackUrl),
		).toEqual([url, url]);
		await campaigns.idle();
		const [sent, failed] = result.json();
		const campaignId = campaigns.sendingList()[0].textCampaignId;
		const byId = (id: unknown) => received.find((body) => body.eventSendingInfoId === id);
		expect(byId(sent.sendingId)).toEqual({
			status: 'SENT',
			textCampaignId: campaignId,
			eventSendingInfoId: sent.sendingId,
			eventSendingTemplateId: '',
			eventSendingTime: expect.any(String),
		});
		expect(byId(failed.sendingId)).toMatchObject({
			status: 'FAILED',
			channelStatus: 'OTHER_ERRORS',
			channelStatusDescription: 'Blocked',
		});
		expect(campaigns.callbacks.map((c) => c.status)).toEqual([200, 200]);
	});

	it('a canceled sending is reported too; Template → Send passes its own Callback URL', async () => {
		const template = campaigns.addTemplate(campaigns.campaigns.values().next().value!, BOT, 'c-9');
		const later = new Date(Date.now() + 3_600_000).toISOString();
		const result = await run(
			{
				resource: 'template',
				operation: 'send',
				template: rl(template.id),
				options: { callbackUrl: url, sendingTime: later },
			},
			[{}],
		);
		const { sendingId } = result.json()[0];
		await run({ resource: 'sending', operation: 'cancel', sendingId }, [{}]);
		await campaigns.idle();
		expect(received).toEqual([
			expect.objectContaining({
				status: 'CANCELED',
				eventSendingInfoId: sendingId,
				eventSendingTemplateId: template.id,
			}),
		]);
	});
	it('examples/text-campaign-delivery-callback.json: its send, pointed at a webhook, gets each outcome back; the pinned samples have the fields of a real run', async () => {
		interface Example {
			nodes: Array<{ name: string; parameters: IDataObject }>;
			pinData: Record<string, Array<{ json: IDataObject }>>;
		}
		const example = JSON.parse(
			readFileSync(
				join(__dirname, '..', '..', 'examples', 'text-campaign-delivery-callback.json'),
				'utf8',
			),
		) as Example;
		const node = example.nodes.find((n) => n.name === 'Send the notice')!;
		const clientsOf = JSON.parse(
			String(example.nodes.find((n) => n.name === 'Clients to notify')!.parameters.jsonOutput),
		) as { clients: IDataObject[] };
		channels.addProject('acme-shop', 'shop-chat-token', undefined, '263-acme-shop-263-Wnu-49199');
		campaigns.addCampaign('acme-shop', 'Order updates');
		campaigns.failingClients.set('512345679', 'Client blocked the bot');
		const parameters = {
			...node.parameters,
			options: { ...(node.parameters.options as IDataObject), callbackUrl: url },
		};
		const result = await run(parameters, clientsOf.clients, { projectShortName: 'acme-shop' });
		const fields = (items: IDataObject[]) => [...new Set(items.flatMap(Object.keys))].sort();
		expect(fields(result.json())).toEqual(
			fields(example.pinData['Send the notice'].map((item) => item.json)),
		);
		await campaigns.idle();
		const pinnedBodies = example.pinData['Sending status'].map(
			(item) => item.json.body as IDataObject,
		);
		expect(received.map((body) => body.status).sort()).toEqual(['FAILED', 'SENT']);
		for (const body of received) {
			const sample = pinnedBodies.find((pinned) => pinned.status === body.status)!;
			expect(fields([body])).toEqual(fields([sample]));
		}
		expect(received.map((body) => body.eventSendingInfoId).sort()).toEqual(
			result
				.json()
				.map((json) => json.sendingId)
				.sort(),
		);
	});
});

describe('dates as the platform reads them', () => {
	const AT = '2030-01-15T12:30:00+01:00'; // 11:30 UTC
	const stored = () => campaigns.sendingList()[0].sendingTime;

	it('the platform reads zone-less times as UTC (the default): Send At goes out as UTC wall time, no zone, and lands exactly', async () => {
		await run(sendEvent({ sendingTime: AT }), clients(1));
		expect(fake.requestsTo('POST', /send-event$/)[0].body).toMatchObject({
			sendingTime: '2030-01-15T11:30:00',
		});
		expect(stored()).toBe('2030-01-15T11:30:00.000Z');
	});

	it('the platform reads them in the project zone and refuses offsets: with Chat Timestamps Zone set to it, the time lands exactly', async () => {
		campaigns.dates = { zoneless: 'Europe/Berlin', offsets: 'refuse' };
		await run(sendEvent({ sendingTime: AT }), clients(1), { chatTimeZone: 'Europe/Berlin' });
		expect(fake.requestsTo('POST', /send-event$/)[0].body).toMatchObject({
			sendingTime: '2030-01-15T12:30:00',
		});
		expect(stored()).toBe('2030-01-15T11:30:00.000Z');
	});

	it('the fake switch is real: an offset is refused in that mode, and a zone mismatch shifts the time by the offset', async () => {
		campaigns.dates = { zoneless: 'Europe/Berlin', offsets: 'refuse' };
		const refused = await fetch(
			`${fake.url}/api/v1/text-campaign-service/dynamics/sendings?startTimeFrom=2030-01-15T11:30:00Z`,
			{ headers: { authorization: `Bearer ${SECRETS.apiToken}` } },
		);
		expect(refused.status).toBe(400);
		await run(sendEvent({ sendingTime: AT }), clients(1));
		// Credential left at UTC while the platform reads Berlin: an hour early.
		expect(stored()).toBe('2030-01-15T10:30:00.000Z');
	});

	it.each([
		['UTC', undefined],
		['Europe/Berlin', 'Europe/Berlin'],
		['America/New_York', 'America/New_York'],
	])(
		'Sending → Get Many and Text Campaign → Get Many filters select exactly when the platform reads zone-less times in %s',
		async (zoneless, credentialZone) => {
			campaigns.dates = { zoneless, offsets: 'refuse' };
			const orders = campaigns.campaigns.values().next().value!;
			const at = (iso: string) => ({ sendingTime: iso, status: 'POSTPONED' });
			campaigns.addSending(orders, BOT, 'early', at('2030-01-15T11:29:59.000Z'));
			campaigns.addSending(orders, BOT, 'on-time', at('2030-01-15T11:30:00.000Z'));
			campaigns.addSending(orders, BOT, 'late', at('2030-01-15T12:30:01.000Z'));
			const overrides: Record<string, string> = credentialZone
				? { chatTimeZone: credentialZone }
				: {};
			const result = await run(
				{
					resource: 'sending',
					operation: 'getAll',
					returnAll: true,
					filters: { startTimeFrom: AT, startTimeTo: '2030-01-15T12:30:00Z' },
				},
				[{}],
				overrides,
			);
			expect(result.json().map((json) => json.clientId)).toEqual(['on-time']);
			expect(fake.requestsTo('GET', SENDINGS)[0].query.startTimeFrom).not.toMatch(/Z|[+-]\d\d:/);
			campaigns.addCampaign('acme-bot', 'Old', { creationTime: '2030-01-15T11:00:00.000Z' });
			campaigns.addCampaign('acme-bot', 'New', { creationTime: '2030-01-15T11:30:00.000Z' });
			const listed = await run(
				{
					resource: 'campaign',
					operation: 'getAll',
					returnAll: true,
					filters: { createdAfter: AT, createdBefore: '2030-01-15T12:00:00Z' },
				},
				[{}],
				overrides,
			);
			expect(listed.json().map((json) => json.name)).toEqual(['New']);
		},
	);
});
