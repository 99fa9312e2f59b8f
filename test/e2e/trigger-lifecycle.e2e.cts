/**
 * The triggers' lifecycle in a real n8n: what publishing, unpublishing and restarting n8n do to
 * Tovie Chat Trigger's automatic registration and repeat memory and to Tovie Chat Polling Trigger's
 * cursor, counted in executions (n8n's public API) and in the fake channel's webhook address.
 *
 * n8n 2.40.7 publishes through an outbox: the public API's publish/unpublish return once the
 * change is queued, and the triggers are (de)registered a moment later (`publication-status` tells
 * when). Publishing a workflow that is not published (the first time, or again after an
 * unpublish) starts the trigger in activation mode 'activate'; a workflow published with the CLI
 * while n8n is down, and every published workflow when n8n starts up again, starts in 'init' (the
 * startup reconciliation). The CLI's `unpublish:workflow` only writes the database ("restart n8n
 * for changes to take effect"), so unpublishing goes through the running n8n's public API, whose
 * outbox teardown runs the node's webhook `delete` method (and a polling trigger's close function).
 *
 * One fake platform, one n8n user folder; n8n is started once and restarted twice (the last two
 * tests).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ChannelsModule, type FakeChannel } from '../helpers/fake-platform/channels.cts';
import { platformTimestamp } from '../helpers/fake-platform/chat.cts';
import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import { startE2eFake } from './fake.cts';
import {
	exampleCredential,
	EXAMPLE_CREDENTIAL_ID,
	EXAMPLE_CREDENTIAL_NAME,
	SECRETS,
} from './fixtures.cts';
import { N8nInstance, sleep, type ExampleWorkflow, type PublicExecution } from './n8n.cts';

const PORT = Number(process.env.E2E_LIFECYCLE_PORT ?? 5693);
/** How long a count must stay put to be the final count: a repeat would start within it. */
const SETTLE_MS = 4000;

/** Chat API tokens of this suite's own channels (the e2e fake knows the fixtures' two). */
const AUTO_TOKEN = 'e2e-chat-token-auto-Rk5cW1';
const RESTART_TOKEN = 'e2e-chat-token-restart-Hj6tN4';
const SELF_TOKEN = 'e2e-chat-token-self-Wq3zD7';
const SELF_CLIENT = 'life-self-client';
const AUTO_PROJECT = 'e2e-lifecycle';
/** The channel's webhook address before the workflow is published (nothing listens there). */
const PREVIOUS_URL = 'http://127.0.0.1:9/previous-chat-hook';

const CHAT_TRIGGER = 'Tovie Chat Trigger';
const POLLING_TRIGGER = 'Tovie Chat Polling Trigger';
const CHAT_SEND = 'Tovie Chat Send';

const CREDENTIALS = {
	auto: { id: 'tovieLifeAuto001', token: AUTO_TOKEN },
	poll: { id: 'tovieLifePoll001', token: SECRETS.chatApiToken2 },
	restart: { id: 'tovieLifeRstrt01', token: RESTART_TOKEN },
	self: { id: 'tovieLifeSelf001', token: SELF_TOKEN },
};

let fake: FakePlatform;
let channels: ChannelsModule;
let autoChannel: FakeChannel;
let n8n: N8nInstance;

function triggerWorkflow(
	id: string,
	name: string,
	node: { type: string; name: string; parameters: Record<string, unknown>; webhookId?: string },
	credential: { id: string; name: string },
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
				credentials: { tovieApi: credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const credentialRef = (id: string) => ({ id, name: `Tovie lifecycle ${id}` });

/** Register Automatically on the channel of AUTO_TOKEN in project AUTO_PROJECT. */
const auto = triggerWorkflow(
	'TovieLifeAuto001',
	'Lifecycle: Chat Trigger, Register Automatically',
	{
		type: 'tovieChatTrigger',
		name: CHAT_TRIGGER,
		webhookId: '5b0e7c1d-2f3a-4b4c-9d5e-6f708192a3b4',
		parameters: { registration: 'auto', options: {} },
	},
	credentialRef(CREDENTIALS.auto.id),
);
/** The URL pasted by hand (nothing registered): the concurrent-delivery test posts to it directly. */
const twice = triggerWorkflow(
	'TovieLifeTwice01',
	'Lifecycle: Chat Trigger, two identical deliveries',
	{
		type: 'tovieChatTrigger',
		name: CHAT_TRIGGER,
		webhookId: '9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
		parameters: { registration: 'manual', options: {} },
	},
	{ id: EXAMPLE_CREDENTIAL_ID, name: EXAMPLE_CREDENTIAL_NAME },
);
const pollingNode = {
	type: 'tovieChatPollingTrigger',
	name: POLLING_TRIGGER,
	parameters: { options: { waitSeconds: 1 } },
};
/** Published, unpublished and published again while n8n runs. */
const poll = triggerWorkflow(
	'TovieLifePoll001',
	'Lifecycle: Polling Trigger published again',
	pollingNode,
	credentialRef(CREDENTIALS.poll.id),
);
/** Published before n8n starts; goes on across the restart. */
const restart = triggerWorkflow(
	'TovieLifeRstrt01',
	'Lifecycle: Polling Trigger across a restart',
	pollingNode,
	credentialRef(CREDENTIALS.restart.id),
);
/** Polling Trigger → Tovie Chat Send on the channel of SELF_TOKEN: answers every outside message. */
const selfAnswer: ExampleWorkflow = (() => {
	const workflow = triggerWorkflow(
		'TovieLifeSelf001',
		'Lifecycle: Polling Trigger → Send across a restart',
		// The events name no client: the trigger follows the one it answers (Options → Client ID).
		{ ...pollingNode, parameters: { options: { waitSeconds: 1, clientId: SELF_CLIENT } } },
		credentialRef(CREDENTIALS.self.id),
	);
	workflow.nodes.push({
		id: 'TovieLifeSelf001-send',
		name: CHAT_SEND,
		type: 'n8n-nodes-tovie.tovieChat',
		typeVersion: 1,
		position: [220, 0],
		parameters: {
			resource: 'message',
			operation: 'send',
			clientId: '={{ $json.clientId }}',
			query: '={{ "Re: " + $json.text }}',
		},
		credentials: { tovieApi: credentialRef(CREDENTIALS.self.id) },
	});
	workflow.connections = {
		[POLLING_TRIGGER]: { main: [[{ node: CHAT_SEND, type: 'main', index: 0 }]] },
	};
	return workflow;
})();

const webhookIdOf = (workflow: ExampleWorkflow) => workflow.nodes[0].webhookId!;
const productionUrl = (workflow: ExampleWorkflow) =>
	`${n8n.url}/webhook/${webhookIdOf(workflow)}/webhook`;

// ---- helpers -----------------------------------------------------------------------------------

async function waitFor(
	condition: () => boolean | Promise<boolean>,
	what: () => string,
	timeoutMs = 60_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await sleep(250);
	}
	throw new Error(
		`timed out after ${timeoutMs} ms waiting for ${what()}\n${n8n.log('main').slice(-4000)}`,
	);
}

/** n8n's publication status of a workflow (REST, what the editor shows). */
const publicationStatus = async (workflowId: string) =>
	(await n8n.rest<{ status: string }>('GET', `/workflows/${workflowId}/publication-status`)).status;

async function waitForPublication(workflowId: string, expected: 'published' | 'not_published') {
	let last = '';
	await waitFor(
		async () => (last = await publicationStatus(workflowId)) === expected,
		() => `${workflowId} to be ${expected} (status ${last})`,
	);
}

/** Publish and unpublish as a user of the public API (the editor's Publish / Unpublish). */
async function setPublished(workflowId: string, published: boolean): Promise<void> {
	const { status, body } = await n8n.api(
		'POST',
		`/workflows/${workflowId}/${published ? 'publish' : 'unpublish'}`,
		{},
	);
	if (status !== 200)
		throw new Error(
			`${published ? 'publish' : 'unpublish'} ${workflowId}: ${status} ${JSON.stringify(body)}`,
		);
	await waitForPublication(workflowId, published ? 'published' : 'not_published');
}

/** Every execution of the workflow, finished or not, oldest first. */
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

/** The items the trigger node output in an execution. */
function triggerItems(
	execution: PublicExecution,
	nodeName: string,
): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	return (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

const texts = (executions: PublicExecution[], nodeName: string) =>
	executions.map((execution) => triggerItems(execution, nodeName).map((item) => item.text));

/** `/events` requests of a channel token that reached the fake since `since` (epoch ms). */
const pollsOf = (token: string, since = 0) =>
	fake
		.requestsTo('GET', /\/events$/)
		.filter((request) => request.path === `/chatapi/${token}/events` && request.at >= since);

/** Waits until a poller started from "now" (its `ts` no earlier than `since`) asks for events. */
async function waitForFreshPoller(token: string, since: number): Promise<void> {
	await waitFor(
		() => pollsOf(token, since).some((request) => Number(request.query.ts) >= since - 1),
		() =>
			`a poll of the events from ${since} on (polls since: ${JSON.stringify(pollsOf(token, since).map((r) => r.query))})`,
	);
}

/** Waits until nobody has asked for the token's events for a while (the poller is closed). */
async function waitForNoPoller(token: string): Promise<void> {
	await waitFor(
		() => pollsOf(token, Date.now() - 2500).length === 0,
		() => `the poller of ${token.slice(0, 12)}… to stop asking for events`,
		30_000,
	);
}

/** The workflow's static data as n8n keeps it (the public API's workflow). */
async function staticDataOf(workflowId: string): Promise<Record<string, unknown>> {
	const { status, body } = await n8n.api<{ staticData?: Record<string, unknown> | string | null }>(
		'GET',
		`/workflows/${workflowId}`,
	);
	expect(status).toBe(200);
	const data = body.staticData;
	return (typeof data === 'string' ? JSON.parse(data) : (data ?? {})) as Record<string, unknown>;
}

// ---- setup -------------------------------------------------------------------------------------

beforeAll(async () => {
	fake = await startE2eFake();
	channels = fake.module(ChannelsModule);
	autoChannel = channels.addProject(AUTO_PROJECT, AUTO_TOKEN, PREVIOUS_URL);
	fake.chat.addToken(RESTART_TOKEN);
	fake.chat.addToken(SELF_TOKEN);

	n8n = new N8nInstance({ port: PORT });
	await n8n.importCredentials([
		exampleCredential(fake.url),
		...Object.values(CREDENTIALS).map(({ id, token }) =>
			exampleCredential(
				fake.url,
				credentialRef(id),
				id === CREDENTIALS.auto.id
					? { chatApiToken: token, projectShortName: AUTO_PROJECT }
					: { chatApiToken: token },
			),
		),
	]);
	await n8n.importWorkflow([auto, twice, poll, restart, selfAnswer]);
	// Published before n8n starts: registered when n8n starts up.
	for (const workflow of [twice, restart])
		await n8n.cliOk(['publish:workflow', `--id=${workflow.id}`]);
	await n8n.start();
	await n8n.setupOwner();
	await n8n.createApiKey();
	await n8n.waitForWebhook(`${webhookIdOf(twice)}/webhook`);
}, 300_000);

afterAll(async () => {
	await n8n?.dispose();
	await fake?.close();
});

// ---- the tests ---------------------------------------------------------------------------------

test('Register Automatically: publishing points the channel at n8n, three deliveries start three executions, unpublishing puts the previous address back', async () => {
	expect(autoChannel.webhookUrl).toBe(PREVIOUS_URL);
	expect(await publicationStatus(auto.id)).toBe('not_published');

	await setPublished(auto.id, true);
	expect(autoChannel.webhookUrl).toBe(productionUrl(auto));
	await n8n.waitForWebhook(`${webhookIdOf(auto)}/webhook`);

	// The platform delivers three messages to the address the node registered, one after another.
	const deliveredBefore = fake.chat.deliveries.length;
	for (let n = 1; n <= 3; n++) {
		fake.chat.pushAgentReply(AUTO_TOKEN, `life-auto-${n}`, `Auto reply ${n}`);
		await n8n.waitForExecutions(auto.id, n, 30_000);
	}
	const deliveries = fake.chat.deliveries.slice(deliveredBefore);
	expect(deliveries.map((d) => [d.url, d.status, d.attempt])).toEqual(
		Array.from({ length: 3 }, () => [productionUrl(auto), 200, 1]),
	);
	const executions = await exactlyExecutions(auto.id, 3);
	expect(executions.map((e) => [e.mode, e.status])).toEqual(
		Array.from({ length: 3 }, () => ['webhook', 'success']),
	);
	expect(texts(executions, CHAT_TRIGGER)).toEqual([
		['Auto reply 1'],
		['Auto reply 2'],
		['Auto reply 3'],
	]);

	// What the deliveries left in the node's static data: the registration, and the repeat memory.
	const nodeData = (await staticDataOf(auto.id))[`node:${CHAT_TRIGGER}`] as
		| { registration?: unknown; seen?: Record<string, number> }
		| undefined;
	expect(nodeData?.registration).toEqual({ channelId: autoChannel.id, previousUrl: PREVIOUS_URL });
	expect(Object.keys(nodeData?.seen ?? {})).toHaveLength(3);

	await setPublished(auto.id, false);
	await waitFor(
		() => autoChannel.webhookUrl === PREVIOUS_URL,
		() =>
			`the channel's webhook address to be ${PREVIOUS_URL} again (it is ${autoChannel.webhookUrl})`,
		10_000,
	);
	// Exactly two changes of the address: to n8n, and back.
	expect(
		channels.updates
			.filter((update) => update.id === autoChannel.id)
			.map(
				(update) =>
					(update.body.customData as { chatApi?: { callbackUrl?: string } } | undefined)?.chatApi
						?.callbackUrl,
			),
	).toEqual([productionUrl(auto), PREVIOUS_URL]);
	expect(await executionsOf(auto.id)).toHaveLength(3);
});

test('two identical deliveries at the same moment start one execution, and a later retry of it none', async () => {
	const event = {
		token: SECRETS.chatApiToken,
		clientId: 'life-twice-client',
		questionId: 'life-twice-question-1',
		data: {
			answer: 'Only once',
			replies: [{ type: 'text', text: 'Only once' }],
			nlpClass: '/Start',
			confidence: 1,
			newSessionStarted: false,
			endSession: false,
			debugData: [],
		},
		timestamp: platformTimestamp(Date.now()),
		blockForm: false,
	};
	const body = JSON.stringify([event]);
	const deliver = async () => {
		const response = await fetch(productionUrl(twice), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body,
		});
		return { status: response.status, body: (await response.json()) as { received?: number } };
	};

	const both = await Promise.all([deliver(), deliver()]);
	expect(both.map((answer) => answer.status)).toEqual([200, 200]);
	expect(both.map((answer) => answer.body.received).sort()).toEqual([0, 1]);
	const [execution] = await exactlyExecutions(twice.id, 1);
	expect([execution.mode, execution.status]).toEqual(['webhook', 'success']);
	expect(triggerItems(execution, CHAT_TRIGGER)).toEqual([
		expect.objectContaining({
			clientId: 'life-twice-client',
			questionId: 'life-twice-question-1',
			text: 'Only once',
		}),
	]);

	// The platform's retry a second later.
	await sleep(1000);
	const retry = await deliver();
	expect(retry).toEqual({ status: 200, body: { received: 0 } });
	await exactlyExecutions(twice.id, 1);
});

test('Polling Trigger: publishing again starts from now, nothing from before or from while it was unpublished', async () => {
	const token = CREDENTIALS.poll.token;
	const firstPublish = Date.now();
	await setPublished(poll.id, true);
	await waitForFreshPoller(token, firstPublish);
	fake.chat.pushAgentReply(token, 'life-poll-client', 'Before unpublishing');
	const [first] = await exactlyExecutions(poll.id, 1);
	expect([first.mode, first.status]).toEqual(['trigger', 'success']);
	expect(texts([first], POLLING_TRIGGER)).toEqual([['Before unpublishing']]);

	await setPublished(poll.id, false);
	await waitForNoPoller(token);
	fake.chat.pushAgentReply(token, 'life-poll-client', 'While unpublished');
	await sleep(500);

	const secondPublish = Date.now();
	await setPublished(poll.id, true);
	await waitForFreshPoller(token, secondPublish);
	fake.chat.pushAgentReply(token, 'life-poll-client', 'After publishing again');
	const executions = await exactlyExecutions(poll.id, 2);
	expect(String(executions[0].id)).toBe(String(first.id));
	expect(texts(executions, POLLING_TRIGGER)).toEqual([
		['Before unpublishing'],
		['After publishing again'],
	]);
	expect(executions[1].status).toBe('success');
});

test('Polling Trigger: an n8n restart goes on from the saved cursor: what came while n8n was down starts once, what was emitted does not start again', async () => {
	const token = CREDENTIALS.restart.token;
	// Published before n8n started (activation 'init', no cursor yet): it asks from that moment on.
	expect(pollsOf(token).length).toBeGreaterThan(0);
	fake.chat.pushAgentReply(token, 'life-restart-client', 'A: before the restart');
	const [a] = await exactlyExecutions(restart.id, 1);
	expect(texts([a], POLLING_TRIGGER)).toEqual([['A: before the restart']]);
	const cursorBefore = (await staticDataOf(restart.id))[`node:${POLLING_TRIGGER}`];

	await n8n.stop();
	writeFileSync(join(n8n.userFolder, 'main-before-restart.log'), n8n.log('main'));
	const stoppedAt = Date.now();
	fake.chat.pushAgentReply(token, 'life-restart-client', 'B: while n8n was down');
	await sleep(1000);
	expect(pollsOf(token, stoppedAt + 200)).toHaveLength(0);

	await n8n.start();
	await n8n.login();
	const afterRestart = await exactlyExecutions(restart.id, 2);
	expect(texts(afterRestart, POLLING_TRIGGER)).toEqual([
		['A: before the restart'],
		['B: while n8n was down'],
	]);
	expect(afterRestart[1].status).toBe('success');

	fake.chat.pushAgentReply(token, 'life-restart-client', 'C: after the restart');
	const all = await exactlyExecutions(restart.id, 3);
	expect(texts(all, POLLING_TRIGGER)).toEqual([
		['A: before the restart'],
		['B: while n8n was down'],
		['C: after the restart'],
	]);
	console.info(`polling cursor saved before the restart: ${JSON.stringify(cursorBefore)}`);
}, 300_000);

test('A published "Tovie Chat Polling Trigger → Tovie Chat Send" workflow does not answer itself after an n8n restart', async () => {
	const token = CREDENTIALS.self.token;
	const client = SELF_CLIENT;
	/** Chat sends (`POST /chatapi/{token}`) n8n made on this channel, oldest first. */
	const sends = () =>
		fake.requestsTo('POST', /^\/chatapi\/[^/]+$/).filter((r) => r.path === `/chatapi/${token}`);
	const sendBodies = () => sends().map((request) => request.body);
	const sendItems = (execution: PublicExecution) => {
		const runs = execution.data?.resultData.runData[CHAT_SEND] ?? [];
		return (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	};
	/** The channel's events as the platform lists them to anyone (`/events?all=true`). */
	const listedEvents = async () => {
		const response = await fetch(`${fake.url}/chatapi/${token}/events?all=true&ts=0`);
		expect(response.status).toBe(200);
		return (
			(await response.json()) as { events: Array<{ type: string; event: Record<string, unknown> }> }
		).events;
	};

	const published = Date.now();
	await setPublished(selfAnswer.id, true);
	await waitForFreshPoller(token, published);

	// An outside message: an agent answers the client. The workflow answers it once.
	fake.chat.pushAgentReply(token, client, 'Outside 1: an agent writes');
	const finished = await n8n.waitForExecutions(selfAnswer.id, 1);
	// Stopped right after that execution: nothing else happens on the channel in between.
	const staticBefore = await staticDataOf(selfAnswer.id);
	const listedBefore = await listedEvents();
	const before = await executionsOf(selfAnswer.id);
	await n8n.stop();
	writeFileSync(join(n8n.userFolder, 'main-before-second-restart.log'), n8n.log('main'));
	const stoppedAt = Date.now();
	console.info(`static data before the restart: ${JSON.stringify(staticBefore)}`);

	expect(finished).toHaveLength(1);
	expect(before.map((e) => [e.mode, e.status])).toEqual([['trigger', 'success']]);
	expect(texts(before, POLLING_TRIGGER)).toEqual([['Outside 1: an agent writes']]);
	expect(sendBodies()).toEqual([{ clientId: client, query: 'Re: Outside 1: an agent writes' }]);
	const [answer] = sendItems(before[0]);
	expect(answer).toEqual(
		expect.objectContaining({
			clientId: client,
			answer: 'You said: Re: Outside 1: an agent writes',
			questionId: expect.any(String),
		}),
	);
	const questionId = String(answer.questionId);
	// The platform lists the workflow's own send and the bot's synchronous answer to it, in the
	// documented shape: no client inside the events, the agent's reply typed like a bot's.
	expect(
		listedBefore.map(({ type, event }) => [type, event.clientId, event.questionId === questionId]),
	).toEqual([
		['botResponse', undefined, false],
		['clientRequest', undefined, true],
		['botResponse', undefined, true],
	]);
	expect(listedBefore[2].event.data).toEqual(
		expect.objectContaining({ answer: 'You said: Re: Outside 1: an agent writes' }),
	);
	// n8n saved the send's questionId in the workflow's static data (nodes/common/chat/ownSends.ts).
	const ownSends = (staticBefore.global as { tovieOwnSends?: Record<string, number> } | undefined)
		?.tovieOwnSends;
	expect(Object.keys(ownSends ?? {})).toEqual([
		expect.stringMatching(new RegExp(`\\|${questionId}$`)),
	]);
	// The saved cursor: the restarted trigger asks again for the bot's answer (else nothing is tested).
	const botAnswerTs = fake.chat.events(token).find((e) => e.type === 'botResponse')!.ts;
	// The whole-channel cursor (`all`): the one that lists the bot's answers.
	const cursorBefore = staticBefore[`node:${POLLING_TRIGGER}`] as
		| { all?: { ts?: number } }
		| undefined;
	expect(cursorBefore?.all?.ts).toBeLessThanOrEqual(botAnswerTs);

	await n8n.start();
	await n8n.login();
	const channelPolls = () => pollsOf(token, stoppedAt).filter((poll) => poll.query.all === 'true');
	await waitFor(
		() => channelPolls().length > 0,
		() => 'the restarted Polling Trigger to ask for events',
	);
	const [firstPoll] = channelPolls();
	expect(Number(firstPoll.query.ts)).toBeLessThanOrEqual(botAnswerTs);
	// Several poll rounds (1 s each): neither the own send nor the bot's answer to it starts it.
	await sleep(5000);
	expect(pollsOf(token, stoppedAt).length).toBeGreaterThanOrEqual(3);
	expect(texts(await executionsOf(selfAnswer.id), POLLING_TRIGGER)).toEqual([
		['Outside 1: an agent writes'],
	]);
	expect(sendBodies()).toEqual([{ clientId: client, query: 'Re: Outside 1: an agent writes' }]);

	fake.chat.pushAgentReply(token, client, 'Outside 2: after the restart');
	const all = await exactlyExecutions(selfAnswer.id, 2);
	expect(texts(all, POLLING_TRIGGER)).toEqual([
		['Outside 1: an agent writes'],
		['Outside 2: after the restart'],
	]);
	expect(all[1].status).toBe('success');
	expect(sendBodies()).toEqual([
		{ clientId: client, query: 'Re: Outside 1: an agent writes' },
		{ clientId: client, query: 'Re: Outside 2: after the restart' },
	]);
	console.info(
		`static data after the restart: ${JSON.stringify(await staticDataOf(selfAnswer.id))}`,
	);
}, 300_000);
