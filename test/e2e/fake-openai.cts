/**
 * A fake OpenAI-compatible server for the AI-agent suite: a real HTTP server on 127.0.0.1 serving
 * what n8n's OpenAI Chat Model node (`@n8n/n8n-nodes-langchain.lmChatOpenAi`, Chat Completions API,
 * i.e. "Use Responses API" off) calls through an `openAiApi` credential whose Base URL is `url`:
 * `GET /v1/models` (model list, credential test) and `POST /v1/chat/completions`, plain JSON or
 * server-sent events when the request asks for `stream: true`.
 *
 * The model is scripted and stateless: while the conversation holds no tool result it answers with
 * one `tool_calls` message calling the tools the script picks out of the request's `tools` array
 * (names are never hard-coded: n8n derives them from node names), with arguments built from each
 * tool's JSON schema; once the conversation holds the results of its calls it answers with a final
 * text quoting them. Every request is recorded, so a test can check what the agent sent back.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_OPENAI_API_KEY = 'e2e-openai-key-Gp6wJ4';
export const FAKE_OPENAI_MODEL = 'fake-gpt-e2e';

/** A tool as the Chat Completions API receives it. */
export interface OfferedTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: JsonSchema };
}

export interface JsonSchema {
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	description?: string;
	enum?: unknown[];
	items?: JsonSchema;
}

export interface ChatMessage {
	role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
	content?: string | Array<{ type: string; text?: string }> | null;
	tool_calls?: ToolCall[];
	tool_call_id?: string;
	name?: string;
}

export interface ToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatCompletionRequest {
	model: string;
	messages: ChatMessage[];
	tools?: OfferedTool[];
	stream?: boolean;
	[key: string]: unknown;
}

export interface RecordedOpenAiRequest {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: unknown;
	status: number;
	/** What the fake answered to a chat completion: the tool calls it made, or the final text. */
	answered?: { toolCalls: ToolCall[] } | { text: string };
}

/** One tool call the scripted model makes in its first answer. */
export interface PlannedCall {
	/** Picks the tool among those offered (internal `format_final_json_response` excluded). Default: the first. */
	pick?: (tool: OfferedTool['function']) => boolean;
	/** Argument values by name; arguments the schema asks for and this omits get a value of their type. */
	arguments?: Record<string, unknown>;
}

export interface FakeOpenAiScript {
	/** Tool calls of the first answer, all in one message (parallel calls when more than one). Default `[{}]`. */
	calls: PlannedCall[];
	/** The final text from the tool results (in call order). Default: `Tool results: <content>` joined by ` | `. */
	finalText: (results: Array<{ name: string; content: string }>) => string;
}

export interface FakeOpenAi {
	/** Base URL for the credential's Base URL field, ending in `/v1` like OpenAI's. */
	url: string;
	requests: RecordedOpenAiRequest[];
	script: FakeOpenAiScript;
	/** Bodies of the chat completion requests, in order. */
	chatRequests(): ChatCompletionRequest[];
	/** Forgets the requests and restores the default script. */
	reset(): void;
	close(): Promise<void>;
}

/** Tools n8n adds itself (structured output parser), never picked by default. */
const INTERNAL_TOOLS = new Set(['format_final_json_response']);

const defaultScript = (): FakeOpenAiScript => ({
	calls: [{}],
	finalText: (results) => `Tool results: ${results.map((r) => r.content).join(' | ')}`,
});

/** The text of a message's content, whether a string or content parts. */
export function contentText(content: ChatMessage['content']): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return '';
}

/** A value of the schema's type for an argument the script left out. */
function sampleValue(name: string, schema: JsonSchema | undefined): unknown {
	if (schema?.enum?.length) return schema.enum[0];
	const type = Array.isArray(schema?.type) ? schema?.type.find((t) => t !== 'null') : schema?.type;
	switch (type) {
		case 'number':
		case 'integer':
			return 1;
		case 'boolean':
			return true;
		case 'array':
			return [];
		case 'object':
			return {};
		default:
			return `e2e ${name}`;
	}
}

function argumentsFor(
	tool: OfferedTool['function'],
	given: Record<string, unknown> = {},
): Record<string, unknown> {
	const properties = tool.parameters?.properties ?? {};
	const args: Record<string, unknown> = {};
	for (const [name, schema] of Object.entries(properties))
		args[name] = name in given ? given[name] : sampleValue(name, schema);
	// Arguments the schema does not list are sent too: a test can check that n8n ignores or refuses them.
	for (const [name, value] of Object.entries(given)) if (!(name in args)) args[name] = value;
	return args;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
	const requests: RecordedOpenAiRequest[] = [];
	let callCounter = 0;
	const fake: FakeOpenAi = {
		url: '',
		requests,
		script: defaultScript(),
		chatRequests: () =>
			requests
				.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions')
				.map((r) => r.body as ChatCompletionRequest),
		reset: () => {
			requests.length = 0;
			fake.script = defaultScript();
		},
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};

	/** The scripted model's next assistant message for this conversation. */
	function answer(body: ChatCompletionRequest): { toolCalls: ToolCall[] } | { text: string } {
		const messages = Array.isArray(body.messages) ? body.messages : [];
		const results = messages.filter((m) => m.role === 'tool');
		if (results.length > 0) {
			const names = new Map(
				messages
					.flatMap((m) => m.tool_calls ?? [])
					.map((call) => [call.id, call.function.name] as const),
			);
			return {
				text: fake.script.finalText(
					results.map((m) => ({
						name: names.get(m.tool_call_id ?? '') ?? m.name ?? '',
						content: contentText(m.content),
					})),
				),
			};
		}
		const offered = (body.tools ?? [])
			.map((t) => t.function)
			.filter((f) => !INTERNAL_TOOLS.has(f.name));
		if (offered.length === 0) return { text: 'No tool was offered.' };
		const toolCalls = fake.script.calls.map((planned): ToolCall => {
			const tool = offered.find(planned.pick ?? (() => true));
			if (!tool)
				throw new Error(
					`no offered tool matches the script; offered: ${offered.map((f) => f.name).join(', ')}`,
				);
			return {
				id: `call_e2e_${++callCounter}`,
				type: 'function',
				function: {
					name: tool.name,
					arguments: JSON.stringify(argumentsFor(tool, planned.arguments)),
				},
			};
		});
		return { toolCalls };
	}

	function completion(
		body: ChatCompletionRequest,
		reply: { toolCalls: ToolCall[] } | { text: string },
	) {
		const message =
			'toolCalls' in reply
				? { role: 'assistant', content: null, tool_calls: reply.toolCalls, refusal: null }
				: { role: 'assistant', content: reply.text, refusal: null };
		return {
			id: `chatcmpl-e2e-${requests.length}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: body.model,
			choices: [
				{
					index: 0,
					message,
					logprobs: null,
					finish_reason: 'toolCalls' in reply ? 'tool_calls' : 'stop',
				},
			],
			usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
		};
	}

	/** The same answer as server-sent `chat.completion.chunk` events, as OpenAI streams it. */
	function chunks(
		body: ChatCompletionRequest,
		reply: { toolCalls: ToolCall[] } | { text: string },
	): string {
		const base = {
			id: `chatcmpl-e2e-${requests.length}`,
			object: 'chat.completion.chunk',
			created: Math.floor(Date.now() / 1000),
			model: body.model,
		};
		const events: object[] = [
			{
				...base,
				choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
			},
		];
		if ('toolCalls' in reply) {
			reply.toolCalls.forEach((call, index) => {
				events.push({
					...base,
					choices: [
						{
							index: 0,
							delta: {
								tool_calls: [
									{
										index,
										id: call.id,
										type: 'function',
										function: { name: call.function.name, arguments: '' },
									},
								],
							},
							finish_reason: null,
						},
					],
				});
				events.push({
					...base,
					choices: [
						{
							index: 0,
							delta: { tool_calls: [{ index, function: { arguments: call.function.arguments } }] },
							finish_reason: null,
						},
					],
				});
			});
		} else {
			events.push({
				...base,
				choices: [{ index: 0, delta: { content: reply.text }, finish_reason: null }],
			});
		}
		events.push({
			...base,
			choices: [
				{ index: 0, delta: {}, finish_reason: 'toolCalls' in reply ? 'tool_calls' : 'stop' },
			],
		});
		if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
			events.push({
				...base,
				choices: [],
				usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
			});
		}
		return `${events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('')}data: [DONE]\n\n`;
	}

	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
		req.on('end', () => {
			const path = (req.url ?? '/').split('?')[0];
			let body: unknown = raw;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				// kept as text
			}
			const recorded: RecordedOpenAiRequest = {
				method: req.method ?? '',
				path,
				headers: req.headers,
				body,
				status: 0,
			};
			requests.push(recorded);
			const send = (status: number, payload: unknown, type = 'application/json') => {
				recorded.status = status;
				res.writeHead(status, { 'Content-Type': type });
				res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
			};
			const error = (status: number, message: string, code: string) =>
				send(status, { error: { message, type: 'invalid_request_error', param: null, code } });

			if (req.headers.authorization !== `Bearer ${FAKE_OPENAI_API_KEY}`)
				return error(401, 'Incorrect API key provided.', 'invalid_api_key');
			if (req.method === 'GET' && path === '/v1/models') {
				return send(200, {
					object: 'list',
					data: [{ id: FAKE_OPENAI_MODEL, object: 'model', created: 0, owned_by: 'e2e' }],
				});
			}
			if (req.method === 'POST' && path === '/v1/chat/completions') {
				const request = body as ChatCompletionRequest;
				if (!request || typeof request !== 'object' || !Array.isArray(request.messages)) {
					return error(400, 'messages is required', 'invalid_request');
				}
				if (request.model !== FAKE_OPENAI_MODEL)
					return error(
						404,
						`The model \`${String(request.model)}\` does not exist.`,
						'model_not_found',
					);
				let reply: { toolCalls: ToolCall[] } | { text: string };
				try {
					reply = answer(request);
				} catch (failure) {
					return error(400, (failure as Error).message, 'e2e_script');
				}
				recorded.answered = reply;
				if (request.stream) return send(200, chunks(request, reply), 'text/event-stream');
				return send(200, completion(request, reply));
			}
			return error(404, `Unknown route ${req.method ?? ''} ${path}`, 'unknown_url');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
	return fake;
}
