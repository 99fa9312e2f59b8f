/**
 * The Tovie Chat Trigger published in a real n8n: the fake platform posts async bot replies and
 * text-campaign messages to the production webhook URL, n8n answers within the platform's 3-second
 * limit (while the workflow is still running), the executions that follow are checked through
 * n8n's public API, and a call with a wrong channel token is refused and starts nothing.
 */
import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import { startE2eFake } from './fake.cts';
import {
	exampleCredential,
	isTriggerExample,
	leakedSecrets,
	normaliseExample,
	SECRETS,
	variantOf,
	withWaitAfter,
} from './fixtures.cts';
import {
	examples,
	N8nInstance,
	sleep,
	type ExampleWorkflow,
	type PublicExecution,
} from './n8n.cts';

const PORT = Number(process.env.E2E_TRIGGER_PORT ?? 5692);
const SLOW_CREDENTIAL_ID = 'tovieSlowCred001';
const SLOW_WEBHOOK_ID = '7a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const SLOW_SECONDS = 5;

let fake: FakePlatform;
let n8n: N8nInstance;
let example: ExampleWorkflow;
let slow: ExampleWorkflow;

const webhookIdOf = (workflow: ExampleWorkflow) =>
	workflow.nodes.find((node) => node.webhookId && /Trigger$/.test(node.type))!.webhookId!;
const productionUrl = (workflow: ExampleWorkflow) =>
	`${n8n.url}/webhook/${webhookIdOf(workflow)}/webhook`;
const triggerName = (workflow: ExampleWorkflow) =>
	workflow.nodes.find((node) => /Trigger$/.test(node.type))!.name;

function triggerItems(
	execution: PublicExecution,
	workflow: ExampleWorkflow,
): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[triggerName(workflow)] ?? [];
	return (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

async function postAsync(token: string, clientId: string, query: string): Promise<void> {
	const response = await fetch(`${fake.url}/chatapi/${encodeURIComponent(token)}/async`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ clientId, query }),
	});
	expect(response.status).toBe(200);
}

beforeAll(async () => {
	fake = await startE2eFake();
	const chatTrigger = examples().find(
		({ file, workflow }) => file.startsWith('chat-trigger') && isTriggerExample(workflow),
	);
	if (!chatTrigger) throw new Error('examples/chat-trigger-*.json is missing');
	example = normaliseExample(chatTrigger.file, chatTrigger.workflow);
	slow = withWaitAfter(
		variantOf(example, {
			id: 'TovieChatSlow001',
			name: 'Slow trigger workflow',
			webhookId: SLOW_WEBHOOK_ID,
			credentialId: SLOW_CREDENTIAL_ID,
		}),
		triggerName(example),
		SLOW_SECONDS,
	);
	n8n = new N8nInstance({ port: PORT });
	await n8n.importCredentials([
		exampleCredential(fake.url),
		exampleCredential(
			fake.url,
			{ id: SLOW_CREDENTIAL_ID, name: `Tovie Platform account ${SLOW_CREDENTIAL_ID}` },
			{ chatApiToken: SECRETS.chatApiToken2 },
		),
	]);
	for (const workflow of [example, slow]) {
		await n8n.importWorkflow(workflow);
		await n8n.cliOk(['publish:workflow', `--id=${workflow.id}`]);
	}
	await n8n.start();
	await n8n.setupOwner();
	await n8n.createApiKey();
	fake.chat.setWebhook(SECRETS.chatApiToken, productionUrl(example));
	fake.chat.setWebhook(SECRETS.chatApiToken2, productionUrl(slow));
	for (const workflow of [example, slow])
		await n8n.waitForWebhook(`${webhookIdOf(workflow)}/webhook`);
}, 300_000);

afterAll(async () => {
	await n8n?.dispose();
	await fake?.close();
});

test('the published workflows are active', async () => {
	for (const workflow of [example, slow]) {
		const { status, body } = await n8n.api<{ active: boolean }>('GET', `/workflows/${workflow.id}`);
		expect({ status, active: body.active }).toEqual({ status: 200, active: true });
	}
});

test('an async bot reply posted by the platform starts the workflow, which marks it read', async () => {
	await postAsync(SECRETS.chatApiToken, 'e2e-async-client', 'Hello there');
	const [delivery] = await fake.chat.waitForDeliveries(1, 10_000);
	expect(delivery).toMatchObject({ attempt: 1, status: 200, reason: 'async' });
	const [execution] = await n8n.waitForExecutions(example.id, 1);
	expect(execution).toMatchObject({ status: 'success', mode: 'webhook', finished: true });
	const [item] = triggerItems(execution, example);
	const questionId = String((delivery.body as Array<{ questionId: string }>)[0].questionId);
	expect(item).toMatchObject({ eventKind: 'botReply', clientId: 'e2e-async-client', questionId });
	expect(item).not.toHaveProperty('token');
	expect(fake.chat.client(SECRETS.chatApiToken, 'e2e-async-client')?.statuses.get(questionId)).toBe(
		'READ',
	);
	expect(fake.requestsTo('POST', /\/message\/.+\/status$/).length).toBe(1);
});

test('text campaign messages (the documented body, no kind marker) start one execution per client', async () => {
	const before = fake.chat.deliveries.length;
	fake.chat.runTextCampaign(
		SECRETS.chatApiToken,
		['e2e-campaign-1', 'e2e-campaign-2'],
		'Our spring sale starts today',
	);
	const deliveries = (await fake.chat.waitForDeliveries(before + 2, 10_000)).slice(before);
	expect(deliveries.map((d) => [d.reason, d.status, d.attempt])).toEqual([
		['campaign', 200, 1],
		['campaign', 200, 1],
	]);
	const executions = await n8n.waitForExecutions(example.id, 3);
	const campaignItems = executions
		.flatMap((execution) => triggerItems(execution, example))
		.filter((item) => String(item.clientId).startsWith('e2e-campaign-'));
	expect(campaignItems.map((item) => item.clientId).sort()).toEqual([
		'e2e-campaign-1',
		'e2e-campaign-2',
	]);
	expect(executions.every((execution) => execution.status === 'success')).toBe(true);
	for (const clientId of ['e2e-campaign-1', 'e2e-campaign-2']) {
		expect([
			...(fake.chat.client(SECRETS.chatApiToken, clientId)?.statuses.values() ?? []),
		]).toContain('READ');
	}
});

test('a call with a wrong channel token is refused with 401 and starts nothing', async () => {
	const before = (await n8n.executions(example.id)).length;
	const response = await fetch(productionUrl(example), {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify([
			{
				token: 'not-the-channel-token',
				clientId: 'intruder',
				questionId: 'q-1',
				data: { answer: 'hi' },
			},
		]),
	});
	expect(response.status).toBe(401);
	expect(await response.text()).not.toContain(SECRETS.chatApiToken);
	await sleep(2000);
	expect((await n8n.executions(example.id)).length).toBe(before);
});

test('n8n answers the platform at once, before a slow workflow has finished', async () => {
	const before = fake.chat.deliveries.length;
	const sentAt = Date.now();
	await postAsync(SECRETS.chatApiToken2, 'e2e-slow-client', 'Take your time');
	const [delivery] = (await fake.chat.waitForDeliveries(before + 1, 10_000)).slice(before);
	// The fake gives up on an answer after 3 s (the platform's limit) and retries: one attempt
	// answered 200 is the platform's own acceptance test, whatever the machine's load.
	expect(delivery).toMatchObject({ attempt: 1, status: 200 });
	const answeredMs = delivery.at - sentAt;
	const [execution] = await n8n.waitForExecutions(slow.id, 1, 60_000);
	expect(execution.status).toBe('success');
	// The answer came before the workflow (which waits SLOW_SECONDS) finished.
	const stoppedAt = Date.parse(execution.stoppedAt!);
	expect(stoppedAt).toBeGreaterThan(delivery.at);
	expect(fake.chat.deliveries.slice(before).length).toBe(1);
	console.info(
		`webhook answered ${answeredMs} ms after the async request; the workflow ran ${stoppedAt - Date.parse(execution.startedAt)} ms`,
	);
});

test('no secret appears in the executions, the answers or the n8n log', async () => {
	const executions = [
		...(await n8n.executions(example.id, true)),
		...(await n8n.executions(slow.id, true)),
	];
	expect(executions.length).toBeGreaterThanOrEqual(4);
	expect(leakedSecrets(JSON.stringify(executions))).toEqual([]);
	expect(leakedSecrets(n8n.log('main'))).toEqual([]);
});
