/**
 * Tovie NLP, project export/import and training through n8n-core against the fake NLP Direct
 * module: wait-for-training (success, failure keeping the previous model, timeout), and an
 * export → modify → import → train → classify round trip.
 */
import type { IDataObject } from 'n8n-workflow';

import { retryTiming } from '../../nodes/common/transport';
import { trainingTiming } from '../../nodes/Nlp/helpers/training';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { NlpModule } from '../helpers/fake-platform/nlp.cts';
import { runNode, runWorkflow, type WorkflowResult } from '../helpers/harness.cts';

const KEY = 'c0ffee00-1234-4abc-8def-9876543210ab';
let fake: FakePlatform;
let nlp: NlpModule;
const credentials = () => ({ server: 'custom', baseUrl: fake.url, nlpApiKey: KEY });
const sleeps: number[] = [];

const run = async (
	resource: string,
	operation: string,
	parameters: IDataObject,
	continueOnFail = false,
) =>
	await runNode('tovieNlp', { resource, operation, ...parameters }, [{}], credentials(), {
		continueOnFail,
	});

function expectNoSecret(result: WorkflowResult): void {
	expect(result.serialized).not.toContain(KEY);
}

beforeAll(async () => {
	fake = await startFakePlatform({
		modules: [(platform) => new NlpModule(platform, { keys: [KEY], trainingMs: 120 })],
	});
	nlp = fake.module(NlpModule);
	retryTiming.baseDelayMs = 1;
	retryTiming.maxDelayMs = 5;
	// Polls wait 1/100 of the planned time for real; the planned times are recorded.
	trainingTiming.sleep = async (ms: number) => {
		sleeps.push(ms);
		await new Promise((resolve) => setTimeout(resolve, ms / 100));
	};
});
afterAll(async () => await fake.close());
beforeEach(() => {
	fake.reset();
	sleeps.length = 0;
});

describe('Model → Train and Get Training Status', () => {
	it('waits until training is READY, with backoff, and outputs the final status', async () => {
		const result = await run('model', 'train', { wait: true });
		expect(result.status).toBe('success');
		const [item] = result.json();
		expect(item).toMatchObject({ incremental: true, trainingStatus: 'READY', lastError: null });
		expect(Object.keys(item).length).toBeLessThanOrEqual(10); // Simplify
		expect(item.polls).toBeGreaterThanOrEqual(2);
		// The fake trains for 120 ms of wall time, so how many polls that takes depends on the load;
		// the waits themselves always grow by half from 3 s.
		expect(sleeps.length).toBeGreaterThanOrEqual(2);
		expect(sleeps).toEqual(sleeps.map((_ms, n) => Math.min(30_000, 3000 * 1.5 ** n)));
		expect(
			fake.requests.map((r) => `${r.method} ${r.path.split('/').slice(-2).join('/')}`).slice(0, 2),
		).toEqual(['GET nlu/status', 'POST nlu/train']);
		expect(fake.requestsTo('POST', /nlu\/train$/)[0].query.incremental).toBe('true');
		expectNoSecret(result);
	});

	it('a failed training is an error, and the previous model stays in use', async () => {
		await run('intent', 'update', {
			intent: { mode: 'path', value: '/Greeting' },
			phraseMode: 'replace',
			phrases: ['salutations'],
		});
		nlp.failNextTraining('Intent /Greeting: not enough phrases', KEY);
		const result = await run('model', 'train', { wait: true, options: { incremental: false } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Training ended with status FAILED: Intent /Greeting: not enough phrases',
		);
		expect(result.error?.description).toMatch(/keeps its previous model/);
		const classified = await run('text', 'classify', { text: 'hello' });
		expect(classified.json()[0].intent).toBe('/Greeting'); // the old model still knows "hello"
		const status = (await run('model', 'getStatus', {})).json()[0];
		expect(status).toMatchObject({
			trainingStatus: 'FAILED',
			lastError: 'Intent /Greeting: not enough phrases',
		});
		// Its times come out as ISO 8601 in the workflow's zone (New York), like every output date.
		expect(status.lastChangeInIntents).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-0[45]:00$/);
		expect(status.lastModelTrainStart).toMatch(/-0[45]:00$/);
		const soft = await run('model', 'train', { wait: true }, true);
		expect(soft.status).toBe('success'); // failNext was used up: this one succeeds
	});

	it('gives up after the timeout with an error (continueOnFail: an error item)', async () => {
		nlp.trainingMs = 10_000_000;
		const result = await run(
			'model',
			'train',
			{ wait: true, options: { timeout: 10, pollInterval: 2 } },
			true,
		);
		expect(result.json()[0].error).toBe(
			'Training did not finish within 10 seconds (status TRAINING)',
		);
		expect(sleeps.reduce((a, b) => a + b, 0)).toBe(10_000);
		expect(result.output()[0].pairedItem).toEqual({ item: 0 });
	});

	it('without waiting, starts training and returns; Get Training Status shows TRAINING', async () => {
		nlp.trainingMs = 10_000_000;
		expect((await run('model', 'train', { wait: false })).json()).toEqual([
			{ trainingStarted: true, incremental: true },
		]);
		expect(fake.requestsTo('GET', /nlu\/status$/)).toHaveLength(0);
		expect((await run('model', 'getStatus', {})).json()[0]).toMatchObject({
			trainingStatus: 'TRAINING',
		});
	});

	it('reports a rejected train call with the platform message', async () => {
		fake.inject({
			path: /nlu\/train$/,
			status: 409,
			body: { error: 'caila.train.in_progress', message: 'Training is already running', args: {} },
		});
		const result = await run('model', 'train', { wait: true });
		expect(result.error?.message).toMatch(
			/409 caila\.train\.in_progress.*Training is already running/,
		);
		expect(fake.requestsTo('POST', /nlu\/train$/)).toHaveLength(1); // a POST train is never repeated
		expectNoSecret(result);
	});
});

describe('Project → Export and Import', () => {
	it('export → modify → import → train → classify round trip', async () => {
		const before = await run('text', 'classify', { text: 'what is the weather' });
		expect(before.json()[0].intent).toBeNull();
		const result = await runWorkflow({
			credentials: credentials(),
			nodes: [
				{
					name: 'Export',
					type: 'tovieNlp',
					parameters: { resource: 'project', operation: 'export' },
				},
				{
					name: 'Import',
					type: 'tovieNlp',
					parameters: {
						resource: 'project',
						operation: 'import',
						project:
							'={{ JSON.stringify(Object.assign({}, $json, { intents: $json.intents.concat([{ path: "/Weather", phrases: [{ text: "what is the weather" }] }]) })) }}',
					},
				},
				{
					name: 'Train',
					type: 'tovieNlp',
					parameters: { resource: 'model', operation: 'train', wait: true },
				},
				{
					name: 'Classify',
					type: 'tovieNlp',
					parameters: {
						resource: 'text',
						operation: 'classify',
						text: 'what is the weather today',
					},
				},
			],
		});
		expect(result.status).toBe('success');
		expect(result.json('Export')[0]).toMatchObject({
			settings: expect.objectContaining({ language: 'en' }),
			intents: expect.any(Array),
			entities: expect.any(Array),
		});
		expect(result.json('Import')).toEqual([
			{ imported: true, intents: 4, entities: 1, language: 'en' },
		]);
		expect(result.json('Train')[0].trainingStatus).toBe('READY');
		expect(result.json()[0]).toMatchObject({ intent: '/Weather' });
		expectNoSecret(result);
	});

	it('exports as a binary file and imports that file', async () => {
		const result = await runWorkflow({
			credentials: credentials(),
			nodes: [
				{
					name: 'Export',
					type: 'tovieNlp',
					parameters: {
						resource: 'project',
						operation: 'export',
						output: 'binary',
						fileName: 'backup.json',
					},
				},
				{
					name: 'Import',
					type: 'tovieNlp',
					parameters: {
						resource: 'project',
						operation: 'import',
						source: 'binary',
						simplify: false,
					},
				},
			],
		});
		expect(result.status).toBe('success');
		const exported = result.output('Export')[0];
		expect(exported.json).toMatchObject({ intents: 3, entities: 1, fileName: 'backup.json' });
		expect(exported.binary!.data).toMatchObject({
			fileName: 'backup.json',
			mimeType: 'application/json',
		});
		expect(
			(result.json('Import')[0].intents as IDataObject[]).map((intent) => intent.path),
		).toEqual(['/Greeting', '/Booking/Table', '/Goodbye']);
		expectNoSecret(result);
	});

	it('validates the import before sending: invalid JSON, not a project, malformed intent paths', async () => {
		expect((await run('project', 'import', { project: '{"intents": [' })).error?.message).toBe(
			'Project (JSON) is not valid JSON [item 0]',
		);
		expect((await run('project', 'import', { project: '[1, 2]' })).error?.message).toBe(
			'Project (JSON) must be a JSON object as written by Export [item 0]',
		);
		expect((await run('project', 'import', { project: '{"foo": 1}' })).error?.message).toBe(
			'Project (JSON) has no settings, intents or entities [item 0]',
		);
		expect(
			(
				await run('project', 'import', {
					project: '{"intents": [{"path": "/Ok"}, {"path": "NoSlash"}]}',
				})
			).error?.message,
		).toBe('Project (JSON) → intents #2 path is not a valid intent path: "NoSlash" [item 0]');
		expect(fake.requests).toHaveLength(0);
	});

	it('retries an export that fails with 502 (a read-only POST) and reports a lasting failure', async () => {
		fake.inject({ path: /\/export$/, status: 502 });
		expect((await run('project', 'export', {})).status).toBe('success');
		fake.inject({ path: /\/export$/, status: 502, times: 3 });
		const failed = await run('project', 'export', {}, true);
		expect(failed.json()[0].error).toMatch(/502/);
		expect(fake.requestsTo('POST', /\/export$/)).toHaveLength(5);
	});
});
