import type {
	IDataObject,
	IHookFunctions,
	INode,
	INodeType,
	INodeTypes,
	ITriggerFunctions,
	IWebhookFunctions,
	IWorkflowDataProxyAdditionalKeys,
} from 'n8n-workflow';
import { NodeOperationError, Workflow } from 'n8n-workflow';

/** The trigger's n8n context: a webhook call, a trigger's start, or the webhook's activation. */
export type OnlyWhenContext = ITriggerFunctions | IWebhookFunctions | IHookFunctions;

/**
 * Keeps the items whose event starts the workflow, in order: those the expression gives true for,
 * and those it could not decide on, which carry `onlyWhenError` (set on the item itself).
 */
export type OnlyWhen = (items: IDataObject[]) => Promise<IDataObject[]>;

/**
 * The "Only When" option as the user wrote it. Read from the node's raw parameters: n8n would
 * evaluate an expression against the trigger's (empty) input, while here it runs once per event.
 */
export function onlyWhenOf(node: INode): string | undefined {
	const options = node.parameters?.options;
	const raw =
		options && typeof options === 'object' && !Array.isArray(options)
			? (options as IDataObject).onlyWhen
			: undefined;
	return typeof raw === 'string' && raw.replace(/^=/, '').trim() ? raw : undefined;
}

/** As n8n stores an expression; a bare one (`$json.text.includes("x")`) counts as `{{ … }}`. */
function templateOf(raw: string): string {
	const source = raw.replace(/^=/, '').trim();
	return `=${source.includes('{{') ? source : `{{ ${source} }}`}`;
}

/** Not one node type is needed: the throwaway workflow only evaluates an expression. */
const noNodeTypes: INodeTypes = {
	getByName: () => undefined as unknown as INodeType,
	getByNameAndVersion: () => undefined as unknown as INodeType,
	getKnownTypes: () => ({}),
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function kindOf(value: unknown): string {
	if (value === null || value === undefined) return String(value);
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The value for the item, which is the user's own data; the log gets only its kind. */
function preview(value: unknown): string {
	if (typeof value === 'string')
		return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	return typeof value === 'number' ? String(value) : kindOf(value);
}

type Verdict = boolean | { error: string; log: string };

/** Only true, false and the texts "true" and "false" decide: anything else is a mistake to show. */
function verdictOf(evaluate: () => unknown): Verdict {
	let value: unknown;
	try {
		value = evaluate();
	} catch (error) {
		const message = `Only When failed: ${messageOf(error)}`;
		return { error: message, log: message };
	}
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
		return value.trim().toLowerCase() === 'true';
	const gave = (what: string) => `Only When gave ${what}, not true or false`;
	return { error: gave(preview(value)), log: gave(kindOf(value)) };
}

/** The last failure logged per trigger node: each new one is logged once, not once per event. */
const lastLogged = new Map<string, string>();

function warnOnce(ctx: OnlyWhenContext, message: string): void {
	const key = `${ctx.getWorkflow().id ?? ''}|${ctx.getNode().id}`;
	if (lastLogged.get(key) === message) return;
	lastLogged.set(key, message);
	ctx.logger.warn(`${message} (events it cannot decide on start the workflow)`, {
		workflowId: ctx.getWorkflow().id,
		node: ctx.getNode().name,
	});
}

/**
 * `$vars` of the running n8n. n8n hands its variables to nodes only through expressions of their own
 * context, so they are read once from it, while n8n still holds the workflow's expression engine
 * (the webhook call, the trigger's start). `ITriggerFunctions` does not declare `evaluateExpression`,
 * but n8n's trigger context has it.
 */
function variablesOf(ctx: OnlyWhenContext, template: string): IDataObject | undefined {
	if (!template.includes('$vars')) return undefined;
	const { evaluateExpression } = ctx as Partial<Pick<IWebhookFunctions, 'evaluateExpression'>>;
	try {
		const vars: unknown = evaluateExpression?.call(ctx, '{{ $vars }}', 0);
		if (vars && typeof vars === 'object' && !Array.isArray(vars)) return vars as IDataObject;
	} catch (error) {
		warnOnce(ctx, `Only When cannot read $vars: ${messageOf(error)}`);
		return undefined;
	}
	warnOnce(ctx, 'Only When cannot read $vars: this n8n does not hand them to the trigger');
	return undefined;
}

/**
 * Runs `decide` with an evaluator of the expression for one item: n8n's own expression engine on a
 * copy of this workflow (id, name, settings, time zone, the node) with `$json` (and `$input`) the
 * item, `$execution` and `$vars` of this n8n. A new copy per call: n8n's isolated engine lends its
 * isolate to one caller at a time, and the Polling Trigger's streams call at the same time.
 */
function evaluatorOf(ctx: OnlyWhenContext, template: string) {
	const node = ctx.getNode();
	const meta = ctx.getWorkflow();
	const mode = ctx.getMode();
	const additionalKeys: IWorkflowDataProxyAdditionalKeys = {
		// As n8n-core gives a node that runs before any execution exists.
		$execution: {
			id: ctx.getExecutionId() ?? '__UNKNOWN__',
			mode: mode === 'manual' ? 'test' : 'production',
		} as IWorkflowDataProxyAdditionalKeys['$execution'],
		$vars: variablesOf(ctx, template),
	};
	const settings = { ...ctx.getWorkflowSettings(), timezone: ctx.getTimezone() };
	return async <T>(decide: (evaluate: (item: IDataObject) => unknown) => T): Promise<T> => {
		const workflow = new Workflow({
			id: meta.id,
			name: meta.name,
			active: meta.active ?? false,
			nodes: [node],
			connections: {},
			nodeTypes: noNodeTypes,
			settings,
		});
		const evaluate = (item: IDataObject) =>
			workflow.expression.resolveSimpleParameterValue(
				template,
				{},
				null,
				0,
				0,
				node.name,
				[{ json: item }],
				mode,
				additionalKeys,
			);
		// n8n before 2.x has no isolated engine: nothing to acquire.
		return typeof workflow.expression.withIsolate === 'function'
			? await workflow.expression.withIsolate(async () => decide(evaluate))
			: decide(evaluate);
	};
}

/**
 * "Only When" ready to run on the events of one webhook call or one trigger start, or `undefined`
 * when it is empty. An event it cannot decide on (the expression fails, or gives something else
 * than true or false) is not dropped: it starts the workflow with `onlyWhenError` on its item,
 * and the failure goes to n8n's log (once per trigger and message).
 */
export function onlyWhenTest(ctx: OnlyWhenContext): OnlyWhen | undefined {
	const raw = onlyWhenOf(ctx.getNode());
	if (raw === undefined) return undefined;
	const run = evaluatorOf(ctx, templateOf(raw));
	return async (items) =>
		items.length === 0
			? items
			: await run((evaluate) =>
					items.filter((item) => {
						const verdict = verdictOf(() => evaluate(item));
						if (typeof verdict === 'boolean') return verdict;
						item.onlyWhenError = verdict.error;
						warnOnce(ctx, verdict.log);
						return true;
					}),
				);
}

/**
 * Stops the trigger's start (or the webhook's activation) when "Only When" cannot be read at all,
 * rather than letting every event through with the same error.
 */
export async function checkOnlyWhen(ctx: OnlyWhenContext): Promise<void> {
	const raw = onlyWhenOf(ctx.getNode());
	if (raw === undefined) return;
	const verdict = await evaluatorOf(
		ctx,
		templateOf(raw),
	)((evaluate) => verdictOf(() => evaluate({})));
	// n8n's engines both name a parse failure so; other failures may depend on the event.
	if (typeof verdict === 'object' && /invalid syntax/i.test(verdict.error))
		throw new NodeOperationError(ctx.getNode(), verdict.error, {
			description: 'Correct the expression in Options → Only When',
		});
}
