/**
 * Tovie Calls: every operation except Phone → Add (see calls-add.test.cts) through n8n-core against
 * the fake Calls API, each with a success and a failure, continueOnFail and pairedItem; the campaign
 * token never appears in the run data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { loadOptions } from '../../nodes/Calls/methods/loadOptions';
import { retryTiming } from '../../nodes/common/transport';
import { CallsModule, DAY_MS } from '../helpers/fake-platform/calls.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { runNode, runWorkflow, type WorkflowResult } from '../helpers/harness.cts';
import { loadOptionsContext } from '../helpers/load-options.cts';

const TOKEN = '8231.7056.bAYxokdzOtherSecretToken';
const KEY_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/;
/** ISO 8601 with milliseconds and a New York offset (the harness's workflow zone). */
const NEW_YORK_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-0[45]:00$/;

let fake: FakePlatform;
let calls: CallsModule;
const saved = { ...retryTiming };

beforeAll(async () => {
	fake = await startFakePlatform({
		modules: [
			(platform) =>
				new CallsModule(platform, { campaigns: [{ token: TOKEN, name: 'Spring sale' }] }),
		],
	});
	calls = fake.module(CallsModule);
	Object.assign(retryTiming, { baseDelayMs: 1, maxDelayMs: 5 });
});
afterAll(async () => {
	Object.assign(retryTiming, saved);
	await fake.close();
});
beforeEach(() => fake.reset());

const credentials = () => ({ server: 'custom', baseUrl: fake.url, callsApiToken: TOKEN });
const campaign = () => calls.campaign(TOKEN);

async function run(
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	continueOnFail = false,
): Promise<WorkflowResult> {
	// One workflow: the idempotence key is scoped to it.
	const result = await runNode('tovieCalls', parameters, items, credentials(), {
		continueOnFail,
		workflowId: 'calls-workflow',
	});
	expect(result.serialized).not.toContain(TOKEN);
	expect(result.serialized).not.toContain(encodeURIComponent(TOKEN));
	return result;
}

describe('Phone → Add Number (CRM Format)', () => {
	// These tests are about the platform's Idempotence-Key and its repeat rules, so the node's own
	// Repeat Protection lets repeats through (it is tested in the reliability table).
	const crm = (extra: IDataObject = {}) => ({
		resource: 'phone',
		operation: 'addCrm',
		phone: '={{ $json.phone }}',
		repeatProtection: { sendAnyway: true },
		...extra,
	});

	it('POSTs a form with the payload fields as text and an idempotence key', async () => {
		const result = await run(
			crm({
				gmtZone: '+3',
				payloadMode: 'json',
				payloadJson: '={{ JSON.stringify({ name: $json.name, tags: ["a"] }) }}',
			}),
			[{ phone: '79123456789', name: 'Alex' }],
		);
		expect(result.status).toBe('success');
		const [request] = fake.requestsTo('POST', /\/api\/crmCalls\/campaign\/[^/]+\/addPhone$/);
		expect(request.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
		expect(Object.fromEntries(new URLSearchParams(request.rawBody))).toEqual({
			phone: '79123456789',
			gmtZone: '+03:00',
			name: 'Alex',
			tags: '["a"]',
		});
		expect(request.headers['idempotence-key']).toMatch(KEY_SHAPE);
		expect(result.json()).toEqual([
			{ phone: '79123456789', callJobId: campaign().jobs[0].callJobId },
		]);
		expect(campaign().jobs[0].payload).toEqual({ name: 'Alex', tags: '["a"]' });
	});

	it('never repeats a GET add without an idempotence key: a 5xx may have created the call job', async () => {
		fake.inject({ method: 'GET', path: /\/addPhone$/, status: 503 });
		const result = await run(crm({ options: { method: 'GET', idempotent: false } }), [
			{ phone: '79123456781' },
		]);
		expect(result.error?.message).toMatch(/\[503/);
		expect(fake.requestsTo('GET', /\/addPhone$/)).toHaveLength(1);
	});

	it('GET sends the key as a header only; a re-run returns the same job; bare-text answers work', async () => {
		calls.bareText = true;
		const params = crm({
			options: { method: 'GET' },
			payloadMode: 'json',
			payloadJson: '{"name": "Ann"}',
		});
		const first = await run(params, [{ phone: '79123456780' }]);
		const again = await run(params, [{ phone: '79123456780' }]);
		const requests = fake.requestsTo('GET', /\/addPhone$/);
		expect(requests[0].headers['idempotence-key']).toMatch(KEY_SHAPE);
		// specs/common.yml declares the key as a header; every query parameter but phone and
		// gmtZone reaches the bot script as payload, so the key must not travel there.
		expect(requests[0].query).toEqual({ phone: '79123456780', name: 'Ann' });
		expect(campaign().jobs[0].payload).toEqual({ name: 'Ann' });
		expect(again.json()).toEqual(first.json());
		expect(campaign().jobs).toHaveLength(1);
	});

	it('never puts Idempotence-Key into a query string, whatever the method and mode', async () => {
		for (const options of [
			{ method: 'GET' },
			{ method: 'POST' },
			{ test: true },
			{ method: 'GET', idempotent: false },
		]) {
			await run(crm({ options }), [{ phone: '79123456783' }, { phone: '79123456784' }], true);
		}
		await run({ resource: 'phone', operation: 'add', phone: '79123456785' }, [{}], true);
		expect(fake.requests.length).toBeGreaterThanOrEqual(9);
		expect(fake.requests.filter((r) => /idempotence-key/i.test(r.rawPath))).toEqual([]);
	});

	it('without a key the platform refuses a repeat within 24 hours (phone.duplicated), continueOnFail keeps going', async () => {
		const params = crm({ options: { idempotent: false } });
		await run(params, [{ phone: '79123456781' }]);
		const repeat = await run(params, [{ phone: '79123456781' }, { phone: '79123456782' }], true);
		expect(repeat.json()[0].error).toMatch(/\[400 phone\.duplicated\]/);
		expect(repeat.json()[1]).toMatchObject({ phone: '79123456782', callJobId: expect.any(String) });
		expect(repeat.output().map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		calls.advance(DAY_MS + 1);
		expect((await run(params, [{ phone: '79123456781' }])).status).toBe('success');
	});

	it('Test mode uses the test method, which takes repeats, and a key that only covers one request', async () => {
		const result = await run(crm({ options: { test: true } }), [
			{ phone: '79123456783' },
			{ phone: '79123456783' },
		]);
		expect(result.json()).toEqual([
			{ phone: '79123456783', callJobId: campaign().jobs[0].callJobId, test: true },
			{ phone: '79123456783', callJobId: campaign().jobs[1].callJobId, test: true },
		]);
		const requests = fake.requestsTo('GET', /\/test\/addPhone$/);
		expect(requests).toHaveLength(2);
		expect(requests[0].headers['idempotence-key']).not.toBe(requests[1].headers['idempotence-key']);
		expect(campaign().jobs.every((job) => job.source === 'crmTest')).toBe(true);
	});

	it('a lost answer is retried with the same key: one job', async () => {
		fake.inject({ path: /\/addPhone$/, drop: 'after' });
		const result = await run(crm(), [{ phone: '79123456784' }]);
		expect(result.status).toBe('success');
		expect(campaign().jobs).toHaveLength(1);
		expect(result.json()[0].callJobId).toBe(campaign().jobs[0].callJobId);
	});

	it('fails on a stopped campaign, a bad zone and a reserved payload name', async () => {
		campaign().status = 'finished';
		const stopped = await run(crm(), [{ phone: '79123456785' }]);
		expect(stopped.error?.message).toMatch(
			/\[400 invalid\.call\.task\.state\]: Campaign is stopped/,
		);
		const zone = await run(crm({ gmtZone: 'Nowhere/City' }), [{ phone: '79123456785' }]);
		expect(zone.error?.message).toMatch(/Time Zone "Nowhere\/City"/);
		const reserved = await run(crm({ payloadMode: 'json', payloadJson: '{"gmtZone": "x"}' }), [
			{ phone: '79123456785' },
		]);
		expect(reserved.error?.message).toMatch(/Payload uses the reserved name "gmtZone" \[item 0\]/);
	});
});

describe('Call Job', () => {
	it('Call Job Names or IDs lists the call jobs created in the last 30 days, newest first; a picked list works like typed IDs', async () => {
		const [a] = calls.seed(TOKEN, ['16500000011']);
		calls.advance(60_000);
		const [b] = calls.seed(TOKEN, ['16500000012']);
		const { ctx, sent } = loadOptionsContext(credentials(), {}, 'n8n-nodes-tovie.tovieCalls');
		const options = await loadOptions.getCallJobs.call(ctx);
		expect(options.map((o) => o.value).slice(0, 2)).toEqual([b.callJobId, a.callJobId]);
		expect(options[0].name).toMatch(/^16500000012 · /);
		expect(new URL(String(sent[0].url)).pathname).toMatch(/callJob\/getReportByDate$/);
		// The Calls API lists call jobs only by date: the last 30 days.
		const body = sent[0].body as { filter: { createdAtFrom: string } };
		const from = Date.parse(body.filter.createdAtFrom);
		expect(Date.now() - from).toBeGreaterThan(29 * DAY_MS);
		expect(Date.now() - from).toBeLessThan(31 * DAY_MS);
		const picked = await run({
			resource: 'callJob',
			operation: 'getReport',
			ids: [a.callJobId, b.callJobId],
		});
		expect(
			picked
				.json()
				.map((r) => r.callJobId)
				.sort(),
		).toEqual([a.callJobId, b.callJobId].sort());
	});

	it('Cancel by ids and phones returns the cancelled ids; unknown id → id.not.found', async () => {
		const [a, b] = calls.seed(TOKEN, ['16500000000', '16500000001', '16500000002']);
		const result = await run(
			{
				resource: 'callJob',
				operation: 'cancel',
				ids: `${a.callJobId}`,
				phones: '+1 650 000 0001',
			},
			[{}, {}],
			true,
		);
		expect(result.json()[0]).toEqual({
			cancelledIds: [a.callJobId, b.callJobId],
			count: 2,
			requested: { ids: [a.callJobId], phones: ['16500000001'] },
		});
		expect(result.json()[1].count).toBe(0); // already cancelled
		expect(fake.requestsTo('POST', /callJob\/cancel$/)[0].headers['idempotence-key']).toMatch(
			KEY_SHAPE,
		);
		expect(campaign().jobs[0].jobStatus).toBe('cancelledByUser');

		const missing = await run(
			{ resource: 'callJob', operation: 'cancel', ids: '={{ [$json.id] }}' },
			[{ id: '999999' }],
			true,
		);
		expect(missing.json()[0].error).toMatch(
			/\[400 id\.not\.found\]: Call job 999999 was not found/,
		);
		const empty = await run({ resource: 'callJob', operation: 'cancel' });
		expect(empty.error?.message).toMatch(/Call Jobs \/ Phone Numbers are both empty \[item 0\]/);
	});

	it('Get Report: one item per call job, Unix-ms times as ISO in the workflow zone, legacy status spelling mapped', async () => {
		const [job] = calls.seed(TOKEN, ['16500000000']);
		calls.dial(TOKEN, job.callJobId, { durationSec: 42, reportData: { name: 'Ann' } });
		calls.seed(TOKEN, ['16500000001'])[0].jobStatus = 'canceled';
		const result = await run({
			resource: 'callJob',
			operation: 'getReport',
			phones: '16500000000, 16500000001',
		});
		const [first, second] = result.json();
		expect(first).toMatchObject({
			callJobId: job.callJobId,
			phone: '16500000000',
			attemptsCount: 1,
			callDuration: 42,
			reportData: { name: 'Ann' },
		});
		// The same instants, written in the workflow's zone (New York), not UTC nor the host's (Tokyo).
		expect([Date.parse(String(first.createdAt)), Date.parse(String(first.finishedAt))]).toEqual([
			job.createdAt,
			job.finishedAt,
		]);
		expect(first.createdAt).toMatch(NEW_YORK_ISO);
		expect(second).toMatchObject({ jobStatus: 'cancelledByUser', finishedAt: null });
		expect(result.output().map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		// Simplify keeps results; turned off, the whole record (script tags, received spelling) comes out.
		expect(Object.keys(first).length).toBeLessThanOrEqual(10);
		const raw = await run({
			resource: 'callJob',
			operation: 'getReport',
			phones: '16500000001',
			simplify: false,
		});
		expect(raw.json()[0]).toMatchObject({
			jobStatus: 'cancelledByUser',
			jobStatusReceived: 'canceled',
		});

		const missing = await run(
			{ resource: 'callJob', operation: 'getReport', phones: '16599999999' },
			[{}],
			true,
		);
		expect(missing.json()[0].error).toMatch(/\[400 phone\.not\.found\]/);
	});

	it('Get Many by date: pages of 200 up to Return All, filters as ISO date-times, Luxon dates accepted', async () => {
		calls.seed(
			TOKEN,
			Array.from({ length: 450 }, (_, n) => String(16500000000 + n)),
		);
		const all = await run({
			resource: 'callJob',
			operation: 'getAll',
			returnAll: true,
			filters: {
				createdAtFrom: '={{ $now.minus({ hours: 1 }) }}',
				createdAtTo: '2099-01-01T00:00:00Z',
			},
		});
		expect(all.json()).toHaveLength(450);
		const requests = fake.requestsTo('POST', /getReportByDate$/);
		expect(requests.map((r) => (r.body as IDataObject).pagination)).toEqual([
			{ page: 0, pageSize: 200 },
			{ page: 1, pageSize: 200 },
			{ page: 2, pageSize: 200 },
		]);
		const filter = (requests[0].body as { filter: IDataObject }).filter;
		expect(filter.createdAtTo).toBe('2099-01-01T00:00:00.000Z');
		expect(String(filter.createdAtFrom)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

		fake.reset();
		calls.seed(
			TOKEN,
			Array.from({ length: 30 }, (_, n) => String(16500000000 + n)),
		);
		const limited = await run({ resource: 'callJob', operation: 'getAll', limit: 25 });
		expect(limited.json()).toHaveLength(25);
		expect(fake.requestsTo('POST', /getReportByDate$/)).toHaveLength(1);

		const future = await run({
			resource: 'callJob',
			operation: 'getAll',
			returnAll: true,
			filters: { createdAtFrom: '2099-01-01T00:00:00Z' },
		});
		expect(future.json()).toEqual([]);
		// A date without a zone is a time in the workflow's zone (New York, EST in January).
		fake.reset();
		await run({
			resource: 'callJob',
			operation: 'getAll',
			filters: { createdAtFrom: '2026-01-15T09:00', createdAtTo: '2026-01-16' },
		});
		expect(
			(fake.requestsTo('POST', /getReportByDate$/)[0].body as { filter: IDataObject }).filter,
		).toEqual({
			createdAtFrom: '2026-01-15T14:00:00.000Z',
			createdAtTo: '2026-01-16T05:00:00.000Z',
		});
		const swapped = await run({
			resource: 'callJob',
			operation: 'getAll',
			filters: { finishedAtFrom: '2026-02-01', finishedAtTo: '2026-01-01' },
		});
		expect(swapped.error?.message).toMatch(
			/Filter Finished After is after Finished Before \[item 0\]/,
		);
	});

	it('Get Many with Unfinished Only lists jobs without finishedAt; a 5xx is retried; a 404 fails; dates are refused with it', async () => {
		const jobs = calls.seed(TOKEN, ['16500000000', '16500000001', '16500000002']);
		calls.dial(TOKEN, jobs[1].callJobId);
		fake.inject({ path: /getUnfinished$/, status: 502 });
		const result = await run({
			resource: 'callJob',
			operation: 'getAll',
			returnAll: true,
			filters: { unfinishedOnly: true },
		});
		expect(result.json().map((j) => j.callJobId)).toEqual([jobs[0].callJobId, jobs[2].callJobId]);
		expect(
			fake.requestsTo('POST', /getUnfinished$/).map((r) => [r.status, JSON.parse(r.rawBody)]),
		).toEqual([
			[502, { page: 0, pageSize: 200 }],
			[200, { page: 0, pageSize: 200 }],
		]);
		const unknown = await runNode(
			'tovieCalls',
			{ resource: 'callJob', operation: 'getAll', filters: { unfinishedOnly: true } },
			[{}],
			{ ...credentials(), callsApiToken: '9.9.NoSuchSecret' },
		);
		expect(unknown.error?.message).toMatch(/\[404 invalid\.token\]/);
		expect(unknown.serialized).not.toContain('NoSuchSecret');
		const dated = await run(
			{
				resource: 'callJob',
				operation: 'getAll',
				filters: { unfinishedOnly: true, createdAtFrom: '2026-01-01' },
			},
			[{}],
			true,
		);
		expect(dated.json()[0].error).toMatch(/Filters combine Unfinished Only with dates \[item 0\]/);
	});
});

describe('Call Attempt', () => {
	it('Get Report returns every attempt with ISO times; unknown id fails', async () => {
		const [job] = calls.seed(TOKEN, ['16500000000']);
		calls.dial(TOKEN, job.callJobId, {
			jobStatus: 'noAnswer',
			callResult: 'NO_ANSWER',
			finish: false,
		});
		calls.dial(TOKEN, job.callJobId, { callResult: 'CALLBACK_REQUEST' });
		const result = await run({
			resource: 'callAttempt',
			operation: 'getReport',
			ids: job.callJobId,
		});
		expect(result.json().map((a) => [a.attemptNumber, a.callResult])).toEqual([
			[1, 'NO_ANSWER'],
			[2, 'CALLBACK_REQUEST'],
		]);
		expect(result.json()[0].startedAt).toMatch(NEW_YORK_ISO);
		const missing = await run(
			{ resource: 'callAttempt', operation: 'getReport', ids: '1' },
			[{}],
			true,
		);
		expect(missing.json()[0].error).toMatch(/id\.not\.found/);
	});

	it('Get Many by date filters on start time and pages', async () => {
		const jobs = calls.seed(TOKEN, ['16500000000', '16500000001']);
		calls.dial(TOKEN, jobs[0].callJobId);
		calls.advance(DAY_MS);
		calls.dial(TOKEN, jobs[1].callJobId);
		const since = new Date(calls.now() - 60 * 60 * 1000).toISOString();
		const result = await run({
			resource: 'callAttempt',
			operation: 'getAll',
			returnAll: true,
			filters: { startedAtFrom: since },
		});
		expect(result.json().map((a) => a.callJobId)).toEqual([jobs[1].callJobId]);
		expect(
			(fake.requestsTo('POST', /callAttempt\/getReportByDate$/)[0].body as IDataObject).filter,
		).toEqual({ startedAtFrom: since });
		const bad = await run(
			{ resource: 'callAttempt', operation: 'getAll', filters: { startedAtFrom: 'not a date' } },
			[{}],
			true,
		);
		expect(bad.json()[0].error).toMatch(/Started After is not a date/);
	});
});

describe('Campaign', () => {
	it('Get returns the campaign with its short report and ISO times', async () => {
		calls.seed(TOKEN, ['16500000000']);
		const result = await run({ resource: 'campaign', operation: 'get' });
		expect(result.json()[0]).toMatchObject({
			name: 'Spring sale',
			status: 'inProgress',
			shortReport: { totalNumbers: 1, processedNumbers: 0 },
		});
		expect(result.json()[0].creationDate).toMatch(NEW_YORK_ISO);
		expect(Date.parse(String(result.json()[0].creationDate))).toBe(campaign().creationDate);
	});

	it('Get Status reads the spec spelling, the docs spelling and bare text', async () => {
		expect((await run({ resource: 'campaign', operation: 'getStatus' })).json()).toEqual([
			{ status: 'inProgress', finished: false },
		]);
		calls.docsStatusSpelling = true;
		calls.bareText = true;
		expect((await run({ resource: 'campaign', operation: 'getStatus' })).json()).toEqual([
			{ status: 'inProgress', statusReceived: 'inProcess', finished: false },
		]);
		campaign().status = 'finished';
		expect((await run({ resource: 'campaign', operation: 'getStatus' })).json()).toEqual([
			{ status: 'finished', finished: true },
		]);
		const unknown = await runNode(
			'tovieCalls',
			{ resource: 'campaign', operation: 'getStatus' },
			[{}],
			{ ...credentials(), callsApiToken: '9.9.NoSuchSecret' },
		);
		expect(unknown.error?.message).toMatch(/\[404 invalid\.token\]: Campaign is not found/);
		expect(unknown.serialized).not.toContain('NoSuchSecret');
	});

	it('Pause, Resume, Stop change the status; an impossible transition fails with the platform reason', async () => {
		// The harness gives every run the same execution ID; a real n8n gives each its own, so the
		// keys of one run's control requests are forgotten here between runs, as they would differ.
		const control = async (operation: string, items: IDataObject[] = [{}]) => {
			campaign().idempotence.clear();
			return await run({ resource: 'campaign', operation }, items, true);
		};
		const paused = await control('pause', [{}, {}]);
		expect(paused.json()[0]).toEqual({ success: true, action: 'pause' });
		expect(paused.json()[1].error).toMatch(
			/\[400 calls\.campaign\.invalid\.state\.transition\]: Cannot pause a campaign that is paused/,
		);
		expect(paused.output().map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(campaign().status).toBe('paused');
		expect(fake.requestsTo('POST', /control\/pause$/)[0].headers['idempotence-key']).toMatch(
			KEY_SHAPE,
		);
		await control('resume');
		expect(campaign().status).toBe('inProgress');
		await control('stop');
		expect(campaign().status).toBe('finished');
		const resume = await control('resume');
		expect(resume.json()[0].error).toMatch(/Cannot resume a campaign that is finished/);
		expect(campaign().status).toBe('finished');
	});

	it('a pause whose answer was lost is retried with the same key and succeeds once', async () => {
		fake.inject({ path: /control\/pause$/, drop: 'after' });
		const result = await run({ resource: 'campaign', operation: 'pause' });
		expect(result.status).toBe('success');
		expect(fake.requestsTo('POST', /control\/pause$/)).toHaveLength(2);
		expect(campaign().replays).toBe(1);
	});
});

describe('Spreadsheet → Add → report back (example workflow shape)', () => {
	it('adds rows, and a later Get Report finds them by the call job ids the Add output carries', async () => {
		const added = await runWorkflow({
			items: [
				{ Phone: '+1 650 000 0000', Name: 'Ann' },
				{ Phone: '+1 650 000 0001', Name: 'Bob' },
			],
			credentials: credentials(),
			nodes: [
				{
					name: 'Add',
					type: 'tovieCalls',
					parameters: {
						resource: 'phone',
						operation: 'add',
						phone: '={{ $json.Phone }}',
						payloadMode: 'fields',
						payloadFields: { field: [{ name: 'name', value: '={{ $json.Name }}' }] },
					},
				},
				{
					name: 'Report',
					type: 'tovieCalls',
					parameters: {
						resource: 'callJob',
						operation: 'getReport',
						ids: '={{ $json.callJobId }}',
					},
				},
			],
		});
		expect(added.status).toBe('success');
		expect(added.json('Report').map((r) => r.phone)).toEqual(['16500000000', '16500000001']);
		expect(added.output('Report').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(added.serialized).not.toContain(TOKEN);
	});

	it("the example workflow's Tovie Calls nodes run as configured", async () => {
		const example = JSON.parse(
			readFileSync(join(__dirname, '../../examples/calls-spreadsheet-campaign.json'), 'utf8'),
		) as { nodes: Array<{ name: string; type: string; parameters: IDataObject }> };
		const params = (name: string) => example.nodes.find((node) => node.name === name)!.parameters;
		const rows = [
			{
				Phone: '+1 650 000 0000',
				Name: 'Ann',
				'Order ID': 'A-1',
				'Time Zone': 'America/Los_Angeles',
			},
			{ Phone: '+1 650 000 0001', Name: 'Bob', 'Order ID': 'A-2', 'Time Zone': '' },
			{ Phone: 'n/a', Name: 'Eve', 'Order ID': 'A-3', 'Time Zone': '' },
		];
		const added = await run(params('Add to campaign'), rows, true);
		expect(added.json()[0]).toMatchObject({ phone: '16500000000', callJobId: expect.any(String) });
		expect(added.json()[2].error).toMatch(/Phone "n\/a" is not a phone number \[item 2\]/);
		const sent = fake.requestsTo('POST', /addPhones$/)[0].body as IDataObject[];
		expect(sent[0]).toMatchObject({
			payload: { name: 'Ann', orderId: 'A-1' },
			gmtZone: 'America/Los_Angeles',
			maxAttempts: 3,
			retryIntervalInMinutes: 60,
		});
		expect(sent[1].gmtZone).toBeUndefined();
		expect(Date.parse(String(sent[0].finishDateTime))).toBeGreaterThan(Date.now());

		campaign().jobs.forEach((job) =>
			calls.dial(TOKEN, job.callJobId, { reportData: { agreed: true } }),
		);
		campaign().status = 'finished';
		expect((await run(params('Campaign status'))).json()).toEqual([
			{ status: 'finished', finished: true },
		]);
		const results = await run(params('Call results'));
		expect(results.json().map((r) => [r.phone, r.jobStatus, r.reportData])).toEqual([
			['16500000000', 'longCallWithResult', { agreed: true }],
			['16500000001', 'longCallWithResult', { agreed: true }],
		]);
	});
});
