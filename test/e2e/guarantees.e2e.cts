/**
 * Repeat Protection in a real n8n (nodes/common/repeats.ts): the ways n8n runs the same work again
 * (Settings → Retry On Fail, the same workflow run again after a failure, Retry of a failed
 * execution) send nothing twice, counted on what the fake platform received; and a saved chat
 * state loads back exactly as saved, dates and large numbers included.
 *
 * The `n8n execute` runs come first, while no `n8n start` holds the instance's task-broker port;
 * the server is started once afterwards for n8n's public API and the REST retry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FakePlatform, RecordedRequest } from '../helpers/fake-platform/server.cts';
import { TextCampaignModule } from '../helpers/fake-platform/textCampaigns.cts';
import { EXAMPLE_BOT_ID, EXAMPLE_CAMPAIGNS, startE2eFake } from './fake.cts';
import { exampleCredential, EXAMPLE_CREDENTIAL_ID, EXAMPLE_CREDENTIAL_NAME } from './fixtures.cts';
import { itemsOf, N8nInstance, runDataOf, type ExampleWorkflow, type RunData } from './n8n.cts';

const PORT = Number(process.env.E2E_GUARANTEES_PORT ?? 5696);
const CLIENTS = 10;
const SEND_NODE = 'Send the event';
const WEBHOOK_PATH = 'tovie-guarantees-g4';
const WEBHOOK_ID = '3c9d6e2a-7b41-4f08-9a5e-6d2c1b0f4e71';
const credentials = { tovieApi: { id: EXAMPLE_CREDENTIAL_ID, name: EXAMPLE_CREDENTIAL_NAME } };

let fake: FakePlatform;
let campaigns: TextCampaignModule;
let n8n: N8nInstance;

/**
 * Manual Trigger (or a Webhook, `webhookPath`) → ten clients (`<prefix>0` … `<prefix>9`, one item
 * each) → Tovie Text Campaign Client → Send Event, ten requests at once; `settings` go on the send node.
 */
function sendEventWorkflow(
	id: string,
	name: string,
	prefix: string,
	{ settings = {}, webhookPath }: { settings?: Record<string, unknown>; webhookPath?: string } = {},
): ExampleWorkflow {
	const clients = Array.from({ length: CLIENTS }, (_, n) => ({
		clientId: `${prefix}${n}`,
		orderId: 5000 + n,
	}));
	return {
		id,
		name,
		nodes: [
			webhookPath
				? {
						id: `${id}-webhook`,
						name: 'Start',
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						position: [0, 0],
						webhookId: WEBHOOK_ID,
						parameters: { httpMethod: 'POST', path: webhookPath, options: {} },
					}
				: {
						id: `${id}-manual`,
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
			{
				id: `${id}-clients`,
				name: 'Clients',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ clients }), options: {} },
			},
			{
				id: `${id}-split`,
				name: 'One item per client',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'clients', options: {} },
			},
			{
				id: `${id}-send`,
				name: SEND_NODE,
				type: 'n8n-nodes-tovie.tovieTextCampaign',
				typeVersion: 1,
				position: [660, 0],
				parameters: {
					resource: 'client',
					operation: 'sendEvent',
					botId: { __rl: true, mode: 'id', value: EXAMPLE_BOT_ID },
					textCampaignName: { __rl: true, mode: 'name', value: EXAMPLE_CAMPAIGNS[0] },
					clientId: '={{ $json.clientId }}',
					event: 'orderShipped',
					eventData: '={{ { orderId: $json.orderId } }}',
					options: { requestsAtOnce: 10 },
				},
				credentials,
				...settings,
			} as ExampleWorkflow['nodes'][number],
		],
		connections: {
			Start: { main: [[{ node: 'Clients', type: 'main', index: 0 }]] },
			Clients: { main: [[{ node: 'One item per client', type: 'main', index: 0 }]] },
			'One item per client': { main: [[{ node: SEND_NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const retryOnFail = sendEventWorkflow('TovieGuarRetry01', 'Guarantees: Retry On Fail', 'g1-', {
	settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
});
const runAgain = sendEventWorkflow(
	'TovieGuarRerun01',
	'Guarantees: run again after a failure',
	'g2-',
);
/** Fails once from the CLI; retried in the server with the saved workflow. */
const retrySaved = sendEventWorkflow(
	'TovieGuarRetry02',
	'Guarantees: failed run retried with the saved workflow',
	'g5-',
);

/** Published: its executions run in the `n8n start` process (mode webhook). */
const webhookRun = sendEventWorkflow('TovieGuarHook01', 'Guarantees: webhook run retried', 'g4-', {
	webhookPath: WEBHOOK_PATH,
});

/** Saved with Chat → State → Save: dates where the Chat node's date output would see them, nested and on top. */
const STATE = {
	timestamp: '2026-01-31T09:30:00',
	step: 'checkout',
	order: { id: 42, timestamp: 1714557600, lines: [{ sku: 'A-1', timestamp: '2026-01-31' }] },
	history: [{ timestamp: '2026-01-31', page: 'cart' }],
	visits: 9007199254740991,
};
const STATE_CLIENT = 'g3-state-client';
const stateWorkflow: ExampleWorkflow = {
	id: 'TovieGuarState01',
	name: 'Guarantees: chat state saved and loaded',
	nodes: [
		{
			id: 'TovieGuarState01-manual',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'TovieGuarState01-save',
			name: 'Save state',
			type: 'n8n-nodes-tovie.tovieChat',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				resource: 'state',
				operation: 'save',
				clientId: STATE_CLIENT,
				state: JSON.stringify(STATE, null, 2),
			},
			credentials,
		},
		{
			id: 'TovieGuarState01-load',
			name: 'Load state',
			type: 'n8n-nodes-tovie.tovieChat',
			typeVersion: 1,
			position: [440, 0],
			parameters: { resource: 'state', operation: 'load', clientId: '={{ $json.clientId }}' },
			credentials,
		},
	],
	connections: {
		Start: { main: [[{ node: 'Save state', type: 'main', index: 0 }]] },
		'Save state': { main: [[{ node: 'Load state', type: 'main', index: 0 }]] },
	},
	// A zone far from UTC: a converted date could not pass for the saved one.
	settings: { executionOrder: 'v1', timezone: 'Asia/Tokyo' },
};

const clientsOf = (prefix: string) => Array.from({ length: CLIENTS }, (_, n) => `${prefix}${n}`);
const clientOf = (request: RecordedRequest) =>
	String((JSON.parse(request.rawBody || '{}') as { clientId?: unknown }).clientId);
/** The Send Event requests the fake received for the clients of `prefix`, refused ones too. */
const sendsTo = (prefix: string) =>
	fake
		.requestsTo('POST', /\/dynamics\/send-event$/)
		.filter((request) => clientOf(request).startsWith(prefix));
/** How many sendings the platform holds for each client of `prefix`. */
const sendingsPerClient = (prefix: string) =>
	Object.fromEntries(
		clientsOf(prefix).map((clientId) => [
			clientId,
			campaigns.sendingList().filter((sending) => sending.clientId === clientId).length,
		]),
	);
const oneEach = (prefix: string) => Object.fromEntries(clientsOf(prefix).map((c) => [c, 1]));
const sendingIdOf = (clientId: string) =>
	campaigns.sendingList().find((sending) => sending.clientId === clientId)?.id;

function nodeRuns(runData: RunData, node: string) {
	return (runData[node] ?? []).map((run) => ({
		error: run.error?.message,
		items: run.data?.main?.[0]?.length ?? 0,
	}));
}

/** The workflow's static data as n8n stored it (`n8n export:workflow`). */
async function storedStaticData(workflowId: string): Promise<Record<string, unknown> | null> {
	const file = join(n8n.userFolder, `export-${workflowId}-${Date.now()}.json`);
	await n8n.cliOk(['export:workflow', `--id=${workflowId}`, `--output=${file}`]);
	const [exported] = JSON.parse(readFileSync(file, 'utf8')) as Array<{
		staticData: Record<string, unknown> | null;
	}>;
	return exported.staticData;
}

beforeAll(async () => {
	fake = await startE2eFake();
	campaigns = fake.module(TextCampaignModule);
	n8n = new N8nInstance({ port: PORT });
	await n8n.importCredentials([exampleCredential(fake.url)]);
	await n8n.importWorkflow([retryOnFail, runAgain, retrySaved, stateWorkflow, webhookRun]);
	await n8n.cliOk(['publish:workflow', `--id=${webhookRun.id}`]);
}, 300_000);

afterAll(async () => {
	await n8n?.dispose();
	await fake?.close();
});

describe('n8n execute (mode cli)', () => {
	test('Retry On Fail sends nothing twice: one client refused once, the retry sends only it', async () => {
		fake.inject({
			method: 'POST',
			path: /\/send-event$/,
			bodyIncludes: '"clientId":"g1-3"',
			status: 400,
			times: 1,
		});
		const { code, run, output } = await n8n.execute(retryOnFail.id);
		if (code !== 0 || !run) throw new Error(`n8n execute failed:\n${output.slice(-4000)}`);
		const runData = runDataOf(run);
		// One run of the node after its retries, without an error.
		expect(nodeRuns(runData, SEND_NODE)).toEqual([{ error: undefined, items: CLIENTS }]);

		const sends = sendsTo('g1-');
		expect(sends.length).toBe(CLIENTS + 1);
		expect(sends.filter((r) => r.status === 400).map(clientOf)).toEqual(['g1-3']);
		expect(sends.filter((r) => clientOf(r) === 'g1-3').map((r) => r.status)).toEqual([400, 200]);
		expect(sendingsPerClient('g1-')).toEqual(oneEach('g1-'));

		const items = itemsOf(runData, SEND_NODE);
		expect(items.filter((item) => item.skipped === true).length).toBe(CLIENTS - 1);
		expect(items).toEqual(
			clientsOf('g1-').map((clientId) =>
				clientId === 'g1-3'
					? expect.objectContaining({ clientId, accepted: true, sendingId: sendingIdOf(clientId) })
					: {
							sendingId: sendingIdOf(clientId),
							skipped: true,
							skipReason: expect.stringContaining('Repeat Protection'),
							sentAt: expect.any(String),
						},
			),
		);
	});

	describe('a failed execution run again sends only the rest', () => {
		let failedOutput = '';

		test('the first run fails on the refused client and names what it sent, with the sendingIds', async () => {
			fake.inject({
				method: 'POST',
				path: /\/send-event$/,
				bodyIncludes: '"clientId":"g2-7"',
				status: 400,
				times: 1,
			});
			const { code, output } = await n8n.execute(runAgain.id);
			failedOutput = output;
			expect(code).not.toBe(0);
			const sends = sendsTo('g2-');
			expect(sends.length).toBe(CLIENTS);
			expect(sends.filter((r) => r.status !== 200).map((r) => [clientOf(r), r.status])).toEqual([
				['g2-7', 400],
			]);
			expect(sendingsPerClient('g2-')).toEqual({ ...oneEach('g2-'), 'g2-7': 0 });

			expect(output).toContain('Not sent to client g2-7');
			expect(output).toContain('Sent (or sent earlier) before the run stopped:');
			for (const [n, clientId] of clientsOf('g2-').entries()) {
				if (clientId === 'g2-7') continue;
				expect({
					clientId,
					named: new RegExp(`item ${n} \\([^)]*sendingId ${sendingIdOf(clientId)}\\)`).test(output),
				}).toEqual({ clientId, named: true });
			}
			expect(output).toMatch(/Failed: item 7\./);
			expect(output).not.toMatch(/Not sent: item/);
		});

		test('n8n saved the static data of the failed execution: the nine sends, with their sendingIds', async () => {
			const staticData = await storedStaticData(runAgain.id);
			const ledger = (staticData?.[`node:${SEND_NODE}`] as { sent?: Record<string, unknown> })
				?.sent;
			const marks = Object.values(ledger ?? {});
			expect(marks.length).toBe(CLIENTS - 1);
			const ids = marks.map((mark) =>
				Array.isArray(mark) ? (mark[1] as { sendingId?: string }).sendingId : undefined,
			);
			expect(ids.sort()).toEqual(
				clientsOf('g2-')
					.filter((clientId) => clientId !== 'g2-7')
					.map(sendingIdOf)
					.sort(),
			);
		});

		test('the second run sends only the refused client and succeeds', async () => {
			expect(failedOutput).not.toBe('');
			const { code, run, output } = await n8n.execute(runAgain.id);
			if (code !== 0 || !run) throw new Error(`n8n execute failed:\n${output.slice(-4000)}`);
			const sends = sendsTo('g2-');
			expect(sends.length).toBe(CLIENTS + 1);
			expect(sends.slice(CLIENTS).map((r) => [clientOf(r), r.status])).toEqual([['g2-7', 200]]);
			expect(sendingsPerClient('g2-')).toEqual(oneEach('g2-'));
			const items = itemsOf(runDataOf(run), SEND_NODE);
			expect(
				items.map((item) =>
					item.skipped === true
						? 'skipped'
						: item.accepted === true
							? 'sent'
							: JSON.stringify(item),
				),
			).toEqual(clientsOf('g2-').map((clientId) => (clientId === 'g2-7' ? 'sent' : 'skipped')));
			expect(items.map((item) => item.sendingId)).toEqual(clientsOf('g2-').map(sendingIdOf));
		});
	});

	test('another workflow fails on a refused client (retried in the server below)', async () => {
		fake.inject({
			method: 'POST',
			path: /\/send-event$/,
			bodyIncludes: '"clientId":"g5-2"',
			status: 400,
			times: 1,
		});
		const { code } = await n8n.execute(retrySaved.id);
		expect(code).not.toBe(0);
		expect(
			sendsTo('g5-')
				.map((r) => r.status)
				.sort(),
		).toEqual([...Array<number>(CLIENTS - 1).fill(200), 400]);
		expect(sendingsPerClient('g5-')).toEqual({ ...oneEach('g5-'), 'g5-2': 0 });
	});

	test('a chat state saved with Chat → State → Save loads back exactly as saved', async () => {
		const { code, run, output } = await n8n.execute(stateWorkflow.id);
		if (code !== 0 || !run) throw new Error(`n8n execute failed:\n${output.slice(-4000)}`);
		const runData = runDataOf(run);
		// What the platform stored is what was given.
		const stored = fake.requestsTo('POST', /\/client\/g3-state-client\/state$/);
		expect(stored.map((r) => r.status)).toEqual([200]);
		expect(JSON.parse(stored[0].rawBody)).toEqual(STATE);
		expect(itemsOf(runData, 'Save state')).toEqual([
			{ clientId: STATE_CLIENT, saved: true, state: STATE },
		]);
		expect(itemsOf(runData, 'Load state')).toEqual([STATE]);
	});
});

describe('in the n8n server', () => {
	type Retried = { id: string; mode: string; status: string; retryOf: string };
	/** n8n's Retry of a failed execution (REST, as the editor's Retry buttons). */
	const retry = async (executionId: string | number, loadWorkflow: boolean) =>
		await n8n.rest<Retried>('POST', `/executions/${executionId}/retry`, { loadWorkflow });
	const failedExecutionOf = async (workflowId: string) => {
		const failed = (await n8n.executions(workflowId)).filter((e) => e.status === 'error');
		expect(failed.length).toBe(1);
		return failed[0];
	};
	const sendItemsOf = async (workflowId: string, executionId: string | number) => {
		const [execution] = (await n8n.executions(workflowId, true)).filter(
			(e) => String(e.id) === String(executionId),
		);
		return itemsOf(execution.data!.resultData.runData, SEND_NODE);
	};
	const allSkipped = (prefix: string) =>
		clientsOf(prefix).map((clientId) => [true, sendingIdOf(clientId)]);

	beforeAll(async () => {
		await n8n.start();
		await n8n.setupOwner();
		await n8n.createApiKey();
		await n8n.waitForWebhook(WEBHOOK_PATH);
	}, 180_000);

	test('the public API lists the cli executions: the failed one names its sends', async () => {
		const summary = async (workflowId: string) =>
			(await n8n.executions(workflowId))
				.sort((a, b) => Number(a.id) - Number(b.id))
				.map((e) => ({ mode: e.mode, status: e.status }));
		expect(await summary(retryOnFail.id)).toEqual([{ mode: 'cli', status: 'success' }]);
		expect(await summary(runAgain.id)).toEqual([
			{ mode: 'cli', status: 'error' },
			{ mode: 'cli', status: 'success' },
		]);
		expect(await summary(retrySaved.id)).toEqual([{ mode: 'cli', status: 'error' }]);
		expect(await summary(stateWorkflow.id)).toEqual([{ mode: 'cli', status: 'success' }]);

		const [failed] = (await n8n.executions(runAgain.id, true)).filter((e) => e.status === 'error');
		const error = failed.data?.resultData.error as { message?: string; description?: string };
		expect(error.message).toContain('Not sent to client g2-7');
		for (const clientId of clientsOf('g2-').filter((c) => c !== 'g2-7'))
			expect(error.description).toContain(`sendingId ${sendingIdOf(clientId)}`);
	});

	// Right after the CLI runs: this process has run nothing of this workflow yet, so only what n8n
	// hands the retry could protect it. n8n 2.40.7 keeps no static data in an execution's workflow
	// snapshot (toWorkflowSnapshot: id, name, nodes, connections, settings, nodeGroups), so a retry
	// with the original workflow starts from empty static data. The node cannot tell what went out
	// and fails closed: nothing is sent, and the error says to retry with the saved workflow.
	test('the failed cli execution retried with the original workflow (loadWorkflow false) sends nothing: it fails closed and says why', async () => {
		await n8n.login();
		const failed = await failedExecutionOf(runAgain.id);
		const before = sendsTo('g2-').length;
		const retried = await retry(failed.id, false);
		expect(sendsTo('g2-').length - before).toBe(0);
		expect(sendingsPerClient('g2-')).toEqual(oneEach('g2-'));
		expect(retried).toMatchObject({ mode: 'retry', status: 'error', retryOf: String(failed.id) });
		const [stored] = await n8n
			.api<{
				data: { resultData: { error?: { message?: string } } };
			}>('GET', `/executions/${String(retried.id)}?includeData=true`)
			.then((execution) => [execution.body]);
		expect(String(stored.data.resultData.error?.message)).toContain(
			'this retried execution has no record of what the original execution sent',
		);
	});

	test('a failed webhook execution retried with the original workflow, in the process that ran it, sends only the refused client', async () => {
		fake.inject({
			method: 'POST',
			path: /\/send-event$/,
			bodyIncludes: '"clientId":"g4-5"',
			status: 400,
			times: 1,
		});
		const response = await fetch(`${n8n.url}/webhook/${WEBHOOK_PATH}`, { method: 'POST' });
		expect(response.status).toBe(200);
		const [execution] = await n8n.waitForExecutions(webhookRun.id, 1);
		expect({ mode: execution.mode, status: execution.status }).toEqual({
			mode: 'webhook',
			status: 'error',
		});
		expect(sendsTo('g4-').length).toBe(CLIENTS);
		expect(sendingsPerClient('g4-')).toEqual({ ...oneEach('g4-'), 'g4-5': 0 });

		await n8n.login();
		const retried = await retry(execution.id, false);
		expect(retried).toMatchObject({
			mode: 'retry',
			status: 'success',
			retryOf: String(execution.id),
		});
		const sends = sendsTo('g4-');
		expect(sends.length).toBe(CLIENTS + 1);
		expect(sends.slice(CLIENTS).map((r) => [clientOf(r), r.status])).toEqual([['g4-5', 200]]);
		expect(sendingsPerClient('g4-')).toEqual(oneEach('g4-'));
		const items = await sendItemsOf(webhookRun.id, retried.id);
		expect(items.map((item) => [item.skipped ?? false, item.sendingId])).toEqual(
			clientsOf('g4-').map((clientId) => [clientId !== 'g4-5', sendingIdOf(clientId)]),
		);
	});

	test('a failed cli execution retried with the saved workflow (loadWorkflow true) sends only the refused client', async () => {
		await n8n.login();
		const failed = await failedExecutionOf(retrySaved.id);
		const retried = await retry(failed.id, true);
		expect(retried).toMatchObject({ mode: 'retry', status: 'success', retryOf: String(failed.id) });
		const sends = sendsTo('g5-');
		expect(sends.length).toBe(CLIENTS + 1);
		expect(sends.slice(CLIENTS).map((r) => [clientOf(r), r.status])).toEqual([['g5-2', 200]]);
		expect(sendingsPerClient('g5-')).toEqual(oneEach('g5-'));
		const items = await sendItemsOf(retrySaved.id, retried.id);
		expect(items.map((item) => [item.skipped ?? false, item.sendingId])).toEqual(
			clientsOf('g5-').map((clientId) => [clientId !== 'g5-2', sendingIdOf(clientId)]),
		);
	});
});
