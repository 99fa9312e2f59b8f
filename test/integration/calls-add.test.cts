/**
 * Tovie Calls → Phone → Add through n8n-core against the fake Calls API: batching boundaries,
 * idempotent retries under injected faults, re-runs, per-item validation, platform refusals mapped
 * back to items, continueOnFail and pairedItem. Secrets never appear in the run data.
 */
import type { IDataObject } from 'n8n-workflow';

import { retryTiming } from '../../nodes/common/transport';
import { CallsModule, DAY_MS } from '../helpers/fake-platform/calls.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { runNode, type WorkflowResult } from '../helpers/harness.cts';

const TOKEN = '8231.7056.bAYxokdzSecretCallsToken';
const KEY_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/;

let fake: FakePlatform;
let calls: CallsModule;
const saved = { ...retryTiming };

beforeAll(async () => {
	fake = await startFakePlatform({
		modules: [(platform) => new CallsModule(platform, { campaigns: [{ token: TOKEN }] })],
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
const phones = (count: number, first = 16500000000) =>
	Array.from({ length: count }, (_, n) => ({ phone: String(first + n) }));
const addRequests = () => fake.requestsTo('POST', /\/addPhones$/);
const jobs = () => calls.campaign(TOKEN).jobs;

async function add(
	items: IDataObject[],
	parameters: IDataObject = {},
	continueOnFail = false,
): Promise<WorkflowResult> {
	const result = await runNode(
		'tovieCalls',
		{ resource: 'phone', operation: 'add', phone: '={{ $json.phone }}', ...parameters },
		items,
		credentials(),
		// One workflow: the idempotence key is scoped to it.
		{ continueOnFail, workflowId: 'calls-workflow' },
	);
	expect(result.serialized).not.toContain(TOKEN);
	expect(result.serialized).not.toContain(encodeURIComponent(TOKEN));
	return result;
}

function expectPaired(result: WorkflowResult, count: number) {
	expect(result.output().map((item) => item.pairedItem)).toEqual(
		Array.from({ length: count }, (_, item) => ({ item })),
	);
}

describe('Phone → Add: batching', () => {
	it("reads a start and finish without a zone in the workflow's time zone (New York), not the host's", async () => {
		const result = await add([{ phone: '16500000009' }], {
			policy: { startDateTime: '2026-03-23T09:00', finishDateTime: '2026-03-24' },
		});
		expect(result.status).toBe('success');
		expect(addRequests()[0].body).toMatchObject([
			{ startDateTime: '2026-03-23T13:00:00.000Z', finishDateTime: '2026-03-24T04:00:00.000Z' },
		]);
	});

	it('sends nothing for no input items', async () => {
		const result = await add([]);
		expect(result.status).toBe('success');
		expect(result.json()).toEqual([]);
		expect(addRequests()).toHaveLength(0);
	});

	it('adds one number with its call policy and an idempotence key', async () => {
		const result = await add([{ phone: '+1 (650) 000-0000', name: 'Ann' }], {
			payloadMode: 'item',
			policy: {
				startDateTime: '2026-03-23T09:00:00+01:00',
				finishDateTime: '2026-03-24T12:00:00Z',
				allowedDays: ['mon', 'sat'],
				retryIntervalInMinutes: 120,
				maxAttempts: 5,
				dialerPriority: 1,
				gmtZone: 'Europe/Berlin',
				externalCheckUrl: 'https://crm.example.com/check',
			},
			allowedTimeMode: 'fields',
			allowedTimeWindows: {
				window: [
					{ day: 'default', from: '9:00', to: '12:00' },
					{ day: 'default', from: '13:00', to: '18:00' },
					{ day: 'sat', from: '10:00', to: '14:00' },
				],
			},
		});
		expect(result.status).toBe('success');
		const [request] = addRequests();
		expect(request.body).toEqual([
			{
				phone: '16500000000',
				payload: { phone: '+1 (650) 000-0000', name: 'Ann' },
				startDateTime: '2026-03-23T08:00:00.000Z',
				finishDateTime: '2026-03-24T12:00:00.000Z',
				allowedDays: ['mon', 'sat'],
				allowedTime: {
					default: [
						{ localTimeFrom: '09:00', localTimeTo: '12:00' },
						{ localTimeFrom: '13:00', localTimeTo: '18:00' },
					],
					sat: [{ localTimeFrom: '10:00', localTimeTo: '14:00' }],
				},
				retryIntervalInMinutes: 120,
				maxAttempts: 5,
				dialerPriority: 1,
				gmtZone: 'Europe/Berlin',
				externalCheck: { externalCheckUrl: 'https://crm.example.com/check' },
			},
		]);
		expect(request.headers['idempotence-key']).toMatch(KEY_SHAPE);
		expect(result.json()).toEqual([{ phone: '16500000000', callJobId: jobs()[0].callJobId }]);
		expectPaired(result, 1);
	});

	it('takes allowed days from an expression as a list of values or names, or as text', async () => {
		const result = await add(
			[
				{ phone: '16500000001', days: ['mon', 'fri'] },
				{ phone: '16500000002', days: ['Monday', 'Saturday'] },
				{ phone: '16500000003', days: 'tue, Wed' },
			],
			{ policy: { allowedDays: '={{ $json.days }}' } },
		);
		expect(result.status).toBe('success');
		expect((addRequests()[0].body as IDataObject[]).map((job) => job.allowedDays)).toEqual([
			['mon', 'fri'],
			['mon', 'sat'],
			['tue', 'wed'],
		]);
		const unknown = await add([{ phone: '16500000004', days: ['someday'] }], {
			policy: { allowedDays: '={{ $json.days }}' },
		});
		expect(unknown.error?.message).toBe('Allowed Days has an unknown day "som" [item 0]');
	});

	it('takes payload fields mapped from the item and allowed time as JSON', async () => {
		const result = await add([{ phone: '16500000001', first: 'Bob', order: 42 }], {
			payloadMode: 'fields',
			payloadFields: {
				field: [
					{ name: 'name', value: '={{ $json.first }}' },
					{ name: 'order', value: '={{ $json.order }}' },
				],
			},
			allowedTimeMode: 'json',
			allowedTimeJson: '{"sun": [{"localTimeFrom": "10:00", "localTimeTo": "13:00"}]}',
			policy: { gmtZone: '+3:30' },
		});
		expect(result.status).toBe('success');
		expect(addRequests()[0].body).toEqual([
			{
				phone: '16500000001',
				payload: { name: 'Bob', order: 42 },
				allowedTime: { sun: [{ localTimeFrom: '10:00', localTimeTo: '13:00' }] },
				gmtZone: '+03:30',
			},
		]);
	});

	it.each([
		[5, 5, 1],
		[6, 5, 2],
		[1, 5, 1],
		[11, 5, 3],
	])(
		'%i items with Batch Size %i → %i request(s), one item out per item in order',
		async (count, batchSize, requests) => {
			const result = await add(phones(count), { options: { batchSize } });
			expect(result.status).toBe('success');
			expect(addRequests()).toHaveLength(requests);
			expect(addRequests().map((r) => (r.body as unknown[]).length)).toEqual(
				Array.from({ length: requests }, (_, n) => Math.min(batchSize, count - n * batchSize)),
			);
			expect(result.json()).toEqual(
				jobs().map((job) => ({ phone: job.phone, callJobId: job.callJobId })),
			);
			expect(result.json().map((j) => j.phone)).toEqual(phones(count).map((p) => p.phone));
			expectPaired(result, count);
			const keys = addRequests().map((r) => r.headers['idempotence-key']);
			expect(new Set(keys).size).toBe(requests);
		},
	);

	it('adds 10 000 numbers in 20 requests of the default 500', async () => {
		const result = await add(phones(10_000));
		expect(result.status).toBe('success');
		expect(addRequests()).toHaveLength(20);
		expect(jobs()).toHaveLength(10_000);
		const out = result.json();
		expect(out).toHaveLength(10_000);
		expect(new Set(out.map((j) => j.callJobId)).size).toBe(10_000);
		expect(out[9_999]).toEqual({ phone: '16500009999', callJobId: jobs()[9_999].callJobId });
		expectPaired(result, 10_000);
	}, 120_000);

	it('splits a request the platform finds too large (413) until it fits', async () => {
		calls.maxBatch = 100;
		const result = await add(phones(250));
		expect(result.status).toBe('success');
		const sizes = addRequests().map((r) => [(r.body as unknown[]).length, r.status]);
		expect(sizes).toEqual([
			[250, 413],
			[125, 413],
			[63, 200],
			[62, 200],
			[125, 413],
			[63, 200],
			[62, 200],
		]);
		expect(jobs()).toHaveLength(250);
		expect(result.json().map((j) => j.callJobId)).toEqual(jobs().map((job) => job.callJobId));
	});
});

describe('Phone → Add: idempotence', () => {
	it('a retry after a lost answer returns the same call jobs and creates none', async () => {
		fake.inject({ path: /\/addPhones$/, drop: 'after' });
		const result = await add(phones(3));
		expect(result.status).toBe('success');
		const [first, retry] = addRequests();
		expect(first.dropped).toBe('after');
		expect(retry.headers['idempotence-key']).toBe(first.headers['idempotence-key']);
		expect(retry.rawBody).toBe(first.rawBody);
		expect(jobs()).toHaveLength(3);
		expect(calls.campaign(TOKEN).replays).toBe(1);
		expect(result.json().map((j) => j.callJobId)).toEqual(jobs().map((job) => job.callJobId));
	});

	it('retries 5xx with the same key', async () => {
		fake.inject({ path: /\/addPhones$/, status: 503, times: 2 });
		const result = await add(phones(2));
		expect(result.status).toBe('success');
		expect(addRequests().map((r) => r.status)).toEqual([503, 503, 200]);
		expect(new Set(addRequests().map((r) => r.headers['idempotence-key'])).size).toBe(1);
		expect(jobs()).toHaveLength(2);
	});

	it('re-running a failed execution does not add the committed batch again', async () => {
		const items = phones(7);
		fake.inject({ path: /\/addPhones$/, drop: 'after' });
		const failed = await add(items, {
			options: { batchSize: 4 },
			requestOptions: { maxAttempts: 1 },
		});
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(/Could not reach the Tovie platform/);
		expect(failed.error?.message).toMatch(/Phone 16500000000 was not added/);
		expect(jobs()).toHaveLength(4); // committed, answer lost

		const rerun = await add(items, {
			options: { batchSize: 4 },
			requestOptions: { maxAttempts: 1 },
		});
		expect(rerun.status).toBe('success');
		expect(jobs()).toHaveLength(7);
		expect(new Set(jobs().map((job) => job.phone)).size).toBe(7);
		expect(
			rerun
				.json()
				.slice(0, 4)
				.map((j) => j.callJobId),
		).toEqual(
			jobs()
				.slice(0, 4)
				.map((job) => job.callJobId),
		);
		expect(calls.campaign(TOKEN).replays).toBe(1);
	});

	it('a second run within 24 hours returns the same ids; after 24 hours it calls again', async () => {
		const first = await add(phones(2));
		const again = await add(phones(2));
		expect(again.json()).toEqual(first.json());
		expect(jobs()).toHaveLength(2);
		calls.advance(DAY_MS + 1);
		const later = await add(phones(2));
		expect(jobs()).toHaveLength(4);
		expect(later.json()[0].callJobId).not.toBe(first.json()[0].callJobId);
	});

	it('with Prevent Duplicate Calls off: no key, no retry of a lost answer, repeats create new jobs', async () => {
		const first = await add(phones(2), { options: { idempotent: false } });
		expect(addRequests()[0].headers['idempotence-key']).toBeUndefined();
		await add(phones(2), { options: { idempotent: false } });
		expect(jobs()).toHaveLength(4);
		expect(first.status).toBe('success');

		fake.inject({ path: /\/addPhones$/, drop: 'after' });
		const lost = await add(phones(1, 16500000100), { options: { idempotent: false } });
		expect(lost.status).toBe('error');
		expect(addRequests()).toHaveLength(3); // not repeated: it may have been committed
	});
});

describe('Phone → Add: validation before any request', () => {
	const bad: Array<[string, IDataObject, IDataObject, RegExp]> = [
		[
			'priority 6',
			{ priority: 6 },
			{ policy: { dialerPriority: '={{ $json.priority }}' } },
			/Dialer Priority must be a whole number from 1 to 5, not 6 \[item 0\]/,
		],
		[
			'attempts 0',
			{ attempts: 0 },
			{ policy: { maxAttempts: '={{ $json.attempts }}' } },
			/Call Attempts must be a whole number from 1 to 50/,
		],
		[
			'attempts 51',
			{ attempts: 51 },
			{ policy: { maxAttempts: '={{ $json.attempts }}' } },
			/Call Attempts must be a whole number from 1 to 50/,
		],
		[
			'interval 2881',
			{ interval: 2881 },
			{ policy: { retryIntervalInMinutes: '={{ $json.interval }}' } },
			/Retry Interval \(Minutes\) must be a whole number from 1 to 2880/,
		],
		[
			'start after finish',
			{},
			{ policy: { startDateTime: '2026-03-24T00:00:00Z', finishDateTime: '2026-03-23T00:00:00Z' } },
			/Start Date-Time is not before Finish Date-Time/,
		],
		[
			'bad zone',
			{},
			{ policy: { gmtZone: 'Mars/Olympus' } },
			/Time Zone "Mars\/Olympus" is neither an offset/,
		],
		['offset +19:00', {}, { policy: { gmtZone: '+19:00' } }, /Time Zone "\+19:00"/],
		[
			'overlapping windows',
			{},
			{
				allowedTimeMode: 'fields',
				allowedTimeWindows: {
					window: [
						{ day: 'mon', from: '09:00', to: '12:00' },
						{ day: 'mon', from: '11:00', to: '13:00' },
					],
				},
			},
			/Allowed Time mon has overlapping windows 09:00–12:00 and 11:00–13:00/,
		],
		[
			'window ends before start',
			{},
			{
				allowedTimeMode: 'json',
				allowedTimeJson: '{"default":[{"localTimeFrom":"18:00","localTimeTo":"09:00"}]}',
			},
			/does not end after it starts/,
		],
		[
			'bad time',
			{},
			{
				allowedTimeMode: 'json',
				allowedTimeJson: '{"default":[{"localTimeFrom":"25:00","localTimeTo":"26:00"}]}',
			},
			/is not a time/,
		],
		[
			'payload not an object',
			{},
			{ payloadMode: 'json', payloadJson: '[1]' },
			/Payload \(JSON\) must be a JSON object/,
		],
		['not a phone', { phone: 'call me' }, {}, /Phone "call me" is not a phone number/],
		['empty phone', { phone: '' }, {}, /Phone is empty/],
	];

	it.each(bad)('%s: the run stops with nothing sent', async (_name, item, parameters, message) => {
		const result = await add([{ phone: '16500000000', ...item }], parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(addRequests()).toHaveLength(0);
	});

	it('with continueOnFail: invalid items and repeated numbers become error items, the rest go in one request', async () => {
		const items = [
			{ phone: '16500000000', priority: 2 },
			{ phone: '16500000001', priority: 9 },
			{ phone: '+1 650 000 0000', priority: 3 },
			{ phone: '16500000003', priority: 3 },
		];
		const result = await add(items, { policy: { dialerPriority: '={{ $json.priority }}' } }, true);
		expect(result.status).toBe('success');
		expect(addRequests()).toHaveLength(1);
		expect((addRequests()[0].body as IDataObject[]).map((p) => p.phone)).toEqual([
			'16500000000',
			'16500000003',
		]);
		const out = result.json();
		expect(out[0]).toMatchObject({ phone: '16500000000', callJobId: expect.any(String) });
		expect(out[1].error).toMatch(
			/Dialer Priority must be a whole number from 1 to 5, not 9 \[item 1\]/,
		);
		expect(out[2].error).toMatch(/Phone 16500000000 is also in item 0 \[item 2\]/);
		expect(out[3]).toMatchObject({ phone: '16500000003', callJobId: expect.any(String) });
		expectPaired(result, 4);
	});
});

describe('Phone → Add: platform refusals', () => {
	it('phone.bad.format: the item fails naming the phone, the rest of its batch is sent again, other batches go through', async () => {
		const items = [
			{ phone: '16500000000' },
			{ phone: '12345' },
			{ phone: '16500000002' },
			{ phone: '16500000003' },
		];
		const result = await add(items, { options: { batchSize: 3 } }, true);
		expect(result.status).toBe('success');
		expect(addRequests().map((r) => [(r.body as unknown[]).length, r.status])).toEqual([
			[3, 400],
			[2, 200],
			[1, 200],
		]);
		const out = result.json();
		expect(out[1].error).toMatch(
			/^Phone 12345 was not added: The platform refused the request as invalid \[400 phone\.bad\.format\]: .*\[item 1\]$/,
		);
		expect(out.filter((j) => j.callJobId)).toHaveLength(3);
		expect(jobs().map((job) => job.phone)).toEqual(['16500000000', '16500000002', '16500000003']);
		expectPaired(result, 4);
	});

	it('phone.duplicated with phonesDuplicates: those items fail, the others are added', async () => {
		fake.inject({
			path: /\/addPhones$/,
			status: 400,
			body: {
				type: 'phone.duplicated',
				phone: '16500000001',
				phonesDuplicates: ['16500000001', '+16500000002'],
				message: 'Duplicated phones',
			},
		});
		const result = await add(phones(4), {}, true);
		const out = result.json();
		expect(out[1].error).toMatch(
			/^Phone 16500000001 was not added: .*\[400 phone\.duplicated\]: Duplicated phones \[item 1\]$/,
		);
		expect(out[1].errorDescription).toMatch(/already has this number/);
		expect(out[2].error).toMatch(/^Phone 16500000002 was not added/);
		expect(out[0].callJobId).toBeDefined();
		expect(out[3].callJobId).toBeDefined();
		expect(jobs()).toHaveLength(2);
	});

	it.each([
		[
			'invalid.dialer_priority',
			{
				type: 'invalid.dialer_priority',
				message: 'The priority value must be an integer in the range between 1 and 5 inclusive',
			},
		],
		[
			'invalid.call.allowed.time',
			{ type: 'invalid.call.allowed.time', message: 'Intervals must not overlap' },
		],
	])('%s fails every item of its batch; the next batch still goes through', async (code, body) => {
		fake.inject({ path: /\/addPhones$/, status: 400, body });
		const result = await add(phones(4), { options: { batchSize: 2 } }, true);
		const out = result.json();
		expect(out[0].error).toMatch(
			new RegExp(
				`^Phone 16500000000 was not added \\(the request with items 0–1 failed\\): .*\\[400 ${code.replace(/\./g, '\\.')}\\]`,
			),
		);
		expect(out[1].error).toMatch(/^Phone 16500000001 was not added/);
		expect(out[2].callJobId).toBeDefined();
		expect(out[3].callJobId).toBeDefined();
		expect(addRequests()).toHaveLength(2);
	});

	it('invalid.call.task.state: a stopped campaign fails every item after one request', async () => {
		calls.campaign(TOKEN).status = 'finished';
		const result = await add(phones(5), { options: { batchSize: 2 } }, true);
		expect(addRequests()).toHaveLength(1);
		const out = result.json();
		expect(out).toHaveLength(5);
		expect(out[0].error).toMatch(/\[400 invalid\.call\.task\.state\]: Campaign is stopped/);
		expect(out[4].error).toMatch(
			/^Phone 16500000004 was not added \(not sent after an earlier refusal\): .*invalid\.call\.task\.state.*\[item 4\]$/,
		);
		expectPaired(result, 5);
	});

	it('a fatal refusal that names a phone fails its whole request and sends nothing more', async () => {
		fake.inject({
			path: /\/addPhones$/,
			status: 400,
			body: {
				type: 'invalid.call.task.state',
				phone: '16500000001',
				message: 'Campaign is stopped',
			},
		});
		const result = await add(phones(4), { options: { batchSize: 2 } }, true);
		expect(addRequests()).toHaveLength(1);
		const out = result.json();
		expect(out[0].error).toMatch(
			/^Phone 16500000000 was not added \(the request with items 0–1 failed\): .*invalid\.call\.task\.state.*\[item 0\]$/,
		);
		expect(out[1].error).toMatch(
			/^Phone 16500000001 was not added \(the request with items 0–1 failed\)/,
		);
		expect(out[3].error).toMatch(
			/^Phone 16500000003 was not added \(not sent after an earlier refusal\)/,
		);
		expect(jobs()).toHaveLength(0);
		expectPaired(result, 4);
	});

	it('fewer call job IDs than numbers: the items may have been added, no plain refusal', async () => {
		fake.inject({ path: /\/addPhones$/, status: 200, body: ['job-1'] });
		const result = await add(phones(4), { options: { batchSize: 2 } }, true);
		const out = result.json();
		expect(out[0].error).toBe(
			'Phone 16500000000 may have been added: the platform accepted the request with items 0–1 but answered 1 call job IDs for 2 numbers [item 0]',
		);
		expect(out[1].error).toMatch(/^Phone 16500000001 may have been added/);
		expect(out[0].errorDescription).toMatch(/probably created.*before running again/);
		expect(out[2].callJobId).toBeDefined();
		expect(out[3].callJobId).toBeDefined();
		expect(addRequests()).toHaveLength(2);
		fake.inject({ path: /\/addPhones$/, status: 200, body: {} });
		const stopped = await add(phones(2, 16500000010));
		expect(stopped.error?.message).toMatch(
			/^Phone 16500000010 may have been added: .*answered 0 call job IDs for 2 numbers \[item 0\]$/,
		);
	});

	it('an unknown campaign token (404 invalid.token) fails every item, token redacted', async () => {
		const result = await runNode(
			'tovieCalls',
			{ resource: 'phone', operation: 'add', phone: '={{ $json.phone }}' },
			phones(2),
			{ server: 'custom', baseUrl: fake.url, callsApiToken: '1.2.UnknownSecretToken' },
			{ continueOnFail: true },
		);
		const out = result.json();
		expect(out[0].error).toMatch(/\[404 invalid\.token\]: Campaign is not found/);
		expect(out[1].error).toMatch(/^Phone 16500000001 was not added/);
		expect(result.serialized).not.toContain('UnknownSecretToken');
	});

	it('without continueOnFail the run stops at the first refused batch, naming phone and item', async () => {
		const result = await add([...phones(2), { phone: '999' }, ...phones(2, 16500000010)], {
			options: { batchSize: 2 },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			/^Phone 999 was not added: .*\[400 phone\.bad\.format\].*\[item 2\]$/,
		);
		expect(addRequests()).toHaveLength(2);
		expect(jobs()).toHaveLength(2);
	});
});
