/**
 * Queue mode (run by scripts/queue.sh, which starts Redis and PostgreSQL): a main process, a
 * webhook process and two workers, each with its own user folder holding the packed package, as
 * on separate machines. The Chat API webhook arrives at the webhook process; the workflow that
 * follows (Tovie Chat, Calls and NLP nodes) runs on the workers; nothing relies on the memory of
 * the process that received the call.
 */
import type { FakePlatform } from '../../helpers/fake-platform/server.cts';
import { startE2eFake } from '../fake.cts';
import {
	exampleCredential,
	EXAMPLE_CREDENTIAL_ID,
	EXAMPLE_CREDENTIAL_NAME,
	leakedSecrets,
	SECRETS,
} from '../fixtures.cts';
import { N8nInstance, packageNodeTypes, waitForHttp, type PublicExecution } from '../n8n.cts';

const BASE_PORT = Number(process.env.E2E_QUEUE_PORT ?? 5701);
const WEBHOOK_ID = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e';
const WORKFLOW_ID = 'TovieQueueFlow01';
const CLIENTS = ['queue-client-1', 'queue-client-2', 'queue-client-3', 'queue-client-4'];

const queueEnv = (): Record<string, string> => ({
	EXECUTIONS_MODE: 'queue',
	QUEUE_BULL_REDIS_HOST: '127.0.0.1',
	QUEUE_BULL_REDIS_PORT: process.env.E2E_REDIS_PORT ?? '56379',
	DB_TYPE: 'postgresdb',
	DB_POSTGRESDB_HOST: '127.0.0.1',
	DB_POSTGRESDB_PORT: process.env.E2E_PG_PORT ?? '55432',
	DB_POSTGRESDB_DATABASE: 'n8n',
	DB_POSTGRESDB_USER: 'n8n',
	DB_POSTGRESDB_PASSWORD: '',
	N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
	QUEUE_HEALTH_CHECK_ACTIVE: 'true',
});

let fake: FakePlatform;
let main: N8nInstance;
let webhook: N8nInstance;
const workers: N8nInstance[] = [];

const credentials = { tovieApi: { id: EXAMPLE_CREDENTIAL_ID, name: EXAMPLE_CREDENTIAL_NAME } };

/** Chat Trigger → a short wait (so both workers get jobs) → Chat, Calls and NLP calls. */
function queueWorkflow() {
	const types = new Set(packageNodeTypes());
	const steps = [
		{
			name: 'Slow step',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			parameters: { amount: 2, unit: 'seconds' },
			webhookId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
		},
		{
			name: 'Ask the bot',
			type: 'n8n-nodes-tovie.tovieChat',
			typeVersion: 1,
			parameters: {
				resource: 'message',
				operation: 'send',
				clientId: "={{ $('Tovie Chat Trigger').item.json.clientId }}",
				query: 'Follow-up from the worker',
				additionalFields: {},
			},
			credentials,
		},
		{
			name: 'Campaign status',
			type: 'n8n-nodes-tovie.tovieCalls',
			typeVersion: 1,
			parameters: { resource: 'campaign', operation: 'getStatus' },
			credentials,
		},
		{
			name: 'Classify',
			type: 'n8n-nodes-tovie.tovieNlp',
			typeVersion: 1,
			parameters: {
				resource: 'text',
				operation: 'classify',
				text: "={{ $('Tovie Chat Trigger').item.json.text }}",
				simplify: true,
				options: {},
			},
			credentials,
		},
	].filter((step) => !step.type.startsWith('n8n-nodes-tovie.') || types.has(step.type));
	const nodes = [
		{
			id: '9a8b7c6d-0000-4000-8000-000000000001',
			name: 'Tovie Chat Trigger',
			type: 'n8n-nodes-tovie.tovieChatTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: {
				triggerOn: ['asyncReply', 'otherMessage'],
				options: {},
			},
			credentials,
		},
		...steps.map((step, index) => ({
			id: `9a8b7c6d-0000-4000-8000-00000000001${index}`,
			position: [220 * (index + 1), 0],
			...step,
		})),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		id: WORKFLOW_ID,
		name: 'Queue mode: trigger → Chat, Calls, NLP',
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

beforeAll(async () => {
	fake = await startE2eFake();
	main = new N8nInstance({ port: BASE_PORT, env: queueEnv() });
	await main.importCredentials([exampleCredential(fake.url)]);
	await main.importWorkflow(queueWorkflow());
	await main.cliOk(['publish:workflow', `--id=${WORKFLOW_ID}`]);
	await main.start(180_000);
	await main.setupOwner();
	await main.createApiKey();
	webhook = new N8nInstance({ port: BASE_PORT + 1, env: queueEnv() });
	webhook.spawnProcess('webhook', ['webhook']);
	for (const [index, port] of [BASE_PORT + 2, BASE_PORT + 3].entries()) {
		const worker = new N8nInstance({
			port,
			env: { ...queueEnv(), QUEUE_HEALTH_CHECK_PORT: String(port) },
		});
		worker.spawnProcess(`worker${index + 1}`, ['worker', '--concurrency=1']);
		workers.push(worker);
	}
	await waitForHttp(`${webhook.url}/healthz`, 120_000, () => webhook.log('webhook'));
	await Promise.all(
		workers.map(
			async (worker, i) =>
				await waitForHttp(`${worker.url}/healthz`, 120_000, () => worker.log(`worker${i + 1}`)),
		),
	);
	fake.chat.setWebhook(SECRETS.chatApiToken, `${webhook.url}/webhook/${WEBHOOK_ID}/webhook`);
	await webhook.waitForWebhook(`${WEBHOOK_ID}/webhook`);
}, 400_000);

afterAll(async () => {
	for (const instance of [webhook, ...workers, main]) await instance?.dispose();
	await fake?.close();
});

test('the main process does not serve production webhooks; the webhook process does', async () => {
	const onMain = await fetch(`${main.url}/webhook/${WEBHOOK_ID}/webhook`, {
		method: 'POST',
		body: '{}',
		headers: { 'Content-Type': 'application/json' },
	});
	expect(onMain.status).not.toBe(200);
	const wrongToken = await fetch(`${webhook.url}/webhook/${WEBHOOK_ID}/webhook`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ token: 'wrong-token', clientId: 'x', questionId: 'q', data: {} }),
	});
	expect(wrongToken.status).toBe(401);
});

test('webhooks arrive at the webhook process and two workers run the workflows', async () => {
	for (const clientId of CLIENTS) {
		const response = await fetch(
			`${fake.url}/chatapi/${encodeURIComponent(SECRETS.chatApiToken)}/async`,
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ clientId, query: 'Hello' }),
			},
		);
		expect(response.status).toBe(200);
	}
	const deliveries = await fake.chat.waitForDeliveries(CLIENTS.length, 15_000);
	expect(deliveries.map((d) => [d.status, d.attempt])).toEqual(CLIENTS.map(() => [200, 1]));

	const executions: PublicExecution[] = await main.waitForExecutions(
		WORKFLOW_ID,
		CLIENTS.length,
		120_000,
	);
	expect(executions.map((e) => e.status)).toEqual(CLIENTS.map(() => 'success'));
	expect(executions.every((e) => e.mode === 'webhook')).toBe(true);

	// Every package node ran and produced items, on every execution.
	const names = queueWorkflow().nodes.map((node) => node.name);
	for (const execution of executions) {
		for (const name of names) {
			const run = execution.data?.resultData.runData[name]?.[0];
			expect({
				name,
				error: run?.error?.message,
				items: (run?.data?.main?.[0] ?? []).length > 0,
			}).toEqual({ name, error: undefined, items: true });
		}
	}
	// The bot got each worker's follow-up, and the other APIs were called once per execution.
	for (const clientId of CLIENTS) {
		expect(
			fake
				.requestsTo('POST')
				.filter(
					(r) =>
						(r.body as { clientId?: string })?.clientId === clientId &&
						/^\/chatapi\/[^/]+$/.test(r.path),
				).length,
		).toBe(1);
	}
	if (packageNodeTypes().includes('n8n-nodes-tovie.tovieCalls'))
		expect(fake.requestsTo(/^\/api\/calls\//).length).toBe(CLIENTS.length);

	// Which process ran what: the workers' logs name the executions; main and webhook ran none.
	const ran = workers.map(
		(worker, i) => (worker.log(`worker${i + 1}`).match(/Worker finished execution/gi) ?? []).length,
	);
	expect(ran[0] + ran[1]).toBe(CLIENTS.length);
	expect(ran.every((count) => count > 0)).toBe(true);
	console.info(`executions per worker: ${ran.join(', ')}`);
	expect(leakedSecrets(JSON.stringify(executions))).toEqual([]);
	for (const [name, text] of [
		['main', main.log('main')],
		['webhook', webhook.log('webhook')],
		...workers.map((w, i) => [`worker${i + 1}`, w.log(`worker${i + 1}`)]),
	]) {
		expect({
			name,
			leaks: leakedSecrets(text),
			unknown: /Unrecognized node type/.test(text),
		}).toEqual({ name, leaks: [], unknown: false });
	}
}, 240_000);
