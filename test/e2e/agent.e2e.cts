/**
 * The package's nodes as AI-agent tools in a real n8n: a public Chat Trigger starts an AI Agent whose
 * OpenAI Chat Model points at a fake OpenAI-compatible server (test/e2e/fake-openai.cts). The fake
 * model answers the first turn with a tool call to the Tovie tool it finds in the `tools` n8n sent,
 * n8n runs the Tovie node (its `...Tool` variant, `$fromAI()` filled from the call's arguments)
 * against the fake Tovie platform, and the second turn carries the tool result back to the model,
 * whose final text is the chat reply. One workflow answers when the agent finishes (plain JSON from
 * the model), the other streams its reply (server-sent events from the model).
 */
import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import { startE2eFake } from './fake.cts';
import {
	FAKE_OPENAI_API_KEY,
	FAKE_OPENAI_MODEL,
	contentText,
	startFakeOpenAi,
	type ChatCompletionRequest,
	type FakeOpenAi,
} from './fake-openai.cts';
import {
	EXAMPLE_CREDENTIAL_ID,
	EXAMPLE_CREDENTIAL_NAME,
	exampleCredential,
	leakedSecrets,
	SECRETS,
} from './fixtures.cts';
import { N8nInstance, sleep, type ExampleWorkflow, type PublicExecution } from './n8n.cts';

const PORT = Number(process.env.E2E_AGENT_PORT ?? 5695);
const OPENAI_CREDENTIAL = { id: 'e2eFakeOpenAiCred', name: 'Fake OpenAI' };

let fake: FakePlatform;
let openai: FakeOpenAi;
let n8n: N8nInstance;

type WorkflowNode = ExampleWorkflow['nodes'][number];

interface AgentCase {
	id: string;
	webhookId: string;
	responseMode: 'lastNode' | 'streaming';
	tool: Omit<WorkflowNode, 'id' | 'position' | 'typeVersion' | 'credentials'>;
}

const chatCase: AgentCase = {
	id: 'TovieAgentChat01',
	webhookId: '3b1f6c2a-8d4e-4f5a-9b6c-7d8e9f0a1b2c',
	responseMode: 'lastNode',
	tool: {
		name: 'Ask the Tovie bot',
		type: 'n8n-nodes-tovie.tovieChatTool',
		parameters: {
			resource: 'message',
			operation: 'send',
			clientId: 'agent-client-1',
			query:
				"={{ $fromAI('question', 'The question to ask the bot, in the words of the customer', 'string') }}",
		},
	},
};

const nlpCase: AgentCase = {
	id: 'TovieAgentNlp001',
	webhookId: '4c2a7d3b-9e5f-4a6b-8c7d-8e9f0a1b2c3d',
	responseMode: 'streaming',
	tool: {
		name: 'Classify the phrase',
		type: 'n8n-nodes-tovie.tovieNlpTool',
		parameters: {
			resource: 'text',
			operation: 'classify',
			text: "={{ $fromAI('phrase', 'The customer phrase to classify', 'string') }}",
		},
	},
};

function agentWorkflow(agentCase: AgentCase): ExampleWorkflow {
	return {
		id: agentCase.id,
		name: `Agent with ${agentCase.tool.name}`,
		nodes: [
			{
				id: `${agentCase.id}-trigger`,
				name: 'When chat message received',
				type: '@n8n/n8n-nodes-langchain.chatTrigger',
				typeVersion: 1.4,
				position: [0, 0],
				webhookId: agentCase.webhookId,
				parameters: {
					public: true,
					mode: 'webhook',
					authentication: 'none',
					options: { responseMode: agentCase.responseMode },
				},
			},
			{
				id: `${agentCase.id}-agent`,
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [240, 0],
				parameters: { promptType: 'auto', options: {} },
			},
			{
				id: `${agentCase.id}-model`,
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [160, 220],
				parameters: {
					model: { __rl: true, mode: 'id', value: FAKE_OPENAI_MODEL },
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: OPENAI_CREDENTIAL },
			},
			{
				id: `${agentCase.id}-tool`,
				typeVersion: 1,
				position: [360, 220],
				...agentCase.tool,
				credentials: { tovieApi: { id: EXAMPLE_CREDENTIAL_ID, name: EXAMPLE_CREDENTIAL_NAME } },
			},
		],
		connections: {
			'When chat message received': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			[agentCase.tool.name]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Sends one message to the public chat of the case and returns the raw reply. */
async function chat(
	agentCase: AgentCase,
	chatInput: string,
): Promise<{ status: number; text: string }> {
	const response = await fetch(`${n8n.url}/webhook/${agentCase.webhookId}/chat`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			action: 'sendMessage',
			sessionId: `e2e-session-${agentCase.id}`,
			chatInput,
		}),
	});
	return { status: response.status, text: await response.text() };
}

/** The text of a streamed reply: the `item` chunks of n8n's JSON-lines stream, in order. */
function streamedText(body: string): string {
	return body
		.split('\n')
		.filter((line) => line.trim())
		.map((line) => JSON.parse(line) as { type: string; content?: string })
		.filter((chunk) => chunk.type === 'item')
		.map((chunk) => chunk.content ?? '')
		.join('');
}

/** The tool the model was offered and the tool results it got back, from the recorded requests. */
function conversation(requests: ChatCompletionRequest[]) {
	const [first] = requests;
	const last = requests[requests.length - 1];
	return {
		offered: (first?.tools ?? []).map((tool) => ({
			name: tool.function.name,
			description: tool.function.description,
			parameters: tool.function.parameters,
		})),
		toolResults: (last?.messages ?? [])
			.filter((m) => m.role === 'tool')
			.map((m) => ({ id: m.tool_call_id, content: contentText(m.content) })),
		toolCalls: (last?.messages ?? []).flatMap((m) => m.tool_calls ?? []),
	};
}

function nodeErrors(execution: PublicExecution): string[] {
	const runData = execution.data?.resultData.runData ?? {};
	return Object.entries(runData).flatMap(([name, runs]) =>
		runs.filter((run) => run.error).map((run) => `${name}: ${run.error!.message}`),
	);
}

beforeAll(async () => {
	[fake, openai] = await Promise.all([startE2eFake(), startFakeOpenAi()]);
	n8n = new N8nInstance({ port: PORT });
	await n8n.importCredentials([
		exampleCredential(fake.url),
		{
			...OPENAI_CREDENTIAL,
			type: 'openAiApi',
			data: { apiKey: FAKE_OPENAI_API_KEY, url: openai.url, header: false },
		},
	]);
	// One import for both workflows, published through the public API once n8n runs: every CLI call
	// boots n8n, so fewer calls keep the suite short.
	await n8n.importWorkflow([chatCase, nlpCase].map(agentWorkflow));
	await n8n.start();
	await n8n.setupOwner();
	await n8n.createApiKey();
	for (const { id } of [chatCase, nlpCase]) {
		const published = await n8n.api('POST', `/workflows/${id}/publish`, {});
		if (published.status !== 200)
			throw new Error(`publishing ${id}: ${published.status} ${JSON.stringify(published.body)}`);
	}
	for (const agentCase of [chatCase, nlpCase])
		await n8n.waitForWebhook(`${agentCase.webhookId}/chat`);
}, 300_000);

afterAll(async () => {
	await n8n?.dispose();
	await Promise.all([fake?.close(), openai?.close()]);
});

beforeEach(() => {
	fake.reset();
	openai.reset();
});

test('the agent calls Tovie Chat → Send as a tool and answers with the bot reply', async () => {
	openai.script.calls = [{ arguments: { question: 'Where is my order 42?' } }];
	const reply = await chat(chatCase, 'Ask the bot where order 42 is');
	expect({ status: reply.status, body: reply.text }).toEqual({
		status: 200,
		body: expect.any(String),
	});

	// The model was offered the Tovie tool under the name n8n derives from the node name, with the
	// $fromAI() argument in its schema, and got the bot's answer back as the tool result.
	const requests = openai.chatRequests();
	expect(requests).toHaveLength(2);
	const { offered, toolResults, toolCalls } = conversation(requests);
	expect(offered).toEqual([
		{
			name: 'Ask_the_Tovie_bot',
			description: expect.stringContaining('Tovie Chat'),
			parameters: expect.objectContaining({
				properties: { question: expect.objectContaining({ type: 'string' }) },
			}),
		},
	]);
	expect(toolCalls).toEqual([
		expect.objectContaining({
			function: { name: 'Ask_the_Tovie_bot', arguments: expect.any(String) },
		}),
	]);
	expect(toolResults).toEqual([
		{ id: toolCalls[0].id, content: expect.stringContaining('You said: Where is my order 42?') },
	]);

	// The platform got the Chat API send with the text the model chose.
	const sends = fake.requests.filter(
		(r) => r.method === 'POST' && r.path === `/chatapi/${encodeURIComponent(SECRETS.chatApiToken)}`,
	);
	expect(sends.map((r) => r.body)).toEqual([
		{ clientId: 'agent-client-1', query: 'Where is my order 42?' },
	]);
	expect(fake.requests.filter((r) => r.status >= 400)).toEqual([]);

	// The chat reply is the model's final text, quoting the bot.
	expect(JSON.parse(reply.text)).toEqual({
		output: expect.stringContaining('You said: Where is my order 42?'),
	});

	const [execution] = await n8n.waitForExecutions(chatCase.id, 1);
	expect({ status: execution.status, errors: nodeErrors(execution) }).toEqual({
		status: 'success',
		errors: [],
	});
	expect(execution.data?.resultData.runData['Ask the Tovie bot']?.length).toBe(1);
	expect(leakedSecrets(JSON.stringify(openai.requests))).toEqual([]);
});

test('the agent calls Tovie NLP → Classify as a tool and streams an answer quoting the intent', async () => {
	openai.script.calls = [{ arguments: { phrase: 'I want to book a table' } }];
	const reply = await chat(
		nlpCase,
		'What does the customer want when they say: I want to book a table?',
	);
	expect(reply.status).toBe(200);

	const requests = openai.chatRequests();
	expect(requests).toHaveLength(2);
	expect(requests.map((r) => r.stream)).toEqual([true, true]);
	const { offered, toolResults, toolCalls } = conversation(requests);
	expect(offered.map((tool) => tool.name)).toEqual(['Classify_the_phrase']);
	expect(offered[0].parameters).toEqual(
		expect.objectContaining({
			properties: { phrase: expect.objectContaining({ type: 'string' }) },
		}),
	);
	expect(toolResults).toEqual([
		{ id: toolCalls[0].id, content: expect.stringContaining('/Booking/Table') },
	]);

	const inference = fake.requests.filter(
		(r) => r.method === 'POST' && r.path.endsWith('/nlu/inference'),
	);
	expect(inference.map((r) => r.body)).toEqual([
		expect.objectContaining({ phrase: { text: 'I want to book a table' } }),
	]);
	expect(fake.requests.filter((r) => r.status >= 400)).toEqual([]);

	expect(streamedText(reply.text)).toContain('/Booking/Table');

	const [execution] = await n8n.waitForExecutions(nlpCase.id, 1);
	expect({ status: execution.status, errors: nodeErrors(execution) }).toEqual({
		status: 'success',
		errors: [],
	});
	expect(execution.data?.resultData.runData['Classify the phrase']?.length).toBe(1);
	expect(leakedSecrets(JSON.stringify(openai.requests))).toEqual([]);
});

test('input the Tovie node refuses reaches the model as a tool error, and nothing is sent to the platform', async () => {
	// Run after the Chat test: its execution is the first of the workflow.
	openai.script.calls = [{ arguments: { question: '   ' } }];
	const reply = await chat(chatCase, 'Ask the bot nothing');
	expect(reply.status).toBe(200);

	const requests = openai.chatRequests();
	expect(requests).toHaveLength(2);
	const { toolResults, toolCalls } = conversation(requests);
	expect(toolResults).toEqual([
		{ id: toolCalls[0].id, content: expect.stringContaining('Text or Event Name is required') },
	]);
	expect(fake.requests).toEqual([]);
	expect(JSON.parse(reply.text)).toEqual({
		output: expect.stringContaining('Text or Event Name is required'),
	});

	const [latest] = await n8n.waitForExecutions(chatCase.id, 2);
	expect(nodeErrors(latest)).toEqual([
		expect.stringMatching(/^Ask the Tovie bot: Text or Event Name is required/),
	]);
});
