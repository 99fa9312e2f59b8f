/**
 * Runs real workflows in process with n8n-core's WorkflowExecute, the engine n8n itself uses, so
 * node tests go through parameter resolution, credentials, `httpRequestWithAuthentication`,
 * continueOnFail and error handling exactly as in n8n. Modelled on n8n's own
 * packages/core/nodes-testing (node-test-harness.ts, credentials-helper.ts), without its DI,
 * nock and jest-mock-extended.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	ExecutionLifecycleHooks,
	getExecuteTriggerFunctions,
	HookContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	IWorkflowBase,
	IConnections,
	ExecutionError,
	WorkflowActivateMode,
} from 'n8n-workflow';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeOperationError,
	Workflow,
} from 'n8n-workflow';

import { TovieApi } from '../../credentials/TovieApi.credentials';

// ---------------------------------------------------------------------------------------------
// n8n-core reads its instance settings (folder, encryption key) and log level on first use: keep
// them out of the real home folder, and keep expected node errors out of the test output (run
// with N8N_LOG_LEVEL=debug to see them).

// One folder per test file, removed after it (jest workers do not reliably emit 'exit').
const n8nHome = mkdtempSync(join(tmpdir(), 'n8n-tovie-test-'));
process.env.N8N_USER_FOLDER = n8nHome;
if (typeof afterAll === 'function')
	afterAll(() => rmSync(n8nHome, { recursive: true, force: true }));
process.env.N8N_ENCRYPTION_KEY ??= 'tovie-test-encryption-key';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
process.env.N8N_LOG_LEVEL ??= 'silent';

// ---------------------------------------------------------------------------------------------
// Node types

export const PACKAGE_NAME = 'n8n-nodes-tovie';

/**
 * The package's nodes, loaded only when a workflow uses them, so a missing or broken node does not
 * break tests of the others. One line per node: full type name, module (relative to this file),
 * exported class.
 */
export const PACKAGE_NODE_REGISTRY: Array<[type: string, module: string, exportName: string]> = [
	[`${PACKAGE_NAME}.tovieChat`, '../../nodes/Chat/TovieChat.node', 'TovieChat'],
	[
		`${PACKAGE_NAME}.tovieChatTrigger`,
		'../../nodes/ChatTrigger/TovieChatTrigger.node',
		'TovieChatTrigger',
	],
	[`${PACKAGE_NAME}.tovieCalls`, '../../nodes/Calls/TovieCalls.node', 'TovieCalls'],
	[
		`${PACKAGE_NAME}.tovieChatPollingTrigger`,
		'../../nodes/ChatPollingTrigger/TovieChatPollingTrigger.node',
		'TovieChatPollingTrigger',
	],
	[`${PACKAGE_NAME}.toviePushgate`, '../../nodes/Pushgate/ToviePushgate.node', 'ToviePushgate'],
	[`${PACKAGE_NAME}.tovieNlp`, '../../nodes/Nlp/TovieNlp.node', 'TovieNlp'],
	[`${PACKAGE_NAME}.tovieReporter`, '../../nodes/Reporter/TovieReporter.node', 'TovieReporter'],
	[`${PACKAGE_NAME}.tovieOperator`, '../../nodes/Operator/TovieOperator.node', 'TovieOperator'],
	[
		`${PACKAGE_NAME}.tovieOperatorTrigger`,
		'../../nodes/OperatorTrigger/TovieOperatorTrigger.node',
		'TovieOperatorTrigger',
	],
	[
		`${PACKAGE_NAME}.tovieTextCampaign`,
		'../../nodes/TextCampaign/TovieTextCampaign.node',
		'TovieTextCampaign',
	],
	[`${PACKAGE_NAME}.tovieProject`, '../../nodes/Project/TovieProject.node', 'TovieProject'],
];

const loadedTypes = new Map<string, INodeType | IVersionedNodeType>();

/** Adds or replaces a node type, e.g. a test double. */
export function registerNodeType(type: string, instance: INodeType | IVersionedNodeType): void {
	loadedTypes.set(type, instance);
}

/** `tovieChat` is short for `n8n-nodes-tovie.tovieChat`; names with a dot are used as given. */
export function fullTypeName(type: string): string {
	return type.includes('.') ? type : `${PACKAGE_NAME}.${type}`;
}

function loadNodeType(type: string): INodeType | IVersionedNodeType {
	const loaded = loadedTypes.get(type);
	if (loaded) return loaded;
	const entry = PACKAGE_NODE_REGISTRY.find(([name]) => name === type);
	if (!entry)
		throw new Error(
			`Unknown node type "${type}": add it to PACKAGE_NODE_REGISTRY or call registerNodeType()`,
		);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const moduleExports = require(entry[1]) as Record<
		string,
		new () => INodeType | IVersionedNodeType
	>;
	const NodeClass = moduleExports[entry[2]];
	if (typeof NodeClass !== 'function') throw new Error(`${entry[1]} does not export ${entry[2]}`);
	const instance = new NodeClass();
	loadedTypes.set(type, instance);
	return instance;
}

function isVersioned(type: INodeType | IVersionedNodeType): type is IVersionedNodeType {
	return 'nodeVersions' in type;
}

export class NodeTypes implements INodeTypes {
	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return loadNodeType(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = loadNodeType(nodeType);
		return isVersioned(type) ? type.getNodeType(version) : type;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

// ---------------------------------------------------------------------------------------------
// Test node types

/** `test.start`: outputs the items of its `items` parameter (a JSON array of objects). */
export class TestStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Start',
		name: 'test.start',
		group: ['input'],
		version: 1,
		description: 'Outputs fixed items',
		defaults: { name: 'Start' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0, '[{}]') as unknown;
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

/**
 * `test.echo`: copies each item, adding `field: value`; fails on the item whose index is
 * `failOnItem` (honouring continueOnFail like a real node).
 */
export class TestEcho implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Echo',
		name: 'test.echo',
		group: ['transform'],
		version: 1,
		description: 'Copies items; can fail on purpose',
		defaults: { name: 'Echo' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Field', name: 'field', type: 'string', default: 'echoed' },
			{ displayName: 'Value', name: 'value', type: 'string', default: 'yes' },
			{ displayName: 'Fail On Item', name: 'failOnItem', type: 'number', default: -1 },
			{
				displayName: 'Error Message',
				name: 'errorMessage',
				type: 'string',
				default: 'Echo failed on purpose',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		this.getInputData().forEach((item, itemIndex) => {
			try {
				if (this.getNodeParameter('failOnItem', itemIndex) === itemIndex) {
					throw new NodeOperationError(
						this.getNode(),
						this.getNodeParameter('errorMessage', itemIndex) as string,
						{ itemIndex },
					);
				}
				const field = this.getNodeParameter('field', itemIndex) as string;
				output.push({
					json: { ...item.json, [field]: this.getNodeParameter('value', itemIndex) },
					pairedItem: { item: itemIndex },
				});
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		});
		return [output];
	}
}

/**
 * `test.request`: one authenticated GET per item to `path` below the credential's base URL,
 * through `httpRequestWithAuthentication` and the real TovieApi.authenticate (so
 * `{{tovie:chatApiToken}}` placeholders are filled). Outputs `{statusCode, body}`.
 */
export class TestRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Request',
		name: 'test.request',
		group: ['transform'],
		version: 1,
		description: 'Calls the platform with the Tovie credential',
		defaults: { name: 'Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tovieApi', required: true }],
		properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('tovieApi');
		const baseUrl = String(
			credentials.server === 'custom' ? credentials.baseUrl : credentials.server,
		);
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'tovieApi', {
				method: 'GET',
				url: baseUrl + (this.getNodeParameter('path', itemIndex) as string),
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as { statusCode: number; body: IDataObject };
			output.push({
				json: { statusCode: response.statusCode, body: response.body },
				pairedItem: { item: itemIndex },
			});
		}
		return [output];
	}
}

registerNodeType('test.start', new TestStart());
registerNodeType('test.echo', new TestEcho());
registerNodeType('test.request', new TestRequest());

// ---------------------------------------------------------------------------------------------
// Credentials

const credentialTypes: Record<string, ICredentialType> = { tovieApi: new TovieApi() };

/** Hands out the test's credential data and authenticates with the credential class itself. */
export class CredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate)
			throw new Error(`Generic authentication of ${typeName} is not supported by the test harness`);
		return requestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`The test gave no credentials of type ${type}`);
		return { ...data };
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used by the test harness');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}

// ---------------------------------------------------------------------------------------------
// Running workflows

export interface HarnessNode {
	/** Default: `Node 1`, `Node 2`, … in chain order. */
	name?: string;
	/** Full type name, or a package node's short name (`tovieChat`). */
	type: string;
	parameters?: IDataObject;
	continueOnFail?: boolean;
	/** n8n's Settings → Retry On Fail: how many tries in all (no wait between them). */
	retryOnFail?: number;
	/** Attach the `tovieApi` credential; default: when the node type declares it. */
	credentials?: boolean;
	typeVersion?: number;
}

export interface RunWorkflowOptions {
	nodes: HarnessNode[];
	/** A trigger node to start the workflow instead of the test start node (run in manual mode). */
	trigger?: HarnessNode;
	/** Items the start node outputs; default one empty item. */
	items?: IDataObject[];
	/** Data of the `tovieApi` credential. */
	credentials?: ICredentialDataDecryptedObject;
	/** Data of other credential types, by type name. */
	otherCredentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's static data; pass the same object to several runs and webhook calls to share it. */
	staticData?: IDataObject;
	/**
	 * The workflow's ID. Each run gets its own unless a test gives one: Repeat Protection remembers
	 * sends per workflow in process memory too, so runs of one workflow share it (like a re-run by hand).
	 */
	workflowId?: string;
	/** The workflow's time zone (settings `timezone`, what `getTimezone()` gives); default `WORKFLOW_TIMEZONE`. */
	timezone?: string;
}

/**
 * Workflows run in America/New_York unless a test says otherwise, while jest runs the process in
 * Asia/Tokyo (jest.config.js): a node that reads dates in the host zone, or in UTC, shows up.
 */
export const WORKFLOW_TIMEZONE = process.env.TOVIE_TEST_WORKFLOW_TZ || 'America/New_York';

export interface WorkflowResult {
	status: IRun['status'];
	/** Items of the node's first output, last run (default: the last node). */
	output(nodeName?: string, outputIndex?: number): INodeExecutionData[];
	/** `json` of those items. */
	json(nodeName?: string): IDataObject[];
	/** The error that stopped the workflow, if any. */
	error: ExecutionError | undefined;
	/** The error of one node's last run (default: the last node), with or without continueOnFail. */
	nodeError(nodeName?: string): ExecutionError | undefined;
	run: IRun;
	runData: IRunData;
	/** Names of the nodes in the order they ran. */
	executionOrder: string[];
	/** The whole run serialised, errors included: grep it for secrets. */
	serialized: string;
	nodeNames: string[];
}

const START_NODE = 'Start';

/** JSON of the run with errors' own properties (message, description, stack, context) kept. */
function serializeRun(run: IRun): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(run, (_key, value: unknown) => {
		if (value && typeof value === 'object') {
			if (seen.has(value)) return '[Circular]';
			seen.add(value);
		}
		if (value instanceof Error) {
			const plain: Record<string, unknown> = {};
			for (const key of Object.getOwnPropertyNames(value))
				plain[key] = (value as unknown as Record<string, unknown>)[key];
			return { ...plain, ...value };
		}
		return value;
	});
}

function toNode(nodeTypes: NodeTypes, node: HarnessNode, name: string, position: number): INode {
	const type = fullTypeName(node.type);
	const description = nodeTypes.getByNameAndVersion(type, node.typeVersion).description;
	const wantsCredential = description.credentials?.some((c) => c.name === 'tovieApi') ?? false;
	return {
		id: `node-${position}`,
		name,
		type,
		typeVersion:
			node.typeVersion ??
			(Array.isArray(description.version) ? Math.max(...description.version) : description.version),
		position: [position * 200, 0],
		parameters: (node.parameters ?? {}) as INode['parameters'],
		webhookId: `webhook-${position}`,
		...(node.continueOnFail
			? { continueOnFail: true, onError: 'continueRegularOutput' as const }
			: {}),
		...(node.retryOnFail
			? { retryOnFail: true, maxTries: node.retryOnFail, waitBetweenTries: 0 }
			: {}),
		...((node.credentials ?? wantsCredential)
			? { credentials: { tovieApi: { id: '1', name: 'Tovie test credential' } } }
			: {}),
	};
}

let workflowCount = 0;

function prepare(options: RunWorkflowOptions) {
	const nodeTypes = new NodeTypes();
	const names = options.nodes.map((node, index) => node.name ?? `Node ${index + 1}`);
	const startName = options.trigger ? (options.trigger.name ?? 'Trigger') : START_NODE;
	const first: INode = options.trigger
		? toNode(nodeTypes, options.trigger, startName, 0)
		: {
				id: 'start',
				name: START_NODE,
				type: 'test.start',
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(options.items ?? [{}]) },
			};
	const nodes: INode[] = [
		first,
		...options.nodes.map((node, index) => toNode(nodeTypes, node, names[index], index + 1)),
	];
	const chain = [startName, ...names];

	const connections: IConnections = {};
	for (let index = 0; index < chain.length - 1; index++) {
		connections[chain[index]] = {
			main: [[{ node: chain[index + 1], type: NodeConnectionTypes.Main, index: 0 }]],
		};
	}

	const workflowId = options.workflowId ?? `test-workflow-${++workflowCount}`;
	const workflow = new Workflow({
		id: workflowId,
		name: 'Test workflow',
		nodes,
		connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1', timezone: options.timezone ?? WORKFLOW_TIMEZONE },
		staticData: options.staticData,
	});

	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: 'Test workflow',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1', timezone: options.timezone ?? WORKFLOW_TIMEZONE },
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});

	const credentialsHelper = new CredentialsHelper({
		...options.otherCredentials,
		...(options.credentials ? { tovieApi: options.credentials } : {}),
	});
	const additionalData = {
		hooks,
		credentialsHelper,
		executionId: 'test-execution',
		currentNodeExecutionIndex: 0,
		currentNodeParameters: undefined,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'test-user',
		logAiEvent: () => {},
		sendDataToUI: () => {},
		setExecutionStatus: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported by the test harness');
		},
		startRunnerTask: async () => {
			throw new Error('Task runners are not supported by the test harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	return { workflow, additionalData, chain, executionOrder, startName };
}

export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowResult> {
	const { workflow, additionalData, chain, executionOrder, startName } = prepare(options);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: workflow.getNode(startName)!, data: { main: [[{ json: {} }]] }, source: null },
			],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);

	const runData = run.data.resultData.runData;
	const lastName = chain[chain.length - 1];
	const taskOf = (nodeName: string) => {
		const tasks = runData[nodeName];
		return tasks?.[tasks.length - 1];
	};
	const output = (nodeName = lastName, outputIndex = 0) =>
		(taskOf(nodeName)?.data?.main?.[outputIndex] ?? []) as INodeExecutionData[];
	return {
		status: run.status,
		output,
		json: (nodeName) => output(nodeName).map((item) => item.json),
		error: run.data.resultData.error,
		nodeError: (nodeName = lastName) => taskOf(nodeName)?.error,
		run,
		runData,
		executionOrder,
		serialized: serializeRun(run),
		nodeNames: chain,
	};
}

/** One node after the start node. */
export async function runNode(
	type: string,
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	credentials?: ICredentialDataDecryptedObject,
	options: {
		continueOnFail?: boolean;
		retryOnFail?: number;
		name?: string;
		workflowId?: string;
		staticData?: IDataObject;
	} = {},
): Promise<WorkflowResult> {
	const { workflowId, staticData, ...node } = options;
	return await runWorkflow({
		nodes: [{ type, parameters, ...node }],
		staticData,
		items,
		credentials,
		workflowId,
	});
}

/** What a webhook call receives and answers, in the shape of the express objects n8n passes. */
export interface WebhookCall {
	body?: unknown;
	rawBody?: Buffer;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	/** The webhook's `path` (for nodes with several webhooks); default: the first webhook. */
	path?: string;
	/** The HTTP method of the call; default POST. */
	method?: string;
}

export interface WebhookAnswer {
	statusCode?: number;
	body?: unknown;
	headers: Record<string, string>;
}

/**
 * Calls a trigger node's `webhook()` through n8n-core's real WebhookContext, as n8n's webhook
 * server does, and returns what the node answered and what it would start the workflow with.
 */
export async function callWebhook(
	node: HarnessNode,
	call: WebhookCall,
	credentials?: ICredentialDataDecryptedObject,
	staticData?: IDataObject,
	/** Calls with one ID are calls to one trigger (the Chat Trigger remembers events per trigger in process memory). */
	workflowId?: string,
) {
	const answer: WebhookAnswer = { headers: {} };
	const res = {
		status(code: number) {
			answer.statusCode = code;
			return res;
		},
		json(body: unknown) {
			answer.body = body;
			answer.statusCode ??= 200;
			return res;
		},
		send(body: unknown) {
			answer.body = body;
			answer.statusCode ??= 200;
			return res;
		},
		end() {
			answer.statusCode ??= 200;
			return res;
		},
		setHeader(name: string, value: string) {
			answer.headers[name.toLowerCase()] = value;
			return res;
		},
	};
	const { workflow, additionalData, startName } = prepare({
		nodes: [],
		trigger: node,
		credentials,
		staticData,
		workflowId,
	});
	Object.assign(additionalData, { httpResponse: res });
	const workflowNode = workflow.getNode(startName)!;
	const nodeType = workflow.nodeTypes.getByNameAndVersion(
		workflowNode.type,
		workflowNode.typeVersion,
	);
	const webhooks = nodeType.description.webhooks!;
	const webhookDescription =
		webhooks.find((webhook) => call.path !== undefined && webhook.path === call.path) ??
		webhooks[0];
	const path = `/webhook/${workflowNode.webhookId}/${String(webhookDescription.path)}`;
	const req = {
		body: call.body ?? {},
		rawBody: call.rawBody,
		headers: call.headers ?? {},
		query: call.query ?? {},
		params: {},
		path,
		url: path,
		method: call.method ?? 'POST',
	};
	Object.assign(additionalData, { httpRequest: req });
	const webhookData = {
		httpMethod: webhookDescription.httpMethod,
		node: startName,
		path: String(webhookDescription.path),
		webhookDescription,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
	};
	const context = new WebhookContext(
		workflow,
		workflowNode,
		additionalData,
		'manual',
		webhookData as never,
		[],
		null,
	);
	const result = await nodeType.webhook!.call(context as never);
	return { answer, result, items: (result.workflowData?.[0] ?? []).map((item) => item.json) };
}

/**
 * n8n-core's real trigger context for an activated workflow (mode `trigger`), with `emit` and
 * `emitError` collected, so a trigger's long-running loop can be tested as n8n runs it.
 */
export function activateTrigger(
	node: HarnessNode,
	credentials?: ICredentialDataDecryptedObject,
	options: {
		/** How n8n started it: 'activate' (publish), 'init' (n8n starting up), 'update'. */
		activation?: WorkflowActivateMode;
		/** Share it between starts, as n8n's saved static data. */
		staticData?: IDataObject;
	} = {},
) {
	const { workflow, additionalData, startName } = prepare({
		nodes: [],
		trigger: node,
		credentials,
		staticData: options.staticData,
	});
	const context = getExecuteTriggerFunctions(
		workflow,
		workflow.getNode(startName)!,
		additionalData,
		'trigger',
		options.activation ?? 'activate',
	);
	const emitted: IDataObject[][] = [];
	const errors: Error[] = [];
	Object.assign(context, {
		emit: (data: INodeExecutionData[][]) => emitted.push(data[0].map((item) => item.json)),
		emitError: (error: Error) => errors.push(error),
	});
	const nodeType = workflow.nodeTypes.getByNameAndVersion(workflow.getNode(startName)!.type, 1);
	return {
		context,
		emitted,
		errors,
		workflow,
		start: async () => (await nodeType.trigger!.call(context))!,
	};
}

/**
 * n8n-core's real hook context (what n8n hands `webhookMethods` on activation and deactivation),
 * for a trigger node of an active workflow. Static data lives on the returned workflow (on
 * `staticData` when given, to share it with webhook calls).
 */
export function hookContext(
	node: HarnessNode,
	credentials?: ICredentialDataDecryptedObject,
	staticData?: IDataObject,
) {
	const { workflow, additionalData, startName } = prepare({
		nodes: [],
		trigger: node,
		credentials,
		staticData,
	});
	const workflowNode = workflow.getNode(startName)!;
	const webhookDescription = workflow.nodeTypes.getByNameAndVersion(workflowNode.type, 1)
		.description.webhooks![0];
	const webhookData = {
		httpMethod: webhookDescription.httpMethod,
		node: startName,
		path: String(webhookDescription.path),
		webhookDescription,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		isTest: false,
	};
	const context = new HookContext(
		workflow,
		workflowNode,
		additionalData,
		'trigger',
		'activate',
		webhookData as never,
	);
	return {
		context,
		workflow,
		url: `${additionalData.webhookBaseUrl}/${workflowNode.webhookId}/${webhookDescription.path}`,
	};
}
