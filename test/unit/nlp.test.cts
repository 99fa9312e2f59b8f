/**
 * Tovie NLP: the node description's structure, the route table against the spec, the list
 * searches, and pure helpers (multipart bodies, speller TSV, inference simplification).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { multipartBody } from '../../nodes/common/multipart';
import { NLP_ROUTES } from '../../nodes/Nlp/api';
import { nlpResources } from '../../nodes/Nlp/actions';
import { simplifyInference } from '../../nodes/Nlp/actions/text/common';
import { parseDictionary } from '../../nodes/Nlp/actions/speller/common';
import { searchEntities, searchIntents, searchRecords } from '../../nodes/Nlp/methods/search';
import { TovieNlp } from '../../nodes/Nlp/TovieNlp.node';
import { mockContext, TEST_CREDENTIALS } from '../helpers/context.cts';

describe('Tovie NLP description', () => {
	const { description } = new TovieNlp();

	it('is a usable-as-tool action node with the shared credential and icons', () => {
		expect(description).toMatchObject({
			name: 'tovieNlp',
			displayName: 'Tovie NLP',
			usableAsTool: true,
			version: 1,
		});
		expect(description.credentials).toEqual([
			{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' },
		]);
		expect(description.icon).toEqual({
			light: 'file:../../icons/tovie.svg',
			dark: 'file:../../icons/tovie.dark.svg',
		});
		expect(Object.keys(new TovieNlp().methods.listSearch)).toEqual([
			'searchIntents',
			'searchEntities',
			'searchRecords',
		]);
	});

	it('follows n8n naming: every operation has an action, Get Many is getAll with Return All and Limit', () => {
		for (const resource of nlpResources) {
			for (const operation of resource.operations) {
				expect(operation.action).toMatch(/^[A-Z][a-z]/);
				expect(Boolean(operation.execute) !== Boolean(operation.batch)).toBe(true);
				if (operation.value === 'getAll') {
					expect(operation.name).toBe('Get Many');
					expect(operation.action).toMatch(/^Get many /);
					expect((operation.properties ?? []).map((p) => p.name)).toEqual(
						expect.arrayContaining(['returnAll', 'limit']),
					);
				}
			}
		}
		const operations = description.properties.filter((p) => p.name === 'operation');
		expect(operations.map((p) => p.displayOptions?.show?.resource?.[0])).toEqual([
			'entity',
			'entityRecord',
			'intent',
			'model',
			'project',
			'speller',
			'text',
		]);
		for (const resource of nlpResources) {
			const names = resource.operations.map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('shows each operation field only for its resource and operation', () => {
		const fields = description.properties.filter(
			(p) => !['resource', 'operation', 'requestOptions'].includes(p.name),
		);
		for (const field of fields as INodeProperties[]) {
			expect(field.displayOptions?.show?.resource).toHaveLength(1);
			expect(field.displayOptions?.show?.operation).toHaveLength(1);
		}
	});

	it('batches the operations that put many items into one request', () => {
		const batched = nlpResources.flatMap((r) =>
			r.operations.filter((o) => o.batch).map((o) => `${r.value}.${o.value}`),
		);
		expect(batched).toEqual([
			'entity.delete',
			'entityRecord.delete',
			'intent.delete',
			'text.classify',
		]);
	});
});

// The vendor spec lives outside the repository (team share); the check runs where it is present.
const SPEC = join(__dirname, '../../../shared/specs/direct.yml');

describe('NLP route table', () => {
	(existsSync(SPEC) ? it : it.skip)(
		"lists all 44 operations of the spec, with the spec's methods and paths",
		() => {
			const spec = readFileSync(SPEC, 'utf8');
			const specOps = new Set<string>();
			let path = '';
			for (const line of spec.split('\n')) {
				const pathMatch = /^ {2}(\/api\/caila\/p\/\{accessToken\}\S*):\s*$/.exec(line);
				if (pathMatch) path = pathMatch[1].replace('{accessToken}', '{secret}');
				const method = /^ {4}(get|post|put|delete):\s*$/.exec(line);
				if (method && path) specOps.add(`${method[1].toUpperCase()} /cailapub${path}`);
			}
			const ours = new Set(
				Object.values(NLP_ROUTES).map(
					(r) =>
						`${r.method} ${r.path.replace(/\{(entityId|intentId|recordId|entityName)\}/g, '{$1}')}`,
				),
			);
			expect(specOps.size).toBe(44);
			expect([...ours].sort()).toEqual([...specOps].sort());
		},
	);
});

describe('list searches', () => {
	it('lists intents by path (searching on the platform when filtered) and entities by name', async () => {
		const { ctx, sent } = mockContext({
			responses: [
				{
					body: [
						{ id: 2, path: '/b' },
						{ id: 1, path: '/a' },
					],
				},
				{ body: [{ id: 1, path: '/a' }] },
				{
					body: [
						{ id: 5, name: 'city' },
						{ id: 6, name: 'color' },
					],
				},
			],
		});
		expect(await searchIntents.call(ctx)).toEqual({
			results: [
				{ name: '/a', value: '/a' },
				{ name: '/b', value: '/b' },
			],
		});
		expect(await searchIntents.call(ctx, '/a')).toEqual({ results: [{ name: '/a', value: '/a' }] });
		expect(await searchEntities.call(ctx, 'CIT')).toEqual({
			results: [{ name: 'city', value: 'city' }],
		});
		expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
			`GET https://tovie.test/cailapub/api/caila/p/${TEST_CREDENTIALS.nlpApiKey}/intents`,
			`POST https://tovie.test/cailapub/api/caila/p/${TEST_CREDENTIALS.nlpApiKey}/intents/search`,
			`GET https://tovie.test/cailapub/api/caila/p/${TEST_CREDENTIALS.nlpApiKey}/entities`,
		]);
		expect(sent[1].body).toEqual({ path: '/a' });
	});

	it('lists the records of the chosen entity, a page at a time, searching on the platform', async () => {
		const records = Array.from({ length: 100 }, (_v, n) => ({
			id: 900 + n,
			value: `City ${n}`,
			rule: [`c${n}`],
		}));
		const { ctx: base, sent } = mockContext({
			responses: [
				{ body: { paging: { pageNum: 0, pageSize: 100, totalCount: 101 }, records } },
				{
					body: {
						paging: { pageNum: 0, pageSize: 100, totalCount: 1 },
						records: [{ id: 7, value: 'New York', rule: ['NYC', 'New York'] }],
					},
				},
			],
		});
		// The picker reads the entity chosen above it in the node.
		const ctx = Object.assign({}, base as object, {
			getCurrentNodeParameter: (name: string) =>
				name === 'entity' ? { __rl: true, mode: 'list', value: 'city' } : undefined,
		}) as never;
		const first = await searchRecords.call(ctx);
		expect(first.results[0]).toEqual({ name: 'City 0 (c0)', value: '900' });
		expect(first.paginationToken).toBe('1');
		expect(await searchRecords.call(ctx, 'york')).toEqual({
			results: [{ name: 'New York (NYC, New York)', value: '7' }],
			paginationToken: undefined,
		});
		expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
			`GET https://tovie.test/cailapub/api/caila/p/${TEST_CREDENTIALS.nlpApiKey}/entities-by-names/city/records`,
			`GET https://tovie.test/cailapub/api/caila/p/${TEST_CREDENTIALS.nlpApiKey}/entities-by-names/city/records`,
		]);
		expect(sent[1].qs).toMatchObject({ page: 0, size: 100, searchQuery: 'york' });
	});
});

describe('helpers', () => {
	it('builds a multipart body with a file part and a boundary header', () => {
		const { body, headers } = multipartBody([
			{ name: 'file', data: 'a\t1\n', fileName: 'x"y.tsv', contentType: 'text/plain' },
		]);
		const boundary = /boundary=(.+)$/.exec(headers['Content-Type'])![1];
		expect(body.toString('utf8')).toBe(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x_y.tsv"\r\nContent-Type: text/plain\r\n\r\na\t1\n\r\n--${boundary}--\r\n`,
		);
	});

	it('parses the speller TSV, skipping lines that do not fit', () => {
		expect(parseDictionary('dog\t-1\r\ncat\t1\n\nbroken\n')).toEqual([
			{ word: 'dog', value: -1 },
			{ word: 'cat', value: 1 },
		]);
	});

	it('simplifies an inference answer, also when nothing matched', () => {
		const answer: IDataObject = {
			variants: [
				{ intent: { id: 7, path: '/hello', answer: 'Hi' }, confidence: 0.9, slots: [] },
				{ intent: { id: 8, path: '/bye' }, confidence: 0.1 },
			],
		};
		expect(simplifyInference('hey', answer)).toEqual({
			text: 'hey',
			intent: '/hello',
			intentId: 7,
			confidence: 0.9,
			answer: 'Hi',
			slots: [],
			variants: [
				{ intent: '/hello', confidence: 0.9 },
				{ intent: '/bye', confidence: 0.1 },
			],
		});
		expect(simplifyInference('zzz', { variants: [] })).toMatchObject({
			intent: null,
			intentId: null,
			confidence: 0,
			variants: [],
		});
	});
});

describe('example workflow', () => {
	it('uses only existing NLP resources, operations and parameters', () => {
		const workflow = JSON.parse(
			readFileSync(join(__dirname, '../../examples/nlp-tune-train-classify.json'), 'utf8'),
		) as { nodes: Array<{ type: string; parameters: IDataObject }> };
		const { properties } = new TovieNlp().description;
		const nlpNodes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-tovie.tovieNlp');
		expect(nlpNodes.length).toBeGreaterThan(0);
		for (const { parameters } of nlpNodes) {
			const operation = nlpResources
				.find((r) => r.value === parameters.resource)
				?.operations.find((o) => o.value === parameters.operation);
			expect(operation).toBeDefined();
			const known = new Set([
				'resource',
				'operation',
				...properties
					.filter(
						(p) =>
							p.displayOptions?.show?.operation?.[0] === parameters.operation &&
							p.displayOptions?.show?.resource?.[0] === parameters.resource,
					)
					.map((p) => p.name),
			]);
			for (const name of Object.keys(parameters))
				expect(known.has(name) ? name : `unknown: ${name}`).toBe(name);
		}
	});
});
