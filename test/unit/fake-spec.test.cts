/**
 * The fake platform enforces the vendor specs (test/helpers/fake-platform/spec.cts): a request a
 * spec forbids is answered with the spec's error status in the module's error shape and listed in
 * `fake.specViolations`; an allowed one reaches the module. Skipped, with the spec module's one
 * notice, where ../shared/specs is absent.
 */
import { ChannelsModule } from '../helpers/fake-platform/channels.cts';
import { ReporterModule } from '../helpers/fake-platform/reporter.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { checkRequest, specBinding, specsAvailable } from '../helpers/fake-platform/spec.cts';
import { TextCampaignModule } from '../helpers/fake-platform/textCampaigns.cts';

const TOKEN = 'spec-test-token-4f1a';
const T = '/api/v1/text-campaign-service';
const R = '/api/v1/reporter';

const withSpecs = specsAvailable() ? describe : describe.skip;

let fake: FakePlatform;
let campaignId: number;

async function call(method: string, path: string, body?: unknown) {
	const response = await fetch(fake.url + path, {
		method,
		headers: {
			Authorization: `Bearer ${TOKEN}`,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		body: text ? (JSON.parse(text) as Record<string, any>) : undefined,
	};
}

beforeAll(async () => {
	fake = await startFakePlatform({
		modules: [
			(platform) => new ChannelsModule(platform, { tokens: [TOKEN] }),
			(platform) =>
				new TextCampaignModule(platform, {
					tokens: [TOKEN],
					channels: platform.module(ChannelsModule),
				}),
			(platform) => new ReporterModule(platform, { tokens: [TOKEN] }),
		],
	});
});
beforeEach(() => {
	fake.reset();
	fake.takeSpecViolations();
	fake
		.module(ChannelsModule)
		.addProject('acme-bot', 'SpecTest:0123456789abcdef0123456789abcdef01234567');
	campaignId = fake.module(TextCampaignModule).addCampaign('acme-bot', 'Spec check').id;
});
afterAll(async () => await fake.close());

withSpecs('the fake refuses what the vendor specs forbid', () => {
	const put = (body: Record<string, unknown>) =>
		call('PUT', `${T}/projects/acme-bot/text-campaigns/${campaignId}`, body);

	it('a value below the minimum (delayBetweenSending 0 < 1): 400 in the gateway shape, listed', async () => {
		const answer = await put({ name: 'Spec check', delayBetweenSending: 0 });
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({
			error: 'textcampaign.common.validation_error',
			message: expect.stringContaining('body.delayBetweenSending should be >= 1'),
		});
		expect(fake.takeSpecViolations()).toEqual([
			'PUT /api/v1/text-campaign-service/projects/{projectShortName}/text-campaigns/{textCampaignId} (text-campaign-api.yml): body.delayBetweenSending should be >= 1',
		]);
		// The module never saw it: nothing changed.
		expect(fake.requests[0].committed).toBe(false);
		expect(fake.module(TextCampaignModule).campaigns.get(campaignId)?.name).toBe('Spec check');
	});

	it('an allowed request reaches the module and is counted as checked', async () => {
		const before = fake.specChecked;
		const answer = await put({ name: 'Spec check', delayBetweenSending: 1, threadCount: 10 });
		expect(answer.status).toBe(200);
		expect(fake.specChecked).toBe(before + 1);
		expect(fake.specViolations).toEqual([]);
	});

	it('types, maximums and a required body', async () => {
		expect((await put({ name: 'Spec check', threadCount: 11 })).status).toBe(400);
		expect((await put({ name: 'Spec check', threadCount: '2' })).status).toBe(400);
		expect((await call('PUT', `${T}/projects/acme-bot/text-campaigns/${campaignId}`)).status).toBe(
			400,
		);
		expect(fake.takeSpecViolations()).toEqual([
			expect.stringContaining('body.threadCount should be <= 10'),
			expect.stringContaining('body.threadCount should be integer'),
			expect.stringContaining('body is required'),
		]);
	});

	it('path and query parameters: types, enums, date-time formats', async () => {
		expect((await call('GET', `${T}/projects/acme-bot/text-campaigns/abc`)).status).toBe(400);
		expect(
			(await call('GET', `${T}/projects/acme-bot/text-campaigns?statuses=RUNNING_LATE`)).status,
		).toBe(400);
		expect(
			(await call('GET', `${T}/projects/acme-bot/text-campaigns?creationTimeFrom=yesterday`))
				.status,
		).toBe(400);
		const violations = fake.takeSpecViolations();
		expect(violations).toHaveLength(3);
		expect(violations[0]).toContain('path.textCampaignId should be integer');
		expect(violations[1]).toMatch(/query\.statuses.*should be equal to one of the allowed values/);
		expect(violations[2]).toContain('query.creationTimeFrom should match format "date-time"');
		// With or without a zone, both accepted (the zone reading is the fake's `dates` switch).
		for (const time of [
			'2024-06-03T15:30:00',
			'2024-06-03T15:30:00.000Z',
			'2024-06-03T15:30:00+03:00',
		])
			expect(
				(
					await call(
						'GET',
						`${T}/projects/acme-bot/text-campaigns?creationTimeFrom=${encodeURIComponent(time)}`,
					)
				).status,
			).toBe(200);
		expect(fake.specViolations).toEqual([]);
	});

	it('a discriminated Reporter filter is checked as its type (TextFilter needs isCaseSensitive)', async () => {
		const filter = {
			key: 'CLIENT_ID_OR_NAME',
			type: 'TEXT',
			values: ['42'],
			comparisonType: 'CONTAINS',
		};
		const path = `${R}/sessions/filter?projectShortName=acme-bot&page=0&size=10`;
		expect((await call('POST', path, { filters: [filter] })).status).toBe(400);
		expect(fake.takeSpecViolations()).toEqual([
			"POST /api/v1/reporter/sessions/filter (reporter-api.yml): body.filters.0 should have required property 'isCaseSensitive'",
		]);
		expect(
			(await call('POST', path, { filters: [{ ...filter, isCaseSensitive: false }] })).status,
		).toBe(200);
		expect((await call('POST', path, { filters: [{ ...filter, type: 'FUZZY' }] })).status).toBe(
			400,
		);
		expect(fake.takeSpecViolations()).toEqual([
			expect.stringContaining('body.filters.0.type should be equal to one of the allowed values'),
		]);
	});

	it('a path or method the spec does not have: 404 / 405', () => {
		const binding = specBinding(['text-campaign-api.yml'], () => ({ status: 400 }));
		const request = (method: string, path: string) => ({
			method,
			path,
			rawPath: path,
			body: undefined,
			rawBody: '',
		});
		expect(
			checkRequest(binding, request('POST', `${T}/projects/acme-bot/text-campaigns/7`)),
		).toEqual(
			expect.objectContaining({ status: 405, problems: ['the spec has no POST on this path'] }),
		);
		expect(checkRequest(binding, request('GET', `${T}/invented`))).toEqual(
			expect.objectContaining({
				status: 404,
				problems: ['no operation of the spec has this path'],
			}),
		);
		// A literal segment wins over a parameter: chat-history is not a template uuid.
		expect(
			checkRequest(binding, request('GET', `${T}/dynamics/sending-templates/chat-history`))
				?.operation,
		).toContain('/sending-templates/chat-history');
	});

	it('the spec defects are overridden (Project PUT has an int64 `id`; JsonNode is any JSON)', async () => {
		expect((await call('PUT', '/api/v1/projects/not-a-number', { name: 'x' })).status).toBe(400);
		expect(fake.takeSpecViolations()).toEqual([
			expect.stringContaining('path.id should be integer'),
		]);
		// jgraphReplies is a JsonNode: an array of replies is allowed.
		const answer = await put({ name: 'Spec check', jgraphReplies: [{ type: 'text', text: 'Hi' }] });
		expect(answer.status).toBe(200);
		expect(fake.specViolations).toEqual([]);
	});
});

describe('where the specs are absent', () => {
	it('nothing is checked, with one notice', () => {
		jest.isolateModules(() => {
			const previous = process.env.TOVIE_SPECS_DIR;
			process.env.TOVIE_SPECS_DIR = '/nonexistent/specs';
			const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
			try {
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				const spec =
					require('../helpers/fake-platform/spec.cts') as typeof import('../helpers/fake-platform/spec.cts');
				const binding = spec.specBinding(['text-campaign-api.yml'], () => ({ status: 400 }));
				const request = { method: 'GET', path: '/x', rawPath: '/x', body: undefined, rawBody: '' };
				expect(spec.checkRequest(binding, request)).toBeUndefined();
				expect(spec.checkRequest(binding, request)).toBeUndefined();
				expect(write).toHaveBeenCalledTimes(1);
				expect(String(write.mock.calls[0][0])).toContain('not checked against the vendor specs');
			} finally {
				write.mockRestore();
				if (previous === undefined) delete process.env.TOVIE_SPECS_DIR;
				else process.env.TOVIE_SPECS_DIR = previous;
			}
		});
	});

	it('the binding helpers are usable without specs', () => {
		expect(specBinding(['calls.yml'], () => ({ status: 400 })).files).toEqual(['calls.yml']);
		expect(typeof checkRequest).toBe('function');
	});
});
