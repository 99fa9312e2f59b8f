/**
 * The Operator API end to end against the fake platform: the platform calls Tovie Operator
 * Trigger's six webhooks over real HTTP (through n8n-core's WebhookContext), the trigger remembers
 * setWebhook in the workflow's static data, and Tovie Operator posts agent events back to the
 * platform's webhook, found automatically, in the credential, or as a custom URL.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { OperatorModule } from '../helpers/fake-platform/operator.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import {
	callWebhook,
	registerNodeType,
	runWorkflow,
	type HarnessNode,
	type WorkflowResult,
} from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	generatedData,
	SECRETS,
	useFastRetries,
} from '../helpers/integration.cts';

const CHANNEL = 'opchan-7f3a9c21e5d4';
const OTHER_CHANNEL = 'opchan-0b1c2d3e4f5a';
let fake: FakePlatform;
let operator: OperatorModule;
const runs: WorkflowResult[] = [];

/**
 * Stands in for n8n's webhook server: routes `/webhook/{id}/{call}` by method and path to the
 * trigger's webhook(), answers with what it answered, then runs `after` with the items. The
 * workflow's static data is one object, shared by webhook calls and runs as n8n shares it through
 * the database.
 */
class N8nStandIn {
	server!: Server;
	apiUrl = '';
	parameters: IDataObject = {};
	staticData: IDataObject = {};
	after: HarnessNode[] = [{ type: 'test.echo', parameters: { field: 'handled', value: 'yes' } }];
	calls: Array<{ call: string; status: number }> = [];
	executions: WorkflowResult[] = [];
	errors: Error[] = [];

	async start() {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', async () => {
				const call = (req.url ?? '').split('?')[0].split('/').pop() ?? '';
				// The base URL itself (GET), then one webhook per call below it.
				const isBase = call === 'webhook-0';
				const expected = call === 'getDestinations' || isBase ? 'GET' : 'POST';
				const known =
					isBase ||
					[
						'getDestinations',
						'setWebhook',
						'selectDestination',
						'sendText',
						'sendFile',
						'closeChat',
					].includes(call);
				if (!known || req.method !== expected) {
					res.writeHead(404).end(JSON.stringify({ message: 'webhook not registered' }));
					return;
				}
				let body: unknown = {};
				try {
					body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
				} catch {
					// n8n passes unparseable bodies on as {}
				}
				let called: Awaited<ReturnType<typeof callWebhook>>;
				try {
					called = await callWebhook(
						{ type: 'tovieOperatorTrigger', parameters: this.parameters },
						{ body, path: isBase ? '/webhook/webhook-0' : call },
						undefined,
						this.staticData,
					);
				} catch (error) {
					// As n8n's webhook server: an error thrown by webhook() is a 500, and logged.
					this.errors.push(error as Error);
					res.writeHead(500).end(JSON.stringify({ message: 'Error in workflow' }));
					this.calls.push({ call, status: 500 });
					return;
				}
				const { answer, items } = called;
				res
					.writeHead(answer.statusCode ?? 200, { 'content-type': 'application/json' })
					.end(JSON.stringify(answer.body ?? {}));
				this.calls.push({ call, status: answer.statusCode ?? 200 });
				if (items.length === 0) return;
				const run = await runWorkflow({
					items,
					nodes: this.after,
					credentials: credentialsFor(fake),
					staticData: this.staticData,
				});
				this.executions.push(run);
				runs.push(run);
			});
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.apiUrl = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/webhook/webhook-0`;
	}

	reset(parameters: IDataObject = {}) {
		this.parameters = parameters;
		this.staticData = {};
		this.after = [{ type: 'test.echo', parameters: { field: 'handled', value: 'yes' } }];
		this.calls = [];
		this.executions = [];
		this.errors = [];
	}
}

const n8n = new N8nStandIn();
const ALL_EVENTS = ['newDialog', 'clientMessage', 'clientFile', 'chatClosed'];
const GROUPS = {
	group: [
		{ destinationId: 'support', name: 'Support team', hasOnline: true },
		{ destinationId: 'sales', name: 'Sales', hasOnline: '={{ 1 > 2 }}' },
	],
};
const ANN = {
	employeeId: 'ann',
	firstName: 'Ann',
	lastName: 'Smith',
	avatarUrl: 'https://cdn.example.com/ann.png',
};
const AGENT = { agent: ANN };

async function until(check: () => boolean, timeoutMs = 5000) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

async function operatorNode(
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; credentials?: IDataObject; staticData?: IDataObject } = {},
) {
	const result = await runWorkflow({
		nodes: [
			{
				type: 'tovieOperator',
				parameters: { resource: 'chat', ...parameters },
				continueOnFail: options.continueOnFail,
			},
		],
		items,
		credentials: (options.credentials ?? credentialsFor(fake)) as never,
		staticData: options.staticData ?? n8n.staticData,
	});
	runs.push(result);
	return result;
}

useFastRetries();
beforeAll(async () => {
	fake = await startFakePlatform({ modules: [(platform) => new OperatorModule(platform)] });
	operator = fake.module(OperatorModule);
	await n8n.start();
});
beforeEach(() =>
	n8n.reset({ triggerOn: ALL_EVENTS, destinationsSource: 'list', destinations: GROUPS }),
);
afterEach(() => fake.reset());
afterAll(async () => {
	// The channel id is the secret of the Operator webhook: never in an output, an error or a run.
	expectNoSecrets(runs.map(generatedData), [CHANNEL, OTHER_CHANNEL, ...Object.values(SECRETS)]);
	n8n.server.closeAllConnections();
	n8n.server.close();
	await fake.close();
});

describe('Tovie Operator Trigger: the platform side of the Operator API', () => {
	it('answers setWebhook and remembers the URL in the workflow static data', async () => {
		const call = await operator.connect(CHANNEL, n8n.apiUrl);
		expect(call).toMatchObject({ status: 200, response: {} });
		expect((n8n.staticData.global as IDataObject).tovieOperatorWebhook).toMatchObject({
			url: operator.webhookUrl(CHANNEL),
			node: 'Trigger',
		});
		expect(n8n.executions).toEqual([]);
	});

	it('refuses a setWebhook URL that is not an Operator webhook (400) and remembers nothing', async () => {
		operator.channels.set(CHANNEL, n8n.apiUrl);
		const response = await fetch(`${n8n.apiUrl}/setWebhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url: 'https://evil.example.com/collect' }),
		});
		expect(response.status).toBe(400);
		expect(n8n.staticData.global).toBeUndefined();
	});

	it('answers a GET on the base URL (the one URL the editor shows) and starts nothing', async () => {
		const response = await fetch(n8n.apiUrl);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ message: expect.stringContaining('API URL') });
		expect(n8n.executions).toEqual([]);
	});

	it('answers getDestinations from the list, with expressions evaluated, and starts nothing', async () => {
		await operator.connect(CHANNEL, n8n.apiUrl);
		const call = await operator.getDestinations(CHANNEL);
		expect(call).toMatchObject({ method: 'GET', status: 200 });
		expect(call.response).toEqual({
			destinations: [
				{ destinationId: 'support', name: 'Support team', hasOnline: true },
				{ destinationId: 'sales', name: 'Sales', hasOnline: false },
			],
		});
		expect(n8n.executions).toEqual([]);
	});

	it('answers getDestinations from JSON (an expression), and 500 when the JSON is broken', async () => {
		await operator.connect(CHANNEL, n8n.apiUrl);
		n8n.parameters = {
			triggerOn: ALL_EVENTS,
			destinationsSource: 'json',
			destinationsJson:
				'={{ JSON.stringify({ destinations: [{ destinationId: 7, name: "Night shift", hasOnline: "true" }] }) }}',
		};
		expect((await operator.getDestinations(CHANNEL)).response).toEqual({
			destinations: [{ destinationId: '7', name: 'Night shift', hasOnline: true }],
		});
		n8n.parameters = { ...n8n.parameters, destinationsJson: '[{"destinationId": "a"' };
		const broken = await operator.getDestinations(CHANNEL);
		expect(broken).toMatchObject({
			status: 500,
			response: { error: 'Agent Groups (JSON) is not valid JSON' },
		});
	});

	it('leaves getDestinations to the workflow (Respond to Webhook) when chosen', async () => {
		const { answer, result, items } = await callWebhook(
			{ type: 'tovieOperatorTrigger', parameters: { destinationsSource: 'workflow' } },
			{ path: 'getDestinations' },
		);
		expect(answer.statusCode).toBeUndefined();
		expect(result.noWebhookResponse).toBeUndefined();
		expect(items).toEqual([{ event: 'getDestinations', receivedAt: expect.any(String) }]);
	});

	it("starts the workflow once per client call, with the call's fields and the group name", async () => {
		await operator.connect(CHANNEL, n8n.apiUrl);
		await operator.transfer(CHANNEL, 'client-1', 'support', {
			userName: 'Jane Doe',
			attributes: '{"plan":"gold"}',
			hiddenAttributes: { crmId: 'x1' },
			customData: {},
		});
		await operator.clientText(CHANNEL, 'client-1', 'Where is my parcel?');
		await operator.clientFile(
			CHANNEL,
			'client-1',
			'https://files.example.com/photo.jpg',
			'photo.jpg',
			2048,
		);
		await operator.clientClose(CHANNEL, 'client-1');
		await until(() => n8n.executions.length === 4);
		const items = n8n.executions.map((run) => run.json()[0]);
		expect(items[0]).toEqual({
			event: 'newDialog',
			userId: 'client-1',
			destinationId: 'support',
			destinationName: 'Support team',
			userName: 'Jane Doe',
			attributes: { plan: 'gold' },
			hiddenAttributes: { crmId: 'x1' },
			customData: {},
			receivedAt: expect.any(String),
			handled: 'yes',
		});
		expect(items[1]).toMatchObject({
			event: 'clientMessage',
			userId: 'client-1',
			text: 'Where is my parcel?',
		});
		expect(items[2]).toMatchObject({
			event: 'clientFile',
			url: 'https://files.example.com/photo.jpg',
			fileName: 'photo.jpg',
			size: 2048,
		});
		expect(items[3]).toMatchObject({ event: 'chatClosed', text: 'The user closed the dialog' });
		expect(operator.outgoing.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
		expect(n8n.executions.map((run) => run.output()[0].pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
	});

	it('filters with Trigger On: filtered calls are answered 200 and start nothing', async () => {
		n8n.parameters = { ...n8n.parameters, triggerOn: ['clientMessage'] };
		await operator.connect(CHANNEL, n8n.apiUrl);
		await operator.transfer(CHANNEL, 'client-2', 'sales');
		await operator.clientText(CHANNEL, 'client-2', 'hi');
		await operator.clientClose(CHANNEL, 'client-2');
		await until(() => n8n.calls.length === 4);
		await until(() => n8n.executions.length === 1);
		expect(n8n.calls.map((c) => c.status)).toEqual([200, 200, 200, 200]);
		expect(n8n.executions[0].json()[0]).toMatchObject({ event: 'clientMessage', text: 'hi' });
	});

	it('a Trigger On value from an expression that is not an event fails the call, naming the field, and starts nothing', async () => {
		n8n.parameters = { ...n8n.parameters, triggerOn: '={{ ["clientMessages"] }}' };
		const status = (
			await fetch(`${n8n.apiUrl}/sendText`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ userId: 'client-3', text: 'hi' }),
			})
		).status;
		expect(status).toBeGreaterThanOrEqual(500);
		expect(n8n.executions).toHaveLength(0);
		expect(String(n8n.errors.at(-1)?.message)).toMatch(
			/^Trigger On has "clientMessages", which is not one of /,
		);
	});

	it('refuses calls an agent could not act on (400) and starts nothing', async () => {
		const post = async (call: string, body: unknown) =>
			(
				await fetch(`${n8n.apiUrl}/${call}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body),
				})
			).status;
		expect(await post('sendText', { text: 'no user' })).toBe(400);
		expect(await post('sendText', { userId: 'u' })).toBe(400);
		expect(await post('sendFile', { userId: 'u' })).toBe(400);
		expect(await post('selectDestination', { userId: 'u' })).toBe(400);
		expect(await post('closeChat', [1, 2])).toBe(400);
		expect(await post('unknownCall', { userId: 'u' })).toBe(404);
		expect(n8n.executions).toEqual([]);
	});
});

describe('Tovie Operator: agent events to the platform', () => {
	beforeEach(async () => {
		await operator.connect(CHANNEL, n8n.apiUrl);
	});

	it('sends texts with the URL the trigger remembered; every event gets its own id', async () => {
		const result = await operatorNode(
			{ operation: 'sendText', userId: '={{ $json.user }}', text: '={{ $json.text }}', ...AGENT },
			[
				{ user: 'client-1', text: 'Hi, Ann here' },
				{ user: 'client-2', text: 'Hello' },
			],
		);
		expect(result.status).toBe('success');
		const events = operator.events.map((e) => e.event);
		expect(events).toEqual([
			{
				id: expect.any(String),
				userId: 'client-1',
				type: 'TextMessage',
				text: 'Hi, Ann here',
				employee: {
					employeeId: 'ann',
					firstName: 'Ann',
					lastName: 'Smith',
					avatarUrl: 'https://cdn.example.com/ann.png',
				},
			},
			{
				id: expect.any(String),
				userId: 'client-2',
				type: 'TextMessage',
				text: 'Hello',
				employee: expect.any(Object),
			},
		]);
		expect(events[0].id).not.toEqual(events[1].id);
		expect(result.json()).toEqual(events);
		expect(result.output().map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(operator.events.every((e) => e.channelId === CHANNEL)).toBe(true);
	});

	it('sends a file, closes the chat and selects an agent group, with every required field', async () => {
		await operator.transfer(CHANNEL, 'client-3', 'support');
		await operatorNode({
			operation: 'sendFile',
			userId: 'client-3',
			url: 'https://files.example.com/label.pdf',
			comment: 'Your label',
			additionalFields: { fileName: 'label.pdf', size: 5120 },
			...AGENT,
		});
		await operatorNode({ operation: 'closeChat', userId: 'client-3', ...AGENT });
		await operatorNode({
			operation: 'selectAgentGroup',
			userId: 'client-3',
			destinationId: 'sales',
			destinationName: 'Sales',
			hasOnline: false,
		});
		expect(operator.events.map((e) => e.event.type)).toEqual([
			'FileMessage',
			'Closed',
			'SelectDestination',
		]);
		expect(operator.events[0].event).toMatchObject({
			url: 'https://files.example.com/label.pdf',
			name: 'label.pdf',
			size: 5120,
			comment: 'Your label',
		});
		expect(operator.events[2].event.destination).toEqual({
			destinationId: 'sales',
			name: 'Sales',
			hasOnline: false,
		});
		expect(operator.dialogs.get('client-3')).toMatchObject({
			status: 'closedByAgent',
			transcript: ['agent Ann file: https://files.example.com/label.pdf'],
		});
	});

	it('fills what is left out: the default agent, the file name from the link, size 0, the group name from its ID', async () => {
		await operatorNode({
			operation: 'sendFile',
			userId: 'client-4',
			url: 'https://files.example.com/docs/Order%20label.pdf?sig=1',
		});
		await operatorNode({ operation: 'closeChat', userId: 'client-4', agent: { firstName: 'Ann' } });
		await operatorNode({
			operation: 'selectAgentGroup',
			userId: 'client-4',
			destinationId: 'night',
		});
		const [file, closed, group] = operator.events.map((e) => e.event);
		expect(file).toMatchObject({
			type: 'FileMessage',
			name: 'Order label.pdf',
			size: 0,
			comment: '',
			employee: {
				employeeId: 'n8n',
				firstName: 'Support',
				lastName: 'Agent',
				avatarUrl: 'https://www.gravatar.com/avatar/?d=mp',
			},
		});
		expect(closed.employee).toEqual({
			employeeId: 'n8n',
			firstName: 'Ann',
			lastName: 'Agent',
			avatarUrl: 'https://www.gravatar.com/avatar/?d=mp',
		});
		expect(group.destination).toEqual({ destinationId: 'night', name: 'night', hasOnline: true });
	});

	it("prefers the credential's Operator Webhook URL, and takes a custom URL when chosen", async () => {
		operator.channels.set(OTHER_CHANNEL, '');
		const credentials = credentialsFor(fake, {
			operatorWebhookUrl: operator.webhookUrl(OTHER_CHANNEL),
		});
		await operatorNode({ operation: 'closeChat', userId: 'c', ...AGENT }, [{}], { credentials });
		expect(operator.events.pop()?.channelId).toBe(OTHER_CHANNEL);
		await operatorNode(
			{
				operation: 'closeChat',
				userId: 'c',
				...AGENT,
				webhookSource: 'url',
				webhookUrl: operator.webhookUrl(OTHER_CHANNEL),
			},
			[{}],
			{ staticData: {} },
		);
		expect(operator.events.pop()?.channelId).toBe(OTHER_CHANNEL);
	});

	it('fails before any request when no webhook is known, naming the field and the item', async () => {
		const result = await operatorNode(
			{ operation: 'sendText', userId: 'c', text: 'x', ...AGENT },
			[{}],
			{ staticData: {} },
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Platform Webhook is not known yet [item 0]');
		expect(fake.requests).toEqual([]);
	});

	it('validates required fields before sending; continueOnFail keeps the good items', async () => {
		const result = await operatorNode(
			{
				operation: 'sendText',
				userId: '={{ $json.user }}',
				text: '={{ $json.text }}',
				agent: { ...ANN, avatarUrl: '={{ $json.avatar }}' },
			},
			[
				{ user: 'ok', text: 'fine', avatar: 'https://cdn.example.com/a.png' },
				{ user: 'c', text: '', avatar: 'https://cdn.example.com/a.png' },
				{ user: 'c', text: 'x', avatar: 'not a url' },
				{ user: '', text: 'x', avatar: 'https://cdn.example.com/a.png' },
			],
			{ continueOnFail: true },
		);
		expect(result.json().map((j) => j.error ?? j.type)).toEqual([
			'TextMessage',
			'Text is empty [item 1]',
			'Agent → Avatar URL is not an http(s) URL: "not a url" [item 2]',
			'Client ID is empty [item 3]',
		]);
		expect(result.output().map((i) => i.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		expect(operator.events).toHaveLength(1);
		const file = await operatorNode(
			{
				operation: 'sendFile',
				userId: 'c',
				url: 'ftp://x',
				additionalFields: { fileName: 'a', size: 1 },
				...AGENT,
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(file.json()[0].error).toBe('File URL is not an http(s) URL: "ftp://x" [item 0]');
		const size = await operatorNode(
			{
				operation: 'sendFile',
				userId: 'c',
				url: 'https://x.example.com/a',
				additionalFields: { size: 1.5 },
				...AGENT,
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(size.json()[0].error).toMatch(/^File Size \(Bytes\) must be a whole number/);
		expect(fake.requests).toHaveLength(1);
	});

	it("reports the platform's refusal with its message, the channel id redacted", async () => {
		const unknown = await operatorNode(
			{
				operation: 'sendText',
				userId: 'c',
				text: 'x',
				...AGENT,
				webhookSource: 'url',
				webhookUrl: operator.webhookUrl(OTHER_CHANNEL),
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(unknown.json()[0].error).toBe(
			'The platform did not find the resource (or does not know the token) [404 Not Found]: Operator API channel *** not found',
		);
		expect(generatedData(unknown)).not.toContain(OTHER_CHANNEL);
		fake.inject({
			method: 'POST',
			path: /operatorapi/,
			status: 400,
			body: {
				timestamp: 'now',
				status: 400,
				error: 'Bad Request',
				message: 'employee.avatarUrl is required',
			},
		});
		const refused = await operatorNode({ operation: 'closeChat', userId: 'c', ...AGENT });
		expect(refused.status).toBe('error');
		expect(refused.error?.message).toContain('employee.avatarUrl is required');
		expect(refused.serialized).not.toContain(CHANNEL);
	});

	it('repeats an event the platform refused unread (429) with the same id, never one it may have taken (503)', async () => {
		fake.inject({
			method: 'POST',
			path: /operatorapi/,
			status: 429,
			headers: { 'Retry-After': '0' },
		});
		const retried = await operatorNode({
			operation: 'sendText',
			userId: 'c',
			text: 'once',
			...AGENT,
		});
		expect(retried.status).toBe('success');
		const posts = fake.requestsTo('POST', /operatorapi/);
		expect(posts).toHaveLength(2);
		expect(JSON.parse(posts[0].rawBody).id).toBe(JSON.parse(posts[1].rawBody).id);
		expect(operator.events).toHaveLength(1);
		fake.reset();
		operator.channels.set(CHANNEL, n8n.apiUrl);
		fake.inject({ method: 'POST', path: /operatorapi/, status: 503 });
		const failed = await operatorNode({
			operation: 'sendText',
			userId: 'c',
			text: 'twice?',
			...AGENT,
		});
		expect(failed.status).toBe('error');
		expect(fake.requestsTo('POST', /operatorapi/)).toHaveLength(1);
	});
});

/** Stands in for n8n's Slack node (not loaded here): "posts" the evaluated text to a channel. */
const slackChannel: string[] = [];
class SlackDouble implements INodeType {
	description = {
		displayName: 'Slack (test double)',
		name: 'n8n-nodes-base.slack',
		group: ['output'],
		version: 2.3,
		description: 'Records posted messages',
		defaults: { name: 'Slack' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Text', name: 'text', type: 'string', default: '' }],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_item, i) => {
				slackChannel.push(this.getNodeParameter('text', i) as string);
				return { json: { ok: true }, pairedItem: { item: i } };
			}),
		];
	}
}
registerNodeType('n8n-nodes-base.slack', new SlackDouble());

function example(file: string) {
	const workflow = JSON.parse(readFileSync(join(__dirname, '../../examples', file), 'utf8')) as {
		nodes: Array<{ name: string; type: string; parameters: IDataObject }>;
	};
	return (name: string): HarnessNode => {
		const node = workflow.nodes.find((n) => n.name === name)!;
		return { name, type: node.type, parameters: node.parameters };
	};
}

describe('examples/operator-slack-handoff.json: hand-off to Slack and back', () => {
	const node = example('operator-slack-handoff.json');
	const slashCommand = async (branch: string, text: string) => {
		const run = await runWorkflow({
			items: [{ body: { text, user_id: 'U024BE7LH', user_name: 'ann', command: '/tovie' } }],
			nodes: [node(branch)],
			credentials: credentialsFor(fake),
			staticData: n8n.staticData,
		});
		runs.push(run);
		return run;
	};

	it('runs the whole hand-over: transfer, client messages to Slack, agent replies and close back', async () => {
		slackChannel.length = 0;
		n8n.parameters = node('Tovie Operator Trigger').parameters!;
		n8n.after = [{ ...node("Post to the agents' Slack channel"), credentials: false }];
		await operator.connect(CHANNEL, n8n.apiUrl);
		const groups = await operator.getDestinations(CHANNEL);
		expect((groups.response as IDataObject).destinations).toEqual([
			{ destinationId: 'support', name: 'Support team', hasOnline: expect.any(Boolean) },
			{ destinationId: 'sales', name: 'Sales team', hasOnline: true },
		]);

		await operator.transfer(CHANNEL, 'client-9', 'sales', { userName: 'Jane Doe' });
		await operator.clientText(CHANNEL, 'client-9', 'Do you ship to Norway?');
		await until(() => slackChannel.length === 2);
		expect(slackChannel).toEqual([
			'[client-9] New chat from Jane Doe for Sales team. Reply with /tovie client-9 <your answer>, end it with /tovie-close client-9',
			'[client-9] Do you ship to Norway?',
		]);

		const reply = await slashCommand(
			'Reply to the client',
			'client-9 Yes, we ship to Norway in 3 days.',
		);
		expect(reply.status).toBe('success');
		const closed = await slashCommand('Close the chat', ' client-9 ');
		expect(closed.status).toBe('success');
		expect(operator.dialogs.get('client-9')).toMatchObject({
			status: 'closedByAgent',
			transcript: [
				'client: Do you ship to Norway?',
				'agent ann: Yes, we ship to Norway in 3 days.',
			],
		});
		expect(operator.eventsOf('client-9').map((e) => e.type)).toEqual(['TextMessage', 'Closed']);
		expect(operator.eventsOf('client-9')[0].employee).toEqual({
			employeeId: 'U024BE7LH',
			firstName: 'ann',
			lastName: 'Support',
			avatarUrl: 'https://www.gravatar.com/avatar/?d=mp',
		});
		expectNoSecrets(
			[reply.serialized, closed.serialized, ...n8n.executions.map((r) => r.serialized)],
			[CHANNEL],
		);
	});
});

describe('examples/operator-agent-reply.json', () => {
	it("its Tovie Operator node sends the Set node's answer to the credential's webhook", async () => {
		const node = example('operator-agent-reply.json');
		const set = JSON.parse(String(node("Agent's answer").parameters!.jsonOutput)) as IDataObject;
		operator.channels.set(OTHER_CHANNEL, '');
		const run = await runWorkflow({
			items: [set],
			nodes: [node('Send the answer')],
			credentials: credentialsFor(fake, { operatorWebhookUrl: operator.webhookUrl(OTHER_CHANNEL) }),
		});
		runs.push(run);
		expect(run.status).toBe('success');
		expect(
			operator.events.map((e) => [e.channelId, e.event.type, e.event.userId, e.event.text]),
		).toEqual([
			[
				OTHER_CHANNEL,
				'TextMessage',
				'client-42',
				'Hello, this is Ann from support. Your order ships today.',
			],
		]);
		expect(run.serialized).not.toContain(OTHER_CHANNEL);
	});
});
