/**
 * "Only When" (nodes/common/chat/onlyWhen.ts) in n8n-core's real trigger and webhook contexts, on
 * both kinds of n8n expression engine: the legacy one and an isolated one (QuickJS here; n8n 2.x
 * runs isolated-vm by default, which has no build on every machine, and both share one bridge).
 * The trigger node is a stand-in, so these tests do not depend on the Chat triggers' wiring.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import type {
	IDataObject,
	INodeTypeDescription,
	ITriggerFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ExpressionEvaluator, QuickJsBridge } from '@n8n/expression-runtime';
import { Expression, NodeConnectionTypes } from 'n8n-workflow';
import { expressionSandboxHooks } from 'n8n-workflow/dist/cjs/expression-sandboxing';

import { checkOnlyWhen, onlyWhenOf, onlyWhenTest } from '../../nodes/common/chat/onlyWhen';
import {
	activateTrigger,
	callWebhook,
	registerNodeType,
	WORKFLOW_TIMEZONE,
} from '../helpers/harness.cts';

const TYPE = 'test.onlyWhenTrigger';

/** A trigger with the Chat triggers' Only When option; its webhook filters `body.items`. */
class OnlyWhenTrigger {
	description: INodeTypeDescription = {
		displayName: 'Only When Trigger',
		name: TYPE,
		group: ['trigger'],
		version: 1,
		description: 'Filters the posted items with Only When',
		defaults: { name: 'Only When Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'hook' }],
		properties: [
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Only When', name: 'onlyWhen', type: 'string', default: '' }],
			},
		],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const items = (this.getBodyData().items ?? []) as IDataObject[];
		const onlyWhen = onlyWhenTest(this);
		const kept = onlyWhen ? await onlyWhen(items) : items;
		return { workflowData: [this.helpers.returnJsonArray(kept)] };
	}
}
registerNodeType(TYPE, new OnlyWhenTrigger() as never);

const EVENTS: IDataObject[] = [
	{ eventKind: 'botReply', clientId: 'vip-1', text: 'order x', questionId: 'q1', data: {} },
	{ eventKind: 'botReply', clientId: 'user-2', text: '', questionId: 'q2', data: {} },
	{ eventKind: 'agentReply', clientId: 'vip-3', text: 'hello', questionId: 'q3', data: {} },
];
const events = () => EVENTS.map((event) => structuredClone(event));
const ids = (items: IDataObject[]) => items.map((item) => item.questionId);

/** A real n8n-core trigger context (mode `trigger`) of a workflow with this Only When. */
function triggerWith(onlyWhen: unknown) {
	const trigger = activateTrigger({ type: TYPE, parameters: { options: { onlyWhen } } });
	const context = trigger.context as ITriggerFunctions;
	const additionalData = (
		trigger.context as unknown as { additionalData: IWorkflowExecuteAdditionalData }
	).additionalData;
	const warn = jest.spyOn(context.logger, 'warn').mockImplementation(() => {});
	return { ...trigger, context, additionalData, warn };
}

/** The items a real n8n-core webhook call (mode `manual`: a test run) keeps. */
async function webhookWith(onlyWhen: string, workflowId?: string) {
	const { items } = await callWebhook(
		{ type: TYPE, parameters: { options: { onlyWhen } } },
		{ body: { items: events() } },
		undefined,
		undefined,
		workflowId,
	);
	return items;
}

afterEach(() => jest.restoreAllMocks());

describe('onlyWhenOf', () => {
	it.each([
		[{ options: { onlyWhen: '={{ $json.x }}' } }, '={{ $json.x }}'],
		[{ options: { onlyWhen: '$json.x' } }, '$json.x'],
		[{ options: { onlyWhen: '=  ' } }, undefined],
		[{ options: { onlyWhen: '' } }, undefined],
		[{ options: {} }, undefined],
		[{}, undefined],
	])('%j → %j', (parameters, expected) => {
		expect(onlyWhenOf({ parameters } as never)).toBe(expected);
	});

	it('is off when empty: no test at all', () => {
		expect(onlyWhenTest(triggerWith('').context)).toBeUndefined();
	});
});

/**
 * The isolated engines load their runtime with a dynamic import(), which jest runs only under
 * `--experimental-vm-modules`: without it, the isolated-engine tests run in a jest of their own.
 */
const VM_MODULES = '--experimental-vm-modules';
const canRunIsolated = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) =>
	arg.includes(VM_MODULES),
);

if (!canRunIsolated)
	it('passes on the QuickJS engine too (in a jest run with --experimental-vm-modules)', () => {
		const run = spawnSync(
			process.execPath,
			[require.resolve('jest/bin/jest'), __filename, '-t', 'on the quickjs expression engine'],
			{
				cwd: join(__dirname, '..', '..'),
				env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${VM_MODULES}` },
				encoding: 'utf8',
			},
		);
		expect({ status: run.status, summary: /Tests:.*/.exec(run.stderr)?.[0] }).toEqual({
			status: 0,
			summary: expect.stringMatching(/^Tests: +\d+ skipped, [1-9]\d* passed/),
		});
	}, 120_000);

describe.each(canRunIsolated ? (['legacy', 'quickjs'] as const) : (['legacy'] as const))(
	'on the %s expression engine',
	(engine) => {
		beforeAll(async () => {
			if (engine === 'legacy') return;
			// What Expression.initExpressionEngine does, whose dynamic import() jest cannot run.
			const evaluator = new ExpressionEvaluator({
				createBridge: () => new QuickJsBridge({ timeout: 5000, memoryLimit: 128 }),
				hooks: expressionSandboxHooks,
				maxCodeCacheSize: 100,
				poolSize: 1,
			});
			await evaluator.initialize();
			Object.assign(Expression, { vmEvaluator: evaluator });
			Expression.setExpressionEngine(engine);
			expect(Expression.getActiveImplementation()).toBe(engine);
		});
		afterAll(async () => {
			await Expression.disposeExpressionEngine();
			Expression.setExpressionEngine('legacy');
		});

		const keptBy = async (onlyWhen: string) => {
			const { context } = triggerWith(onlyWhen);
			return ids(await onlyWhenTest(context)!(events()));
		};

		it.each([
			['={{ $json.text.includes("x") }}', ['q1']],
			['={{ $json.clientId.startsWith("vip-") && $json.eventKind === "agentReply" }}', ['q3']],
			// A bare expression, as typed in a fixed field, counts as {{ … }}.
			['$json.clientId.startsWith("vip-")', ['q1', 'q3']],
			// Extension functions.
			['={{ !$json.text.isEmpty() }}', ['q1', 'q3']],
			[
				'={{ "2022-09-28T12:32:13".toDateTime().year === 2022 && $json.text.isNotEmpty() }}',
				['q1', 'q3'],
			],
			// $input is the event too.
			['={{ $input.item.json.questionId === "q2" }}', ['q2']],
			// The texts "true" and "false" decide as well, in any case.
			['={{ $json.clientId === "vip-1" ? "TRUE" : "false" }}', ['q1']],
		])('%s keeps %j', async (onlyWhen, expected) => {
			expect(await keptBy(onlyWhen)).toEqual(expected);
		});

		it("$now and $today are n8n's, in the workflow's time zone (the process runs in another)", async () => {
			expect(WORKFLOW_TIMEZONE).not.toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
			expect(
				await keptBy(
					`={{ $now.year >= 2020 && $now.zoneName === "${WORKFLOW_TIMEZONE}" && $today <= $now && $json.clientId === "vip-1" }}`,
				),
			).toEqual(['q1']);
		});

		// The execution ID is the one n8n gave the context (the harness gives "test-execution").
		it('$execution and $workflow are those of the published trigger', async () => {
			expect(
				await keptBy(
					'={{ $execution.mode === "production" && $execution.id === "test-execution" && $workflow.name === "Test workflow" && $workflow.id.startsWith("test-workflow-") && $json.questionId === "q2" }}',
				),
			).toEqual(['q2']);
		});

		it('in a webhook call: $execution.mode is "test" for a test run, $workflow.id the workflow\'s', async () => {
			expect(
				ids(
					await webhookWith(
						'={{ $execution.mode === "test" && $workflow.id === "wf-only-when" && !$json.text.isEmpty() }}',
						'wf-only-when',
					),
				),
			).toEqual(['q1', 'q3']);
		});

		it('$vars are the variables n8n gave the trigger', async () => {
			const { context, additionalData, workflow } = triggerWith(
				'={{ $json.clientId.startsWith($vars.vipPrefix) }}',
			);
			Object.assign(additionalData.variables, { vipPrefix: 'vip-' });
			// n8n holds the workflow's isolate while it starts a trigger or answers a webhook.
			await workflow.expression.withIsolate(async () => {
				const onlyWhen = onlyWhenTest(context)!;
				expect(ids(await onlyWhen(events()))).toEqual(['q1', 'q3']);
			});
		});

		it('an expression that fails lets every event through, marked, and is logged once', async () => {
			const { context, warn } = triggerWith('={{ $json.text.toDateTime().plus(1, "x") }}');
			const kept = await onlyWhenTest(context)!(events());
			expect(ids(kept)).toEqual(['q1', 'q2', 'q3']);
			for (const item of kept) expect(item.onlyWhenError).toMatch(/^Only When failed: \S.*/);
			expect(warn).toHaveBeenCalledTimes(1);
			expect(warn.mock.calls[0][0]).toMatch(
				/^Only When failed: .*\(events it cannot decide on start the workflow\)$/,
			);
			expect(warn.mock.calls[0][1]).toEqual({
				workflowId: context.getWorkflow().id,
				node: 'Trigger',
			});
		});

		it('a value other than true or false is shown on the item; the log gets its kind, not the text', async () => {
			const { context, warn } = triggerWith(
				'={{ $json.eventKind === "agentReply" ? $json.text : $json.clientId === "vip-1" }}',
			);
			const kept = await onlyWhenTest(context)!(events());
			expect(kept.map(({ questionId, onlyWhenError }) => [questionId, onlyWhenError])).toEqual([
				['q1', undefined],
				['q3', 'Only When gave "hello", not true or false'],
			]);
			expect(warn).toHaveBeenCalledTimes(1);
			expect(warn.mock.calls[0][0]).toBe(
				'Only When gave a string, not true or false (events it cannot decide on start the workflow)',
			);
		});

		it.each([
			['={{ $json.missing }}', 'Only When gave undefined, not true or false'],
			['={{ $json.data }}', 'Only When gave an object, not true or false'],
			['={{ 1 }}', 'Only When gave 1, not true or false'],
			['={{ "yes" }}', 'Only When gave "yes", not true or false'],
		])('%s is not a decision: %s', async (onlyWhen, message) => {
			const { context } = triggerWith(onlyWhen);
			const kept = await onlyWhenTest(context)!(events().slice(0, 1));
			expect(kept.map((item) => item.onlyWhenError)).toEqual([message]);
		});

		it('an attempt to leave the sandbox is refused by n8n and shown on the item', async () => {
			const { context } = triggerWith('={{ this.constructor.constructor("return process")() }}');
			const kept = await onlyWhenTest(context)!(events().slice(0, 1));
			expect(kept[0].onlyWhenError).toMatch(/^Only When failed: .*constructor/i);
		});

		it('without variables from n8n (an older n8n), $vars is missing and the log says so', async () => {
			const { context, warn } = triggerWith('={{ $json.clientId.startsWith($vars.vipPrefix) }}');
			const withoutVars = Object.assign(Object.create(context) as ITriggerFunctions, {
				evaluateExpression: undefined,
			});
			const kept = await onlyWhenTest(withoutVars)!(events().slice(0, 1));
			// The engines differ: one throws, one gives undefined; either way the item says so.
			expect(kept[0].onlyWhenError).toMatch(/^Only When (failed: |gave undefined)/);
			expect(warn.mock.calls[0][0]).toMatch(/^Only When cannot read \$vars: /);
		});

		it('a syntax error stops the start; per event it is reported like any failure', async () => {
			const { context } = triggerWith('={{ $json.text.includes( }}');
			await expect(checkOnlyWhen(context)).rejects.toThrow('Only When failed: invalid syntax');
			const kept = await onlyWhenTest(context)!(events().slice(0, 1));
			expect(kept[0].onlyWhenError).toBe('Only When failed: invalid syntax');
		});

		it('a start check passes an expression that only fails on some events, and an empty one', async () => {
			await expect(
				checkOnlyWhen(triggerWith('={{ $json.text.includes("x") }}').context),
			).resolves.toBeUndefined();
			await expect(checkOnlyWhen(triggerWith('').context)).resolves.toBeUndefined();
		});

		it('two streams may filter at the same time', async () => {
			const { context } = triggerWith('={{ $json.clientId.startsWith("vip-") }}');
			const onlyWhen = onlyWhenTest(context)!;
			const results = await Promise.all([onlyWhen(events()), onlyWhen(events()), onlyWhen([])]);
			expect(results.map(ids)).toEqual([['q1', 'q3'], ['q1', 'q3'], []]);
		});
	},
);
