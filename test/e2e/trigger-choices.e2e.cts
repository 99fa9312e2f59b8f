/**
 * Each Trigger On choice of the two Chat triggers fires in a real n8n (issue 20's done criterion),
 * counted in executions through n8n's public API:
 * - Tovie Chat Trigger, "Reply to Send Without Waiting" (`asyncReply`): the bot's answer to a
 *   message that Tovie Chat → Send Without Waiting sent from this n8n process, and nothing else
 *   (not an async message sent from outside n8n, an agent reply, a campaign message, a timeout);
 * - Tovie Chat Trigger, "Any Other Message" (`otherMessage`): everything else the webhook brings,
 *   and not the answer to this n8n's own Send Without Waiting;
 * - Tovie Chat Polling Trigger with Live Agent Reply, Reply to Send Without Waiting and Other Bot
 *   Message: an agent reply, the answer to this n8n's own send, the answer to a message sent from
 *   elsewhere and a reply timeout each start one execution of the matching kind; the client
 *   requests (the own one included) start none.
 *
 * Send Without Waiting must run inside the n8n process that runs the triggers (the memory of own
 * sends is per process; `n8n execute` would be another process), so the sends come from published
 * "Webhook → Tovie Chat (Send Without Waiting)" workflows called over HTTP.
 *
 * One fake platform and one n8n; three Chat API channels (a channel has one webhook address):
 * ASYNC (Chat Trigger on asyncReply), OTHER (Chat Trigger on otherMessage), POLL (Polling Trigger).
 */
import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import { startE2eFake } from './fake.cts';
import {
	exampleCredential,
	EXAMPLE_CREDENTIAL_ID,
	EXAMPLE_CREDENTIAL_NAME,
	leakedSecrets,
	SECRETS,
} from './fixtures.cts';
import { N8nInstance, sleep, type ExampleWorkflow, type PublicExecution } from './n8n.cts';

const PORT = Number(process.env.E2E_CHOICES_PORT ?? 5698);
/** How long a count must stay put to be the final count: a late or repeated start would come within it. */
const SETTLE_MS = 4000;

const POLL_TOKEN = 'e2e-chat-token-choices-Pm2xK8';

const CHAT_TRIGGER = 'Tovie Chat Trigger';
const POLLING_TRIGGER = 'Tovie Chat Polling Trigger';
const SEND_WEBHOOK = 'Send request';
const SEND_ASYNC = 'Send Without Waiting';

interface Channel {
	token: string;
	credential: { id: string; name: string };
}

const CHANNELS = {
	async: {
		token: SECRETS.chatApiToken,
		credential: { id: EXAMPLE_CREDENTIAL_ID, name: EXAMPLE_CREDENTIAL_NAME },
	},
	other: {
		token: SECRETS.chatApiToken2,
		credential: { id: 'tovieChoiceOthr1', name: 'Tovie choices tovieChoiceOthr1' },
	},
	poll: {
		token: POLL_TOKEN,
		credential: { id: 'tovieChoicePoll1', name: 'Tovie choices tovieChoicePoll1' },
	},
} satisfies Record<string, Channel>;

let fake: FakePlatform;
let n8n: N8nInstance;

// ---- workflows ---------------------------------------------------------------------------------

/** Webhook `POST /webhook/<path>` {clientId, query} → Tovie Chat Send Without Waiting; answers its output. */
function senderWorkflow(
	id: string,
	path: string,
	webhookId: string,
	channel: Channel,
): ExampleWorkflow {
	return {
		id,
		name: `Choices: send without waiting (${path})`,
		nodes: [
			{
				id: `${id}-hook`,
				name: SEND_WEBHOOK,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
			},
			{
				id: `${id}-send`,
				name: SEND_ASYNC,
				type: 'n8n-nodes-tovie.tovieChat',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'message',
					operation: 'sendAsync',
					clientId: '={{ $json.body.clientId }}',
					query: '={{ $json.body.query }}',
					additionalFields: {},
				},
				credentials: { tovieApi: channel.credential },
			},
		],
		connections: {
			[SEND_WEBHOOK]: { main: [[{ node: SEND_ASYNC, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function triggerWorkflow(
	id: string,
	name: string,
	node: { type: string; name: string; parameters: Record<string, unknown>; webhookId?: string },
	channel: Channel,
): ExampleWorkflow {
	return {
		id,
		name,
		nodes: [
			{
				id: `${id}-trigger`,
				name: node.name,
				type: `n8n-nodes-tovie.${node.type}`,
				typeVersion: 1,
				position: [0, 0],
				...(node.webhookId ? { webhookId: node.webhookId } : {}),
				parameters: node.parameters,
				credentials: { tovieApi: channel.credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const SENDERS = {
	async: senderWorkflow(
		'TovieChoiceSndA1',
		'choices-send-async',
		'0b7f3e1a-5c2d-4e6f-8a9b-1c2d3e4f5a61',
		CHANNELS.async,
	),
	other: senderWorkflow(
		'TovieChoiceSndO1',
		'choices-send-other',
		'0b7f3e1a-5c2d-4e6f-8a9b-1c2d3e4f5a62',
		CHANNELS.other,
	),
	poll: senderWorkflow(
		'TovieChoiceSndP1',
		'choices-send-poll',
		'0b7f3e1a-5c2d-4e6f-8a9b-1c2d3e4f5a63',
		CHANNELS.poll,
	),
};

const asyncOnly = triggerWorkflow(
	'TovieChoiceAsyn1',
	'Choices: Chat Trigger on Reply to Send Without Waiting',
	{
		type: 'tovieChatTrigger',
		name: CHAT_TRIGGER,
		webhookId: '2d4e6f80-1a3b-4c5d-8e7f-90a1b2c3d4e1',
		parameters: { registration: 'manual', triggerOn: ['asyncReply'], options: {} },
	},
	CHANNELS.async,
);
const otherOnly = triggerWorkflow(
	'TovieChoiceOthr1',
	'Choices: Chat Trigger on Any Other Message',
	{
		type: 'tovieChatTrigger',
		name: CHAT_TRIGGER,
		webhookId: '2d4e6f80-1a3b-4c5d-8e7f-90a1b2c3d4e2',
		// Only When as a full n8n expression ($now, an extension function): true for every event here.
		parameters: {
			registration: 'manual',
			triggerOn: ['otherMessage'],
			options: { onlyWhen: '={{ $now.year >= 2020 && !$json.text.isEmpty() }}' },
		},
	},
	CHANNELS.other,
);
const polling = triggerWorkflow(
	'TovieChoicePoll1',
	'Choices: Polling Trigger on every choice',
	{
		type: 'tovieChatPollingTrigger',
		name: POLLING_TRIGGER,
		parameters: {
			triggerOn: ['agentReply', 'asyncReply', 'otherMessage'],
			options: { waitSeconds: 1, onlyWhen: '={{ $today <= $now && $json.text.isNotEmpty() }}' },
		},
	},
	CHANNELS.poll,
);

const ALL_WORKFLOWS: ExampleWorkflow[] = [...Object.values(SENDERS), asyncOnly, otherOnly, polling];

const triggerUrl = (workflow: ExampleWorkflow) =>
	`${n8n.url}/webhook/${workflow.nodes[0].webhookId}/webhook`;

// ---- helpers -----------------------------------------------------------------------------------

async function waitFor(
	condition: () => boolean | Promise<boolean>,
	what: () => string,
	timeoutMs = 30_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await sleep(100);
	}
	throw new Error(
		`timed out after ${timeoutMs} ms waiting for ${what()}\n${n8n.log('main').slice(-4000)}`,
	);
}

/** Every execution of the workflow, oldest first. */
async function executionsOf(workflowId: string): Promise<PublicExecution[]> {
	return (await n8n.executions(workflowId, true)).sort((a, b) => Number(a.id) - Number(b.id));
}

/** Waits for `count` finished executions, then checks that no other one comes: exactly `count`. */
async function exactlyExecutions(workflowId: string, count: number): Promise<PublicExecution[]> {
	if (count > 0) await n8n.waitForExecutions(workflowId, count, 60_000);
	await sleep(SETTLE_MS);
	const all = await executionsOf(workflowId);
	expect({ workflowId, executions: all.length }).toEqual({ workflowId, executions: count });
	return all;
}

/** The items the first node output in an execution. */
function itemsOfNode(execution: PublicExecution, nodeName: string): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	return (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

/**
 * What the trigger gave, one `[eventKind, text]` per item, per execution; an Only When that n8n
 * could not evaluate would show its error as a third entry.
 */
const kindsAndTexts = (executions: PublicExecution[], nodeName: string) =>
	executions.map((execution) =>
		itemsOfNode(execution, nodeName).map((item) =>
			item.onlyWhenError === undefined
				? [item.eventKind, item.text]
				: [item.eventKind, item.text, item.onlyWhenError],
		),
	);

/** Send Without Waiting run by the published sender workflow inside n8n; its output. */
async function sendFromN8n(
	sender: ExampleWorkflow,
	clientId: string,
	query: string,
): Promise<{ clientId: string; questionId: string }> {
	const path = (sender.nodes[0].parameters as { path: string }).path;
	const response = await fetch(`${n8n.url}/webhook/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ clientId, query }),
	});
	const text = await response.text();
	expect({ status: response.status, text }).toEqual({ status: 200, text: expect.any(String) });
	const output = JSON.parse(text) as { clientId: string; questionId: string };
	expect(output).toEqual({ clientId, questionId: expect.any(String) });
	return output;
}

/** A client message sent to the channel by someone else than n8n (async, or waiting for the bot). */
async function sendFromOutside(
	token: string,
	clientId: string,
	query: string,
	mode: 'async' | 'sync',
): Promise<string> {
	const path = `/chatapi/${encodeURIComponent(token)}${mode === 'async' ? '/async' : ''}`;
	const response = await fetch(`${fake.url}${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ clientId, query }),
	});
	expect(response.status).toBe(200);
	const text = await response.text();
	return mode === 'async' ? text : String((JSON.parse(text) as { questionId: string }).questionId);
}

/** Webhook attempts the fake made to a URL. */
const deliveriesTo = (url: string) => fake.chat.deliveries.filter((d) => d.url === url);

/** Waits until `count` deliveries to the URL were answered 200 (each on its first attempt). */
async function waitForDeliveries(url: string, count: number): Promise<void> {
	await waitFor(
		() => deliveriesTo(url).length >= count,
		() => `${count} webhook deliveries to ${url} (got ${deliveriesTo(url).length})`,
	);
	expect(deliveriesTo(url).map((d) => [d.status, d.attempt])).toEqual(
		Array.from({ length: count }, () => [200, 1]),
	);
}

/** `/events` requests of the channel since `since`. */
const pollsOf = (token: string, since = 0) =>
	fake
		.requestsTo('GET', /\/events$/)
		.filter((request) => request.path === `/chatapi/${token}/events` && request.at >= since);

// ---- setup -------------------------------------------------------------------------------------

beforeAll(async () => {
	fake = await startE2eFake();
	fake.chat.addToken(POLL_TOKEN);
	n8n = new N8nInstance({ port: PORT });
	await n8n.importCredentials(
		Object.values(CHANNELS).map(({ token, credential }) =>
			exampleCredential(fake.url, credential, { chatApiToken: token }),
		),
	);
	await n8n.importWorkflow(ALL_WORKFLOWS);
	for (const workflow of ALL_WORKFLOWS)
		await n8n.cliOk(['publish:workflow', `--id=${workflow.id}`]);
	await n8n.start();
	await n8n.setupOwner();
	await n8n.createApiKey();
	fake.chat.setWebhook(CHANNELS.async.token, triggerUrl(asyncOnly));
	fake.chat.setWebhook(CHANNELS.other.token, triggerUrl(otherOnly));
	for (const workflow of [asyncOnly, otherOnly])
		await n8n.waitForWebhook(`${workflow.nodes[0].webhookId}/webhook`);
	for (const sender of Object.values(SENDERS))
		await n8n.waitForWebhook((sender.nodes[0].parameters as { path: string }).path);
	// The Polling Trigger (published before n8n started) asks for the events of its channel.
	await waitFor(
		() => pollsOf(POLL_TOKEN).length > 0,
		() => 'the Polling Trigger to ask for events',
		60_000,
	);
}, 300_000);

afterAll(async () => {
	await n8n?.dispose();
	await fake?.close();
});

// ---- the tests ---------------------------------------------------------------------------------

test('Chat Trigger, Reply to Send Without Waiting: the answer to this n8n’s own Send Without Waiting starts it, nothing else does', async () => {
	const url = triggerUrl(asyncOnly);
	const { questionId } = await sendFromN8n(SENDERS.async, 'choice-async-1', 'Where is my order?');
	const [execution] = await n8n.waitForExecutions(asyncOnly.id, 1);
	expect([execution.mode, execution.status]).toEqual(['webhook', 'success']);
	expect(itemsOfNode(execution, CHAT_TRIGGER)).toEqual([
		expect.objectContaining({
			eventKind: 'asyncReply',
			clientId: 'choice-async-1',
			questionId,
			text: 'You said: Where is my order?',
		}),
	]);
	await waitForDeliveries(url, 1);

	// The same kind of message sent without waiting from outside n8n, an agent's reply, a text
	// campaign message and a reply timeout reach the webhook too: none starts this workflow.
	await sendFromOutside(CHANNELS.async.token, 'choice-async-2', 'Sent from elsewhere', 'async');
	fake.chat.pushAgentReply(CHANNELS.async.token, 'choice-async-2', 'An agent writes');
	fake.chat.runTextCampaign(CHANNELS.async.token, ['choice-async-3'], 'Spring sale');
	fake.chat.fireTimeout(CHANNELS.async.token, 'choice-async-2');
	await waitForDeliveries(url, 5);
	const all = await exactlyExecutions(asyncOnly.id, 1);
	expect(String(all[0].id)).toBe(String(execution.id));
});

test('Chat Trigger, Any Other Message: an async answer to a message from outside, an agent reply, a campaign message and a timeout start it, the answer to this n8n’s own send does not', async () => {
	const url = triggerUrl(otherOnly);
	const client = 'choice-other-1';
	const own = await sendFromN8n(SENDERS.other, client, 'Sent by n8n');
	await waitForDeliveries(url, 1);
	const ownDelivery = deliveriesTo(url)[0].body as Array<{ questionId: string }>;
	expect(ownDelivery.map((event) => event.questionId)).toEqual([own.questionId]);

	const outsideId = await sendFromOutside(
		CHANNELS.other.token,
		client,
		'Sent from elsewhere',
		'async',
	);
	await n8n.waitForExecutions(otherOnly.id, 1);
	fake.chat.pushAgentReply(CHANNELS.other.token, client, 'An agent writes');
	await n8n.waitForExecutions(otherOnly.id, 2);
	fake.chat.runTextCampaign(CHANNELS.other.token, [client], 'Spring sale');
	await n8n.waitForExecutions(otherOnly.id, 3);
	fake.chat.fireTimeout(CHANNELS.other.token, client);
	await waitForDeliveries(url, 5);
	const executions = await exactlyExecutions(otherOnly.id, 4);
	expect(executions.map((e) => [e.mode, e.status])).toEqual(
		Array.from({ length: 4 }, () => ['webhook', 'success']),
	);
	// The documented webhook body names no kind: these are all "other" bot messages.
	expect(kindsAndTexts(executions, CHAT_TRIGGER)).toEqual([
		[['botReply', 'You said: Sent from elsewhere']],
		[['botReply', 'An agent writes']],
		[['botReply', 'Spring sale']],
		[['botReply', 'Are you still there?']],
	]);
	expect(itemsOfNode(executions[0], CHAT_TRIGGER)[0]).toMatchObject({
		clientId: client,
		questionId: outsideId,
	});
});

test('Polling Trigger, every choice: an agent reply, the answer to this n8n’s own send, the answer to a message from elsewhere and a timeout each start one execution of their kind', async () => {
	const token = CHANNELS.poll.token;
	const client = 'choice-poll-1';

	fake.chat.pushAgentReply(token, client, 'An agent writes');
	await n8n.waitForExecutions(polling.id, 1);

	const own = await sendFromN8n(SENDERS.poll, client, 'Sent by n8n');
	await n8n.waitForExecutions(polling.id, 2);

	const outsideId = await sendFromOutside(token, client, 'Sent from elsewhere', 'sync');
	await n8n.waitForExecutions(polling.id, 3);

	fake.chat.fireTimeout(token, client);
	const executions = await exactlyExecutions(polling.id, 4);
	expect(executions.map((e) => [e.mode, e.status])).toEqual(
		Array.from({ length: 4 }, () => ['trigger', 'success']),
	);
	expect(kindsAndTexts(executions, POLLING_TRIGGER)).toEqual([
		[['agentReply', 'An agent writes']],
		[['asyncReply', 'You said: Sent by n8n']],
		[['botReply', 'You said: Sent from elsewhere']],
		[['botReply', 'Are you still there?']],
	]);
	expect(itemsOfNode(executions[1], POLLING_TRIGGER)[0]).toMatchObject({
		questionId: own.questionId,
	});
	expect(itemsOfNode(executions[2], POLLING_TRIGGER)[0]).toMatchObject({
		questionId: outsideId,
	});
	// A whole-channel poll: the platform's events carry no client ID, so neither do these items.
	expect(
		executions.flatMap((e) => itemsOfNode(e, POLLING_TRIGGER)).map((item) => item.clientId),
	).toEqual([undefined, undefined, undefined, undefined]);
});

test('each message started exactly one execution; the sends started only their own workflow', async () => {
	await sleep(1000);
	const counts: Record<string, number> = {};
	for (const workflow of ALL_WORKFLOWS)
		counts[workflow.id] = (await executionsOf(workflow.id)).length;
	expect(counts).toEqual({
		[SENDERS.async.id]: 1,
		[SENDERS.other.id]: 1,
		[SENDERS.poll.id]: 1,
		[asyncOnly.id]: 1,
		[otherOnly.id]: 4,
		[polling.id]: 4,
	});
	for (const sender of Object.values(SENDERS)) {
		const [execution] = await executionsOf(sender.id);
		expect([execution.mode, execution.status]).toEqual(['webhook', 'success']);
	}
	const executions = (
		await Promise.all(ALL_WORKFLOWS.map(async (w) => await n8n.executions(w.id, true)))
	).flat();
	expect(leakedSecrets(JSON.stringify(executions))).toEqual([]);
	expect(leakedSecrets(n8n.log('main'))).toEqual([]);
});
