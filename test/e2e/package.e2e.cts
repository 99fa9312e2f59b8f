/**
 * The packed package in a real n8n: it installs, n8n loads every node, its `...Tool` variant and
 * the credential (checked through n8n's own REST and public APIs), and every action example in
 * examples/ runs with `n8n execute` against the fake platform.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import { startE2eFake } from './fake.cts';
import {
	exampleCredential,
	externalNodes,
	isManualExample,
	isRunnableExample,
	isTriggerExample,
	normaliseExample,
	leakedSecrets,
	SECRETS,
	EXAMPLE_CREDENTIAL_ID,
} from './fixtures.cts';
import {
	examples,
	itemsOf,
	N8nInstance,
	PACKAGE_NAME,
	packageNodeTypes,
	runDataOf,
} from './n8n.cts';
import { expectExample, setUpExample } from './expectations.cts';

const PORT = Number(process.env.E2E_PORT ?? 5691);

let fake: FakePlatform;
let n8n: N8nInstance;
const pinned = new Map(examples().map(({ file, workflow }) => [file, workflow.pinData ?? {}]));
const allExamples = examples().map(({ file, workflow }) => ({
	file,
	workflow: normaliseExample(file, workflow),
}));
const actionExamples = allExamples.filter(({ workflow }) => isRunnableExample(workflow));

beforeAll(async () => {
	fake = await startE2eFake();
	n8n = new N8nInstance({ port: PORT });
	await n8n.importCredentials([exampleCredential(fake.url)]);
	for (const { workflow } of allExamples) await n8n.importWorkflow(workflow);
}, 300_000);

afterAll(async () => {
	await n8n?.dispose();
	await fake?.close();
});

describe('examples run in n8n (n8n execute --id)', () => {
	test('every example imports (all its node types are known to n8n)', () => {
		// beforeAll imported them all; this names the examples that cannot run here and why.
		const importOnly = allExamples
			.filter(({ workflow }) => !isRunnableExample(workflow) && !isTriggerExample(workflow))
			.map(
				({ file, workflow }) =>
					`${file}: ${isManualExample(workflow) ? externalNodes(workflow).join(', ') : 'no manual trigger'}`,
			);
		if (importOnly.length > 0)
			console.warn(
				`Imported, not executed (they need services other than Tovie):\n${importOnly.join('\n')}`,
			);
		expect(allExamples.length).toBeGreaterThan(0);
	});

	test('every action node of the package has an example that runs here', () => {
		const used = new Set(
			actionExamples.flatMap(({ workflow }) => workflow.nodes.map((node) => node.type)),
		);
		const missing = packageNodeTypes().filter((type) => !/Trigger$/.test(type) && !used.has(type));
		expect({
			'nodes without a runnable example in examples/ (manual trigger, only Tovie and offline core nodes)':
				missing,
		}).toEqual({
			'nodes without a runnable example in examples/ (manual trigger, only Tovie and offline core nodes)':
				[],
		});
	});

	test.each(actionExamples.map(({ file, workflow }) => [file, workflow] as const))(
		'%s',
		async (file, workflow) => {
			fake.reset();
			setUpExample(file, fake);
			const { code, run, output } = await n8n.execute(workflow.id);
			if (code !== 0) throw new Error(`n8n execute failed for ${file}:\n${output.slice(-4000)}`);
			if (!run)
				throw new Error(`n8n execute printed no run JSON for ${file}:\n${output.slice(-4000)}`);
			const runData = runDataOf(run);
			for (const node of workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`))) {
				expect({ node: node.name, error: runData[node.name]?.[0]?.error?.message }).toEqual({
					node: node.name,
					error: undefined,
				});
				expect({ node: node.name, items: itemsOf(runData, node.name).length > 0 }).toEqual({
					node: node.name,
					items: true,
				});
			}
			expect(fake.requests.length).toBeGreaterThan(0);
			expect(
				fake.requests
					.filter((r) => r.status >= 400)
					.map((r) => `${r.method} ${r.path} ${r.status}`),
			).toEqual([]);
			expect(leakedSecrets(output)).toEqual([]);
			expectExample(file, { runData, fake });
			if (process.env.E2E_SAMPLE_DIR)
				writeFileSync(join(process.env.E2E_SAMPLE_DIR, file), JSON.stringify(runData));
			// The example's pinned sample data (what a user sees before setting a credential) has the
			// fields the real run gives, so it cannot drift from what the nodes output.
			for (const node of workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`))) {
				const fieldsOf = (objects: object[]) =>
					[...new Set(objects.flatMap((object) => Object.keys(object)))].sort();
				const sample = pinned.get(file)?.[node.name];
				const pinnedFields = sample
					? fieldsOf(sample.map((item) => item.json))
					: 'no sample data pinned';
				expect({ node: node.name, pinned: pinnedFields }).toEqual({
					node: node.name,
					pinned: fieldsOf(itemsOf(runData, node.name)),
				});
			}
		},
	);
});

describe('n8n loads the package', () => {
	beforeAll(async () => {
		await n8n.start();
		await n8n.setupOwner();
		await n8n.createApiKey();
	}, 180_000);

	test('n8n logged no load error for the package', () => {
		expect(n8n.log('main')).not.toMatch(
			/(Unrecognized node type|Error loading package|Failed to load|Cannot find module)[^\n]*tovie/i,
		);
	});

	test('every node type, its icon and its Tool variant are served to the editor', async () => {
		const types =
			await n8n.typesJson<
				Array<{ name: string; iconUrl?: unknown; usableAsTool?: boolean; outputs?: unknown }>
			>('nodes');
		const byName = new Map(types.map((type) => [type.name, type]));
		for (const name of packageNodeTypes()) {
			const type = byName.get(name);
			expect({ name, loaded: !!type }).toEqual({ name, loaded: true });
			const icons =
				typeof type!.iconUrl === 'string'
					? [type!.iconUrl]
					: Object.values(type!.iconUrl as Record<string, string>);
			expect(icons.length).toBeGreaterThan(0);
			for (const icon of icons) {
				const response = await fetch(`${n8n.url}/${icon}`);
				expect({
					icon,
					status: response.status,
					type: response.headers.get('content-type'),
				}).toEqual({
					icon,
					status: 200,
					type: expect.stringContaining('svg'),
				});
			}
			if (!/Trigger$/.test(name)) {
				expect({ name, tool: byName.has(`${name}Tool`) }).toEqual({ name, tool: true });
				expect(JSON.stringify(byName.get(`${name}Tool`)!.outputs)).toContain('ai_tool');
			}
		}
	});

	test('the credential type is served and a credential can be saved through the public API', async () => {
		const credentials = await n8n.typesJson<Array<{ name: string }>>('credentials');
		expect(credentials.map((c) => c.name)).toContain('tovieApi');
		const created = await n8n.api<{ id: string; type: string }>('POST', '/credentials', {
			name: 'Saved through the API',
			type: 'tovieApi',
			data: {
				server: 'custom',
				baseUrl: fake.url,
				chatApiToken: SECRETS.chatApiToken,
				callsApiToken: '',
				nlpApiKey: '',
				apiToken: '',
				projectShortName: '',
			},
		});
		expect(created.status).toBe(200);
		expect(created.body.type).toBe('tovieApi');
		expect(leakedSecrets(JSON.stringify(created.body))).toEqual([]);
	});

	test('the credential test reaches the platform and keeps the secret out of the answer', async () => {
		fake.reset();
		const ok = await n8n.rest<{ status: string; message: string }>('POST', '/credentials/test', {
			credentials: {
				id: EXAMPLE_CREDENTIAL_ID,
				name: 'Tovie Platform account',
				type: 'tovieApi',
				data: exampleCredential(fake.url).data,
			},
		});
		expect(ok.message).not.toContain('Rejected');
		expect(ok.status).toBe('OK');
		expect(fake.requests.length).toBeGreaterThan(0);
		const wrong = await n8n.rest<{ status: string; message: string }>('POST', '/credentials/test', {
			credentials: {
				id: EXAMPLE_CREDENTIAL_ID,
				name: 'Tovie Platform account',
				type: 'tovieApi',
				data: exampleCredential(fake.url, {}, { chatApiToken: 'not-a-known-token-x9' }).data,
			},
		});
		expect(wrong).toEqual({
			status: 'Error',
			message: expect.stringMatching(/Rejected: .*Chat API/),
		});
		expect(wrong.message).not.toContain('not-a-known-token-x9');
	});

	test('a workflow that gives a Tovie node to an AI agent as a tool is accepted and reads back intact', async () => {
		const [first] = packageNodeTypes().filter((type) => !/Trigger$/.test(type));
		const workflow = agentWorkflow(`${first}Tool`);
		const created = await n8n.api<{ id: string; nodes: Array<{ type: string }> }>(
			'POST',
			'/workflows',
			workflow,
		);
		expect(created.status).toBe(200);
		const read = await n8n.api<{ nodes: Array<{ type: string }> }>(
			'GET',
			`/workflows/${created.body.id}`,
		);
		expect(read.body.nodes.map((node) => node.type)).toContain(`${first}Tool`);
		expect(n8n.log('main')).not.toMatch(/Unrecognized node type/);
	});
});

function agentWorkflow(toolType: string) {
	return {
		name: 'Agent with a Tovie tool',
		nodes: [
			{
				id: 'a1',
				name: 'Manual',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'a2',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 2.2,
				position: [220, 0],
				parameters: { promptType: 'define', text: 'Ask the bot where order 42 is', options: {} },
			},
			{
				id: 'a3',
				name: 'Tovie tool',
				type: toolType,
				typeVersion: 1,
				position: [300, 200],
				parameters: {
					resource: 'message',
					operation: 'send',
					clientId: 'agent-client',
					query: "={{ $fromAI('question', 'What to ask the bot', 'string') }}",
				},
				credentials: { tovieApi: { id: EXAMPLE_CREDENTIAL_ID, name: 'Tovie Platform account' } },
			},
		],
		connections: {
			Manual: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'Tovie tool': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}
