/**
 * Tovie NLP, project management through n8n-core against the fake NLP Direct module: intents,
 * entities, entity records, project export/import (JSON and binary), speller dictionary.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { NlpModule } from '../helpers/fake-platform/nlp.cts';
import {
	registerNodeType,
	runNode,
	runWorkflow,
	type WorkflowResult,
} from '../helpers/harness.cts';

const KEY = 'b7e2d9c0-1a2b-4c3d-9e8f-001122334455';
let fake: FakePlatform;
let nlp: NlpModule;
const credentials = () => ({ server: 'custom', baseUrl: fake.url, nlpApiKey: KEY });
const project = () => nlp.project(KEY);
const intentByPath = (path: string) =>
	[...project().intents.values()].find((intent) => intent.path === path);
const entityByName = (name: string) =>
	[...project().entities.values()].find((entity) => entity.name === name)!;

/** `test.toBinary`: puts `$json.content` into the binary field `data` (fixtures are built in tests). */
class ToBinary implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'To Binary',
		name: 'test.toBinary',
		group: ['transform'],
		version: 1,
		description: 'Makes a file',
		defaults: { name: 'To Binary' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const data = await this.helpers.prepareBinaryData(
				Buffer.from(String(items[i].json.content), 'utf8'),
				String(items[i].json.fileName ?? 'file.json'),
			);
			out.push({ json: {}, binary: { data }, pairedItem: { item: i } });
		}
		return [out];
	}
}
registerNodeType('test.toBinary', new ToBinary() as unknown as INodeType);

function expectNoSecret(result: WorkflowResult): void {
	expect(result.serialized).not.toContain(KEY);
}

const run = async (
	resource: string,
	operation: string,
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	continueOnFail = false,
) =>
	await runNode('tovieNlp', { resource, operation, ...parameters }, items, credentials(), {
		continueOnFail,
	});

const withFile = async (content: string, parameters: IDataObject, continueOnFail = false) =>
	await runWorkflow({
		items: [{ content }],
		credentials: credentials(),
		nodes: [{ type: 'test.toBinary' }, { type: 'tovieNlp', parameters, continueOnFail }],
	});

beforeAll(async () => {
	fake = await startFakePlatform({
		modules: [(platform) => new NlpModule(platform, { keys: [KEY], trainingMs: 50 })],
	});
	nlp = fake.module(NlpModule);
});
afterAll(async () => await fake.close());
beforeEach(() => fake.reset());

describe('Intent', () => {
	it('Create sends the path, phrases and fields, answers 201 with the intent', async () => {
		const result = await run('intent', 'create', {
			path: '/Order/Status',
			phrases: ['where is my order', 'order status'],
			additionalFields: {
				answer: 'Let me check.',
				customData: '{"team":"support"}',
				patterns: ['* order *'],
			},
		});
		expect(result.status).toBe('success');
		expect(result.json()[0]).toMatchObject({
			path: '/Order/Status',
			answer: 'Let me check.',
			customData: '{"team":"support"}',
			phrases: [{ text: 'where is my order' }, { text: 'order status' }],
		});
		expect(fake.requestsTo('POST', /\/intents$/)[0].status).toBe(201);
		expectNoSecret(result);
	});

	it('Create validates the path, the phrases and the custom data before any request', async () => {
		expect((await run('intent', 'create', { path: 'Order', phrases: ['x'] })).error?.message).toBe(
			'Path is not a valid intent path: "Order" [item 0]',
		);
		expect((await run('intent', 'create', { path: '/Order', phrases: [] })).error?.message).toBe(
			'Phrases is empty [item 0]',
		);
		expect(
			(await run('intent', 'create', { path: '/Order', phrases: [' ', ''] })).error?.message,
		).toBe('Phrases is empty [item 0]');
		expect(
			(
				await run('intent', 'create', {
					path: '/Order',
					phrases: ['a'],
					additionalFields: { customData: '{oops' },
				})
			).error?.message,
		).toBe('Custom Data (JSON) is not valid JSON [item 0]');
		expect(fake.requests).toHaveLength(0);
	});

	it('Create reports a duplicate path (409) and continues with continueOnFail', async () => {
		const result = await run(
			'intent',
			'create',
			{ path: '={{ $json.path }}', phrases: ['={{ $json.phrase }}'] },
			[
				{ path: '/Greeting', phrase: 'hey' },
				{ path: '/New', phrase: 'new one' },
			],
			true,
		);
		expect(result.json()[0].error).toMatch(/409.*\/Greeting already exists/);
		expect(result.json()[1]).toMatchObject({ path: '/New' });
		expect(result.output().map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('Get by path, by ID and from the list; an unknown path is an error naming the field', async () => {
		const id = intentByPath('/Greeting')!.id;
		for (const intent of [
			{ mode: 'path', value: '/Greeting' },
			{ mode: 'id', value: String(id) },
			{ mode: 'list', value: '/Greeting' },
		]) {
			const result = await run('intent', 'get', { intent });
			expect(result.json()[0]).toMatchObject({
				id,
				path: '/Greeting',
				phrases: expect.arrayContaining([{ text: 'hello' }]),
			});
		}
		expect(fake.requestsTo('POST', /get-by-paths$/)[0].rawPath).toContain('paths=%2FGreeting');
		const missing = await run('intent', 'get', { intent: { mode: 'path', value: '/Nope' } });
		expect(missing.error?.message).toBe('Intent "/Nope" does not exist in the project [item 0]');
		const malformed = await run('intent', 'get', { intent: { mode: 'path', value: 'Greeting' } });
		expect(malformed.error?.message).toBe('Intent is not a valid intent path: "Greeting" [item 0]');
		const wrongId = await run('intent', 'get', { intent: { mode: 'id', value: '999999' } });
		expect(wrongId.error?.message).toMatch(/404.*Intent 999999 not found/);
	});

	it('Get Many lists, limits, searches and adds details in one extra request', async () => {
		expect((await run('intent', 'getAll', { returnAll: true })).json()).toHaveLength(3);
		expect((await run('intent', 'getAll', { limit: 2 })).json()).toHaveLength(2);
		const found = await run('intent', 'getAll', { returnAll: true, filters: { phrases: 'TABLE' } });
		expect(found.json()).toEqual([
			expect.objectContaining({ path: '/Booking/Table', itemsCount: 3 }),
		]);
		fake.reset();
		const detailed = await run('intent', 'getAll', { returnAll: true, details: true });
		expect(detailed.json().every((intent) => Array.isArray(intent.phrases) && intent.answer)).toBe(
			true,
		);
		expect(fake.requests).toHaveLength(2);
	});

	it('Update adds, removes and replaces phrases, and moves the intent with its children', async () => {
		await run('intent', 'update', {
			intent: { mode: 'path', value: '/Greeting' },
			phraseMode: 'add',
			phrases: ['hey', 'HELLO'],
		});
		expect(intentByPath('/Greeting')!.phrases.map((p) => p.text)).toEqual([
			'hello',
			'hi there',
			'good morning',
			'hey',
		]);
		await run('intent', 'update', {
			intent: { mode: 'path', value: '/Greeting' },
			phraseMode: 'remove',
			phrases: ['hi there'],
		});
		expect(intentByPath('/Greeting')!.phrases.map((p) => p.text)).toEqual([
			'hello',
			'good morning',
			'hey',
		]);
		const replaced = await run('intent', 'update', {
			intent: { mode: 'path', value: '/Booking' },
			phraseMode: 'replace',
			phrases: ['booking'],
		});
		expect(replaced.error?.message).toBe(
			'Intent "/Booking" does not exist in the project [item 0]',
		);
		const moved = await run('intent', 'update', {
			intent: { mode: 'path', value: '/Booking/Table' },
			updateFields: { path: '/Reservations/Table', answer: 'How many?' },
		});
		expect(moved.json()[0]).toMatchObject({
			path: '/Reservations/Table',
			answer: 'How many?',
			affectedIntents: [],
		});
		expect(intentByPath('/Reservations/Table')!.phrases).toHaveLength(3);
		expect(fake.requestsTo('POST', /recursive-update$/)).toHaveLength(3);
		const nothing = await run('intent', 'update', { intent: { mode: 'path', value: '/Greeting' } });
		expect(nothing.error?.message).toBe('Update Fields is empty [item 0]');
	});

	it('Delete puts all items into one delete-multiple request per kind (ids, paths) and answers { deleted: true }', async () => {
		const id = intentByPath('/Greeting')!.id;
		const result = await run(
			'intent',
			'delete',
			{ intent: { __rl: true, mode: '={{ $json.mode }}', value: '={{ $json.value }}' } },
			[
				{ mode: 'id', value: String(id) },
				{ mode: 'path', value: '/Goodbye' },
				{ mode: 'path', value: '/Booking/Table' },
			],
		);
		expect(result.json()).toEqual([
			{ deleted: true, id },
			{ deleted: true, path: '/Goodbye' },
			{ deleted: true, path: '/Booking/Table' },
		]);
		expect(fake.requestsTo('POST', /delete-multiple$/).map((r) => [r.body, r.status])).toEqual([
			[[id], 204],
		]);
		expect(
			fake.requestsTo('POST', /delete-multiple-by-paths$/).map((r) => [r.body, r.status]),
		).toEqual([[['/Goodbye', '/Booking/Table'], 204]]);
		expect(project().intents.size).toBe(0);
		expect(result.output().map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it("Delete: a malformed path fails its item only (continueOnFail); a platform error fails the request's items", async () => {
		const result = await run(
			'intent',
			'delete',
			{ intent: { mode: 'path', value: '={{ $json.path }}' } },
			[{ path: 'bad' }, { path: '/Goodbye' }],
			true,
		);
		expect(result.json()).toEqual([
			expect.objectContaining({ error: 'Intent is not a valid intent path: "bad" [item 0]' }),
			{ deleted: true, path: '/Goodbye' },
		]);
		fake.inject({
			path: /delete-multiple-by-paths$/,
			status: 400,
			body: { error: 'caila.x', message: 'cannot delete', args: {} },
		});
		const failed = await run(
			'intent',
			'delete',
			{ intent: { mode: 'path', value: '/Greeting' } },
			[{}],
			true,
		);
		expect(failed.json()[0].error).toMatch(/cannot delete/);
	});

	it('Delete without continueOnFail: an invalid item stops the run before any delete request', async () => {
		const result = await run(
			'intent',
			'delete',
			{ intent: { mode: 'path', value: '={{ $json.path }}' } },
			[{ path: '/Goodbye' }, { path: 'bad' }],
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Intent is not a valid intent path: "bad" [item 1]');
		expect(fake.requestsTo('POST', /delete-multiple/)).toHaveLength(0);
		expect(intentByPath('/Goodbye')).toBeDefined();
	});

	it('Export writes the intents file; Import reads it back (binary and JSON) with a strategy', async () => {
		const exported = await run('intent', 'export', {});
		const file = exported.output()[0].binary!.data;
		expect(file).toMatchObject({ fileName: 'intents.json', mimeType: 'application/json' });
		const content = Buffer.from(file.data, 'base64').toString('utf8');
		expect(JSON.parse(content)).toHaveLength(3);
		const renamed = content.replace('"/Goodbye"', '"/Farewell"');
		const imported = await withFile(renamed, {
			resource: 'intent',
			operation: 'import',
			strategy: 'merge',
		});
		expect(imported.json().map((i) => i.path)).toEqual([
			'/Greeting',
			'/Booking/Table',
			'/Farewell',
		]);
		expect(intentByPath('/Farewell')).toBeDefined();
		expect(fake.requestsTo('POST', /intents\/import$/)[0].query.strategy).toBe('merge');
		const fromJson = await run('intent', 'import', {
			source: 'json',
			intentsJson: '[{"path": "/Only", "phrases": [{"text": "only"}]}]',
			strategy: 'cleanwrite',
		});
		expect(fromJson.json()).toEqual([expect.objectContaining({ path: '/Only', itemsCount: 1 })]);
		expect(project().intents.size).toBe(1);
		const broken = await withFile('{not json', {
			resource: 'intent',
			operation: 'import',
			strategy: 'merge',
		});
		expect(broken.error?.message).toMatch(
			/^Input Binary Field does not hold valid JSON \[item 0\]/,
		);
		expectNoSecret(exported);
	});
});

describe('Entity and Entity Record', () => {
	it('Create (201), Get by name with records, Get by ID, Get Many with counts and names', async () => {
		const created = await run('entity', 'create', {
			name: 'product',
			type: 'dictionary',
			additionalFields: { fuzzySearch: true, priority: 2 },
		});
		expect(created.json()[0]).toMatchObject({
			name: 'product',
			type: 'dictionary',
			fuzzySearch: true,
			priority: 2,
		});
		expect(fake.requestsTo('POST', /\/entities$/)[0].status).toBe(201);
		const byName = await run('entity', 'get', {
			entity: { mode: 'name', value: '@city' },
			includeRecords: true,
		});
		expect(byName.json()[0]).toMatchObject({
			name: 'city',
			records: [
				expect.objectContaining({ value: 'London' }),
				expect.objectContaining({ value: 'New York' }),
			],
		});
		const id = entityByName('city').id;
		expect(
			(await run('entity', 'get', { entity: { mode: 'id', value: String(id) } })).json()[0],
		).toMatchObject({ id, name: 'city' });
		expect(
			(await run('entity', 'getAll', { returnAll: true, withRecordsCount: true })).json(),
		).toEqual([
			expect.objectContaining({ name: 'city', recordsCount: 2 }),
			expect.objectContaining({ name: 'product', recordsCount: 0 }),
		]);
		expect(
			(await run('entity', 'getAll', { returnAll: true, filters: { names: ['product'] } })).json(),
		).toEqual([expect.objectContaining({ name: 'product' })]);
		expect((await run('entity', 'create', { name: 'bad name!' })).error?.message).toMatch(
			/^Name "bad name!" has characters/,
		);
		expect((await run('entity', 'create', { name: 'city' })).error?.message).toMatch(
			/409.*already exists/,
		);
	});

	it('Update merges changes into the current entity (PUT); Delete batches ids and names', async () => {
		const updated = await run('entity', 'update', {
			entity: { mode: 'name', value: 'city' },
			updateFields: { name: 'town', noMorph: true },
		});
		expect(updated.json()[0]).toMatchObject({ name: 'town', noMorph: true, type: 'dictionary' });
		expect(entityByName('town').records).toHaveLength(2);
		await run('entity', 'create', { name: 'color' });
		const color = entityByName('color').id;
		const deleted = await run(
			'entity',
			'delete',
			{ entity: { mode: '={{ $json.mode }}', value: '={{ $json.value }}' } },
			[
				{ mode: 'id', value: String(color) },
				{ mode: 'name', value: 'town' },
			],
		);
		expect(deleted.json()).toEqual([
			{ deleted: true, id: color },
			{ deleted: true, name: 'town' },
		]);
		expect(fake.requestsTo('POST', /entities\/delete-multiple$/)[0].status).toBe(204);
		expect(fake.requestsTo('POST', /entities\/delete-multiple-by-name$/)[0].body).toEqual(['town']);
		expect(project().entities.size).toBe(0);
	});

	it('Records: Add (by name and by ID), Get Many with paging and search, Update, Delete in one request', async () => {
		const id = entityByName('city').id;
		const added = await run(
			'entityRecord',
			'create',
			{
				entity: { mode: 'name', value: 'city' },
				value: '={{ $json.value }}',
				type: 'synonyms',
				rule: ['={{ $json.syn }}'],
			},
			[
				{ value: 'Paris', syn: 'Paris' },
				{ value: 'Berlin', syn: 'BER' },
			],
		);
		expect(added.json().map((r) => r.value)).toEqual(['Paris', 'Berlin']);
		expect(fake.requestsTo('POST', /entities-by-names\/city\/records$/)).toHaveLength(2);
		await run('entityRecord', 'create', {
			entity: { mode: 'id', value: String(id) },
			value: 'Rome',
			rule: ['Rome', 'Roma'],
		});
		expect(fake.requestsTo('POST', new RegExp(`entities/${id}/records$`))[0].status).toBe(201);
		fake.reset(); // back to the seed: 2 records
		const seeded = entityByName('city');
		for (let n = 0; n < 250; n++)
			seeded.records.push({
				id: 60_000 + n,
				type: 'synonyms',
				rule: [`c${n}`],
				value: `City ${n}`,
			});
		const all = await run('entityRecord', 'getAll', {
			entity: { mode: 'name', value: 'city' },
			returnAll: true,
		});
		expect(all.json()).toHaveLength(252);
		expect(fake.requestsTo('GET', /records$/).map((r) => r.query.page)).toEqual(['0', '1', '2']);
		const some = await run('entityRecord', 'getAll', {
			entity: { mode: 'id', value: String(seeded.id) },
			limit: 5,
			filters: { searchQuery: 'york' },
		});
		expect(some.json()).toEqual([expect.objectContaining({ value: 'New York' })]);
		const york = seeded.records.find((r) => r.value === 'New York')!.id;
		const updated = await run('entityRecord', 'update', {
			entity: { mode: 'name', value: 'city' },
			record: { mode: 'list', value: String(york) },
			updateFields: { rule: ['New York', 'NYC', 'Big Apple'] },
		});
		expect(updated.json()[0]).toMatchObject({
			id: york,
			value: 'New York',
			rule: ['New York', 'NYC', 'Big Apple'],
		});
		expect(
			fake.requestsTo('PUT', new RegExp(`entities-by-names/city/records/${york}$`)),
		).toHaveLength(1);
		const missing = await run('entityRecord', 'update', {
			entity: { mode: 'name', value: 'city' },
			record: { mode: 'id', value: '1' },
			updateFields: { value: 'X' },
		});
		expect(missing.error?.message).toBe('Record ID 1 is not a record of this entity [item 0]');
		fake.reset();
		const gone = await run(
			'entityRecord',
			'delete',
			{ entity: { mode: 'name', value: 'city' }, record: { mode: 'id', value: '={{ $json.id }}' } },
			[{ id: 60_000 }, { id: 60_001 }, { id: 'x' }],
			true,
		);
		expect(gone.json()).toEqual([
			{ deleted: true, id: 60_000 },
			{ deleted: true, id: 60_001 },
			{
				error: 'Record ID is not a numeric ID: "x" [item 2]',
				errorDescription: 'Enter the numeric ID, e.g. 12174.',
			},
		]);
		expect(
			fake.requestsTo('POST', /records\/delete-multiple$/).map((r) => [r.body, r.status]),
		).toEqual([[[60_000, 60_001], 204]]);
	});

	it('Entity and record Delete without continueOnFail: an invalid item stops the run before any delete request', async () => {
		const entity = await run(
			'entity',
			'delete',
			{ entity: { mode: '={{ $json.mode }}', value: '={{ $json.value }}' } },
			[
				{ mode: 'name', value: 'city' },
				{ mode: 'id', value: 'x' },
			],
		);
		expect(entity.error?.message).toBe('Entity ID is not a numeric ID: "x" [item 1]');
		const id = entityByName('city').records[0].id;
		const records = await run(
			'entityRecord',
			'delete',
			{ entity: { mode: 'name', value: 'city' }, record: { mode: 'id', value: '={{ $json.id }}' } },
			[{ id }, { id: 'x' }],
		);
		expect(records.error?.message).toBe('Record ID is not a numeric ID: "x" [item 1]');
		expect(fake.requestsTo('POST', /delete-multiple/)).toHaveLength(0);
		expect(entityByName('city').records).toHaveLength(2);
	});

	it('Record Update checks the given fields before looking the record up', async () => {
		const update = async (updateFields: IDataObject) =>
			(
				await run('entityRecord', 'update', {
					entity: { mode: 'name', value: 'city' },
					record: { mode: 'id', value: '90017' },
					updateFields,
				})
			).error?.message;
		expect(await update({ type: '={{ "regex" }}' })).toBe(
			'Type must be one of "pattern", "synonyms", not "regex" [item 0]',
		);
		expect(await update({ rule: [] })).toBe('Synonyms or Patterns is empty [item 0]');
		expect(await update({ value: ' ' })).toBe('Value is empty [item 0]');
		expect(fake.requests).toHaveLength(0);
	});

	it('Records: Replace All from JSON (validated) and Upload a CSV file', async () => {
		const replaced = await run('entityRecord', 'replaceAll', {
			entity: { mode: 'name', value: 'city' },
			records: '[{"type":"synonyms","value":"Oslo","rule":["Oslo"]}]',
		});
		expect(replaced.json()).toEqual([expect.objectContaining({ value: 'Oslo' })]);
		expect(fake.requestsTo('PUT', /entities-by-name\/city\/records$/)).toHaveLength(1);
		expect(entityByName('city').records.map((r) => r.value)).toEqual(['Oslo']);
		const invalid = await run('entityRecord', 'replaceAll', {
			entity: { mode: 'name', value: 'city' },
			records: '[{"type":"synonyms","value":"Oslo","rule":[]}]',
		});
		expect(invalid.error?.message).toBe('Synonyms or Patterns is empty [item 0]');
		const uploaded = await withFile('Madrid;MAD;Madrid\nLisbon;LIS', {
			resource: 'entityRecord',
			operation: 'upload',
			entity: { mode: 'name', value: 'city' },
		});
		expect(uploaded.json().map((r) => r.value)).toEqual(['Madrid', 'Lisbon']);
		expect(fake.requestsTo('POST', /records\/upload$/)[0].query.type).toBe('zb-csv');
		const noFile = await run('entityRecord', 'upload', { entity: { mode: 'name', value: 'city' } });
		expect(noFile.error?.message).toMatch(
			/^Input Binary Field "data" has no file on this item \[item 0\]/,
		);
	});
});

describe('Speller', () => {
	it('Get returns one item per word, or the raw dictionary', async () => {
		expect((await run('speller', 'get', {})).json()).toEqual([
			{ word: 'tovie', value: 1 },
			{ word: 'booking', value: 1 },
		]);
		expect((await run('speller', 'get', { output: 'text' })).json()[0]).toMatchObject({
			count: 2,
			text: 'tovie\t1\nbooking\t1\n',
		});
	});

	it('Set uploads words, text or a file as multipart TSV, after validating every line', async () => {
		const words = await run('speller', 'set', {
			source: 'entries',
			entries: {
				entry: [
					{ word: 'jaicp', value: 1 },
					{ word: 'caila', value: -1 },
				],
			},
		});
		expect(words.json()[0]).toMatchObject({ updated: true, count: 2 });
		expect(project().speller).toBe('jaicp\t1\ncaila\t-1\n');
		expect(String(fake.requestsTo('POST', /speller$/)[0].headers['content-type'])).toMatch(
			/^multipart\/form-data; boundary=/,
		);
		await withFile('alpha\t1\nbeta\t1', {
			resource: 'speller',
			operation: 'set',
			source: 'binary',
		});
		expect(project().speller).toBe('alpha\t1\nbeta\t1\n');
		const bad = await run('speller', 'set', { source: 'text', dictionary: 'ok\t1\nbroken line' });
		expect(bad.error?.message).toBe(
			'Dictionary line 2 is not "word<TAB>number": "broken line" [item 0]',
		);
		fake.inject({ path: /speller$/, method: 'POST', status: 500 });
		fake.inject({ path: /speller$/, method: 'POST', status: 500 });
		fake.inject({ path: /speller$/, method: 'POST', status: 500 });
		const failed = await run('speller', 'set', { source: 'text', dictionary: 'ok\t1' }, [{}], true);
		expect(failed.json()[0].error).toMatch(/500/);
	});
});
