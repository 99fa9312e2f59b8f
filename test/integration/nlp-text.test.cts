/**
 * Tovie NLP, Text resource, through n8n-core against the fake platform's NLP Direct module:
 * classification with batching (boundaries, mapping back, pairedItem, partial failures), and the
 * other text operations. Secrets are grepped for in every run.
 */
import type { IDataObject } from 'n8n-workflow';

import { retryTiming } from '../../nodes/common/transport';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { NlpModule } from '../helpers/fake-platform/nlp.cts';
import { runNode, type WorkflowResult } from '../helpers/harness.cts';

const KEY = 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b';
let fake: FakePlatform;
let nlp: NlpModule;
const credentials = () => ({ server: 'custom', baseUrl: fake.url, nlpApiKey: KEY });
const inference = () => fake.requestsTo('POST', /\/nlu\/inference(-multiple)?$/);

function expectNoSecret(result: WorkflowResult): void {
	expect(result.serialized).not.toContain(KEY);
	expect(result.serialized).not.toContain(encodeURIComponent(KEY));
}

async function classify(texts: unknown[], parameters: IDataObject = {}, continueOnFail = false) {
	return await runNode(
		'tovieNlp',
		{ resource: 'text', operation: 'classify', text: '={{ $json.text }}', ...parameters },
		texts.map((text) => ({ text }) as IDataObject),
		credentials(),
		{ continueOnFail },
	);
}

beforeAll(async () => {
	fake = await startFakePlatform({
		modules: [(platform) => new NlpModule(platform, { keys: [KEY] })],
	});
	nlp = fake.module(NlpModule);
	retryTiming.baseDelayMs = 1;
	retryTiming.maxDelayMs = 5;
});
afterAll(async () => await fake.close());
beforeEach(() => fake.reset());

describe('Text → Classify', () => {
	it('classifies many items in one inference-multiple request and maps results back in order', async () => {
		const result = await classify([
			'hello',
			'I want to book a table',
			'see you later',
			'quantum chromodynamics',
		]);
		expect(result.status).toBe('success');
		expect(inference()).toHaveLength(1);
		expect(inference()[0].path).toBe(`/cailapub/api/caila/p/${KEY}/nlu/inference-multiple`);
		expect((inference()[0].body as IDataObject).phrases).toHaveLength(4);
		const out = result.json();
		expect(out.map((item) => item.intent)).toEqual([
			'/Greeting',
			'/Booking/Table',
			'/Goodbye',
			null,
		]);
		expect(out[0]).toMatchObject({
			text: 'hello',
			confidence: 1,
			answer: 'Hello! How can I help?',
		});
		expect(out[1].variants).toEqual(
			expect.arrayContaining([{ intent: '/Booking/Table', confidence: 1 }]),
		);
		expect(out[3]).toMatchObject({ intent: null, confidence: 0, variants: [] });
		expect(result.output().map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		expectNoSecret(result);
	});

	it('splits at the batch size: 1, exactly the size, size + 1', async () => {
		const phrases = (n: number) => Array.from({ length: n }, (_v, i) => (i % 2 ? 'hello' : 'bye'));
		for (const [count, size, requests] of [
			[1, 3, 1],
			[3, 3, 1],
			[4, 3, 2],
			[7, 3, 3],
			[5, 1, 5],
		]) {
			fake.reset();
			const result = await classify(phrases(count), { options: { batchSize: size } });
			expect(result.json()).toHaveLength(count);
			expect(inference()).toHaveLength(requests);
			for (const request of inference()) {
				const sent = ((request.body as IDataObject).phrases as unknown[] | undefined)?.length ?? 1;
				expect(sent).toBeLessThanOrEqual(size);
			}
			expect(result.json().map((item) => item.intent)).toEqual(
				phrases(count).map((p) => (p === 'hello' ? '/Greeting' : '/Goodbye')),
			);
		}
		// A batch of one goes to POST /nlu/inference.
		expect(fake.requestsTo('POST', /\/nlu\/inference$/)).toHaveLength(5);
	});

	it('returns the raw answer with Simplify off, with the requested number of variants', async () => {
		const result = await classify(['book a table please'], {
			simplify: false,
			options: { nBest: 2 },
		});
		const [item] = result.json();
		expect(item.text).toBe('book a table please');
		expect((item.phrase as IDataObject).text).toBe('book a table please');
		expect((item.variants as IDataObject[]).length).toBeLessThanOrEqual(2);
		expect(((item.variants as IDataObject[])[0].intent as IDataObject).path).toBe('/Booking/Table');
		expect((inference()[0].body as IDataObject).nBest).toBe(2);
	});

	it('sends items with a client ID one per request, with the client ID and context headers', async () => {
		const result = await classify(['hello', 'bye'], {
			options: { clientId: 'user-7', timezone: 'Europe/Paris', refTime: '2026-01-31T10:00:00Z' },
		});
		expect(result.json().map((item) => item.intent)).toEqual(['/Greeting', '/Goodbye']);
		expect(inference()).toHaveLength(2);
		expect(inference()[0].body).toMatchObject({ phrase: { text: 'hello' }, clientId: 'user-7' });
		expect(inference()[0].headers['z-timezone']).toBe('Europe/Paris');
		expect(inference()[0].headers['z-reftime']).toBe(String(Date.parse('2026-01-31T10:00:00Z')));
	});

	it('rejects an empty phrase before any request, naming the field and the item', async () => {
		const result = await classify(['hello', '   ']);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Text is empty [item 1]');
		expect(fake.requests).toHaveLength(0);
	});

	it('with continueOnFail, an empty phrase fails alone and the others are still classified in one request', async () => {
		const result = await classify(['hello', '', 'bye'], {}, true);
		expect(result.status).toBe('success');
		expect(result.json()).toEqual([
			expect.objectContaining({ intent: '/Greeting' }),
			expect.objectContaining({ error: 'Text is empty [item 1]' }),
			expect.objectContaining({ intent: '/Goodbye' }),
		]);
		expect(result.output().map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(inference()).toHaveLength(1);
	});

	it('fails the items of a failed batch only (continueOnFail) and keeps the key out of errors', async () => {
		fake.inject({
			path: /inference-multiple$/,
			status: 400,
			body: { error: 'caila.common.validation_error', message: `bad batch for ${KEY}`, args: {} },
		});
		const result = await classify(
			['hello', 'bye', 'hello', 'bye'],
			{ options: { batchSize: 2 } },
			true,
		);
		const out = result.json();
		expect(out[0].error).toMatch(/bad batch/);
		expect(out[1].error).toMatch(/bad batch/);
		expect(out[2].intent).toBe('/Greeting');
		expect(out[3].intent).toBe('/Goodbye');
		expectNoSecret(result);
	});

	it('without continueOnFail a platform error stops the workflow with the platform message', async () => {
		nlp.maxBatch = 2;
		const result = await classify(['hello', 'bye', 'hello'], { options: { batchSize: 3 } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Too many phrases: 3 > 2/);
		expectNoSecret(result);
	});

	it('retries a 503 on inference-multiple (a read-only POST)', async () => {
		fake.inject({ path: /inference-multiple$/, status: 503 });
		const result = await classify(['hello', 'bye']);
		expect(result.status).toBe('success');
		expect(inference()).toHaveLength(2);
	});

	it('names the key as wrong without showing it when the platform rejects it', async () => {
		const result = await runNode(
			'tovieNlp',
			{ resource: 'text', operation: 'classify', text: 'hello' },
			[{}],
			{ server: 'custom', baseUrl: fake.url, nlpApiKey: 'wrong-key-0123456789' },
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/401/);
		expect(result.serialized).not.toContain('wrong-key-0123456789');
	});
});

describe('Text → other operations', () => {
	const run = async (operation: string, parameters: IDataObject, continueOnFail = false) =>
		await runNode('tovieNlp', { resource: 'text', operation, ...parameters }, [{}], credentials(), {
			continueOnFail,
		});

	it('Find Entities returns project and system entities', async () => {
		const result = await run('findEntities', {
			text: 'two tickets to NYC for 2 people',
			options: { showAll: true },
		});
		const [item] = result.json();
		expect((item.entities as IDataObject[]).map((e) => [e.entity, e.value])).toEqual([
			['city', 'New York'],
			['duckling.number', '2'],
		]);
		expect(fake.requestsTo('GET', /nlu\/entities$/)[0].query).toMatchObject({
			query: 'two tickets to NYC for 2 people',
			showAll: 'true',
		});
		expectNoSecret(result);
	});

	it('Analyze returns markup, entities and inference', async () => {
		const result = await run('analyze', { text: 'hello from London', options: { nBest: 2 } });
		const [item] = result.json();
		expect(Object.keys(item)).toEqual(
			expect.arrayContaining(['markup', 'entitiesLookup', 'inference']),
		);
		expect(((item.inference as IDataObject).variants as IDataObject[])[0]).toMatchObject({
			intent: { path: '/Greeting' },
		});
		expect(fake.requestsTo('POST', /nlu\/analyze$/)[0].body).toMatchObject({
			data: { phrase: { text: 'hello from London' }, nBest: 2 },
		});
	});

	it('Markup gives the spelling-corrected text (Simplify) or the raw markup', async () => {
		const simple = await run('markup', { text: 'I like tovye bookng' });
		expect(simple.json()[0]).toEqual({
			text: 'I like tovye bookng',
			correctedText: 'I like tovie booking',
			words: ['I', 'like', 'tovie', 'booking'],
			lemmas: ['i', 'like', 'tovie', 'booking'],
		});
		const raw = await run('markup', { text: 'hi', simplify: false });
		expect(raw.json()[0]).toMatchObject({
			source: 'hi',
			correctedText: 'hi',
			words: [expect.objectContaining({ word: 'hi' })],
		});
	});

	it('Detect Language, Conform and Inflect (text/plain answers, repeated tags)', async () => {
		expect((await run('detectLanguage', { text: 'привет' })).json()).toEqual([
			{ text: 'привет', language: 'ru' },
		]);
		expect((await run('conform', { text: 'apple', number: 5 })).json()).toEqual([
			{ text: 'apple', number: 5, result: 'apples' },
		]);
		expect((await run('inflect', { text: 'apple', tags: 'plur, gent' })).json()).toEqual([
			{ text: 'apple', tags: ['plur', 'gent'], result: 'apples' },
		]);
		expect(fake.requestsTo('GET', /nlu\/inflect$/)[0].rawPath).toContain('tags=plur&tags=gent');
	});

	it('validates before sending: empty text, empty tags, a fractional number', async () => {
		expect((await run('findEntities', { text: '={{ "" }}' })).error?.message).toBe(
			'Text is empty [item 0]',
		);
		expect((await run('inflect', { text: 'apple', tags: ' , ' })).error?.message).toBe(
			'Tags is empty [item 0]',
		);
		expect((await run('conform', { text: 'apple', number: 1.5 })).error?.message).toBe(
			'Number must be a whole number, not 1.5 [item 0]',
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('turns a platform failure into an error item under continueOnFail', async () => {
		fake.inject({
			path: /nlu\/markup$/,
			status: 400,
			body: { error: 'caila.common.validation_error', message: 'query too long', args: {} },
		});
		const result = await run('markup', { text: 'hi' }, true);
		expect(result.json()[0].error).toMatch(/query too long/);
		expect(result.output()[0].pairedItem).toEqual({ item: 0 });
	});
});
