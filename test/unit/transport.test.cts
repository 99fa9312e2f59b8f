import {
	isRepeatable,
	retryTiming,
	tovieRequest,
	tovieRequestFull,
} from '../../nodes/common/transport';
import { mockContext, TEST_CREDENTIALS } from '../helpers/context.cts';

const secrets = [
	TEST_CREDENTIALS.chatApiToken,
	TEST_CREDENTIALS.callsApiToken,
	TEST_CREDENTIALS.nlpApiKey,
	TEST_CREDENTIALS.apiToken,
];
const sleeps: number[] = [];
beforeAll(() => {
	retryTiming.sleep = async (ms: number) => {
		sleeps.push(ms);
	};
});
beforeEach(() => (sleeps.length = 0));

/** The error a call fails with (the test fails if it does not). */
async function caught(call: Promise<unknown>): Promise<Error & Record<string, any>> {
	return await call.then(
		() => {
			throw new Error('expected the call to fail');
		},
		(error) => error,
	);
}

function networkError(code: string) {
	return Object.assign(new Error(`connect ${code}`), { code });
}

function expectNoSecret(value: unknown) {
	if (value === undefined) return;
	const text =
		typeof value === 'string'
			? value
			: JSON.stringify(value, Object.getOwnPropertyNames(value ?? {}));
	for (const secret of secrets) {
		expect(text).not.toContain(secret);
		expect(text).not.toContain(encodeURIComponent(secret));
	}
}

describe('URL and auth', () => {
	it('puts path tokens URL-encoded into the path, and nowhere else', async () => {
		const { ctx, sent } = mockContext({ responses: [{ body: { ok: true } }] });
		await tovieRequest(ctx, {
			method: 'GET',
			path: '/chatapi/{secret}/client/{clientId}/history',
			secret: 'chatApiToken',
			pathParams: { clientId: 'a b/c' },
		});
		expect(sent[0].url).toBe(
			`https://tovie.test/chatapi/${encodeURIComponent(TEST_CREDENTIALS.chatApiToken)}/client/a%20b%2Fc/history`,
		);
		expect(sent[0].headers?.Authorization).toBeUndefined();
	});

	it('sends the unified token as a Bearer header', async () => {
		const { ctx, sent } = mockContext({ responses: [{ body: [] }] });
		await tovieRequest(ctx, { method: 'GET', path: '/api/v1/projects', secret: 'apiToken' });
		expect(sent[0].url).toBe('https://tovie.test/api/v1/projects');
		expect(sent[0].headers?.Authorization).toBe(`Bearer ${TEST_CREDENTIALS.apiToken}`);
	});

	it('refuses before sending when the credential lacks the needed secret, naming it', async () => {
		const { ctx, sent } = mockContext({ credentials: { ...TEST_CREDENTIALS, nlpApiKey: '' } });
		await expect(
			tovieRequest(ctx, { method: 'GET', path: '/x/{secret}', secret: 'nlpApiKey' }),
		).rejects.toThrow('The credential has no NLP Direct API Key');
		expect(sent).toHaveLength(0);
	});

	it('uses the preset server URLs', async () => {
		const { ctx, sent } = mockContext({
			credentials: { ...TEST_CREDENTIALS, server: 'https://app.jaicp.com' },
		});
		await tovieRequest(ctx, { method: 'GET', path: '/ping' });
		expect(sent[0].url).toBe('https://app.jaicp.com/ping');
	});
});

describe('retries', () => {
	it('retries 429 and 5xx on GET with backoff, then succeeds', async () => {
		const { ctx, sent } = mockContext({
			responses: [{ statusCode: 503 }, { statusCode: 429 }, { statusCode: 200, body: { done: 1 } }],
		});
		const body = await tovieRequest(ctx, { method: 'GET', path: '/x' }, { maxAttempts: 3 });
		expect(body).toEqual({ done: 1 });
		expect(sent).toHaveLength(3);
		expect(sleeps).toHaveLength(2);
	});

	it('honours Retry-After (seconds)', async () => {
		const { ctx } = mockContext({
			responses: [{ statusCode: 429, headers: { 'retry-after': '7' } }, { body: {} }],
		});
		await tovieRequest(ctx, { method: 'GET', path: '/x' });
		expect(sleeps).toEqual([7000]);
	});

	it('backs off exponentially with jitter, capped', async () => {
		const { ctx } = mockContext({
			responses: Array.from({ length: 6 }, () => ({ statusCode: 502 })),
		});
		await expect(
			tovieRequest(ctx, { method: 'GET', path: '/x' }, { maxAttempts: 6 }),
		).rejects.toThrow('after 6 attempts');
		sleeps.forEach((ms, n) => {
			const full = Math.min(retryTiming.maxDelayMs, retryTiming.baseDelayMs * 2 ** n);
			expect(ms).toBeGreaterThanOrEqual(full / 2);
			expect(ms).toBeLessThanOrEqual(full);
		});
	});

	it('says how many attempts were made when the budget is spent', async () => {
		const { ctx } = mockContext({ responses: [{ statusCode: 500 }, { statusCode: 500 }] });
		await expect(
			tovieRequest(ctx, { method: 'GET', path: '/x' }, { maxAttempts: 2 }),
		).rejects.toThrow(/\[500\].*after 2 attempts/);
	});

	it('never repeats a POST without idempotence key once it may have been received', async () => {
		for (const response of [{ statusCode: 502 }, { error: networkError('ECONNRESET') }]) {
			const { ctx, sent } = mockContext({ responses: [response, { body: {} }] });
			await expect(tovieRequest(ctx, { method: 'POST', path: '/x', body: {} })).rejects.toThrow();
			expect(sent).toHaveLength(1);
		}
	});

	it('repeats a POST when the failure proves it was not received (refused connection, 429)', async () => {
		for (const response of [{ statusCode: 429 }, { error: networkError('ECONNREFUSED') }]) {
			const { ctx, sent } = mockContext({ responses: [response, { body: { ok: 1 } }] });
			await expect(tovieRequest(ctx, { method: 'POST', path: '/x', body: {} })).resolves.toEqual({
				ok: 1,
			});
			expect(sent).toHaveLength(2);
		}
	});

	it('repeats a POST that carries an idempotence key, with the same key', async () => {
		const { ctx, sent } = mockContext({
			responses: [{ error: networkError('ECONNRESET') }, { statusCode: 503 }, { body: {} }],
		});
		await tovieRequest(ctx, { method: 'POST', path: '/x', body: {}, idempotenceKey: 'k-1' });
		expect(sent.map((r) => r.headers?.['Idempotence-Key'])).toEqual(['k-1', 'k-1', 'k-1']);
	});

	it('never repeats a GET marked as creating something (idempotent: false) without a key', async () => {
		const { ctx, sent } = mockContext({ responses: [{ statusCode: 503 }, { body: {} }] });
		await expect(
			tovieRequest(ctx, { method: 'GET', path: '/addPhone', idempotent: false }),
		).rejects.toThrow('[503');
		expect(sent).toHaveLength(1);
		const keyed = mockContext({ responses: [{ statusCode: 503 }, { body: {} }] });
		await tovieRequest(keyed.ctx, {
			method: 'GET',
			path: '/addPhone',
			idempotent: false,
			idempotenceKey: 'k',
		});
		expect(keyed.sent).toHaveLength(2);
	});

	describe('a call that acts (route flag `acts`) is never repeated when it may have arrived', () => {
		// Chat → Send by GET and Pushgate → Trigger without data: the bot gets the message, the event fires.
		const acting = {
			method: 'GET' as const,
			path: '/chatapi/{secret}',
			secret: 'chatApiToken' as const,
			acts: true,
		};

		it.each([
			['502', { statusCode: 502 }],
			['500', { statusCode: 500 }],
			['503', { statusCode: 503 }],
			['504', { statusCode: 504 }],
			[
				'timeout',
				{
					error: Object.assign(new Error('timeout of 60000ms exceeded'), { code: 'ECONNABORTED' }),
				},
			],
			['connection reset', { error: networkError('ECONNRESET') }],
			['socket hang up', { error: new Error('socket hang up') }],
		])('%s: one request, an error', async (_name, failure) => {
			const { ctx, sent } = mockContext({
				responses: [failure, { statusCode: 502 }, { body: { ok: true } }],
			});
			const error = await caught(tovieRequest(ctx, acting));
			expect(sent).toHaveLength(1);
			expect(error.description).toMatch(
				/may have received it and acted on it: it was not sent again/,
			);
		});

		it('whatever `idempotent` says: the route flag wins', async () => {
			const { ctx, sent } = mockContext({ responses: [{ statusCode: 502 }, { body: {} }] });
			await expect(tovieRequest(ctx, { ...acting, idempotent: true })).rejects.toThrow('[502');
			expect(sent).toHaveLength(1);
		});

		it('a refusal (4xx) says nothing about having acted', async () => {
			const { ctx } = mockContext({ responses: [{ statusCode: 400, body: { message: 'bad' } }] });
			expect((await caught(tovieRequest(ctx, acting))).description).toBe(
				'While calling GET /chatapi/{secret}.',
			);
		});

		it('repeated when the platform provably did not get it: refused connection, 429', async () => {
			const { ctx, sent } = mockContext({
				responses: [
					{ error: networkError('ECONNREFUSED') },
					{ statusCode: 429 },
					{ body: { ok: true } },
				],
			});
			expect(await tovieRequest(ctx, acting)).toEqual({ ok: true });
			expect(sent).toHaveLength(3);
		});

		it('repeated under an idempotence key, with the same key', async () => {
			const { ctx, sent } = mockContext({
				responses: [{ statusCode: 502 }, { error: networkError('ECONNRESET') }, { body: {} }],
			});
			await tovieRequest(ctx, { ...acting, idempotenceKey: 'k-9' });
			expect(sent.map((r) => r.headers?.['Idempotence-Key'])).toEqual(['k-9', 'k-9', 'k-9']);
		});

		it('a POST that acts, too; PUT and DELETE without the flag stay repeatable', async () => {
			const post = mockContext({ responses: [{ statusCode: 503 }, { body: {} }] });
			await expect(
				tovieRequest(post.ctx, { method: 'POST', path: '/x', acts: true }),
			).rejects.toThrow('[503');
			expect(post.sent).toHaveLength(1);
			for (const method of ['PUT', 'DELETE'] as const) {
				const { ctx, sent } = mockContext({ responses: [{ statusCode: 503 }, { body: {} }] });
				await tovieRequest(ctx, { method, path: '/x' });
				expect(sent).toHaveLength(2);
			}
		});
	});

	it('isRepeatable: key, then the acts flag, then an explicit idempotent, then the method', () => {
		expect(isRepeatable({ method: 'GET' })).toBe(true);
		expect(isRepeatable({ method: 'GET', acts: true })).toBe(false);
		expect(isRepeatable({ method: 'GET', acts: true, idempotent: true })).toBe(false);
		expect(isRepeatable({ method: 'GET', acts: true, idempotenceKey: 'k' })).toBe(true);
		expect(isRepeatable({ method: 'GET', idempotent: false })).toBe(false);
		expect(isRepeatable({ method: 'POST' })).toBe(false);
		expect(isRepeatable({ method: 'POST', idempotent: true })).toBe(true);
		expect(isRepeatable({ method: 'delete' })).toBe(true);
	});

	it('does not retry 4xx other than 429', async () => {
		const { ctx, sent } = mockContext({
			responses: [{ statusCode: 400, body: { type: 'phone.bad.format', message: 'Bad phone' } }],
		});
		await expect(tovieRequest(ctx, { method: 'GET', path: '/x' })).rejects.toThrow(
			'[400 phone.bad.format]: Bad phone',
		);
		expect(sent).toHaveLength(1);
	});

	it('treats a long-poll timeout as an empty answer', async () => {
		const { ctx, sent } = mockContext({
			responses: [
				{ error: Object.assign(new Error('timeout of 1000ms exceeded'), { code: 'ECONNABORTED' }) },
			],
		});
		const response = await tovieRequestFull(ctx, {
			method: 'GET',
			path: '/events',
			longPoll: true,
			timeoutMs: 1000,
		});
		expect(response.statusCode).toBe(204);
		expect(sent).toHaveLength(1);
	});
});

describe('errors and redaction', () => {
	it('maps the three platform error shapes to code and message', async () => {
		const cases = [
			[
				{ type: 'invalid.call.task.state', message: 'Campaign is stopped' },
				'[400 invalid.call.task.state]: Campaign is stopped',
			],
			[
				{ error: 'reporter.label.not_found', message: 'No such label', args: {} },
				'[400 reporter.label.not_found]: No such label',
			],
			[
				{
					timestamp: '2024',
					status: 400,
					error: 'Bad Request',
					message: 'clientId is required',
					path: '/x',
				},
				'[400 Bad Request]: clientId is required',
			],
		] as const;
		for (const [body, expected] of cases) {
			const { ctx } = mockContext({ responses: [{ statusCode: 400, body }] });
			await expect(tovieRequest(ctx, { method: 'GET', path: '/x' })).rejects.toThrow(expected);
		}
	});

	it('keeps every secret out of the error, its description, cause and context', async () => {
		const echo = `Channel ${TEST_CREDENTIALS.chatApiToken} not found at /chatapi/${encodeURIComponent(TEST_CREDENTIALS.chatApiToken)}`;
		const { ctx } = mockContext({
			responses: [
				{ statusCode: 404, body: { status: 404, error: 'Not Found', message: echo, path: echo } },
			],
		});
		const error = await caught(
			tovieRequest(ctx, { method: 'GET', path: '/chatapi/{secret}', secret: 'chatApiToken' }),
		);
		expect(error.message).toContain('Not Found');
		expect(error.message).toContain('***');
		expectNoSecret(error);
		expectNoSecret(error.description);
		expectNoSecret(error.cause);
		expectNoSecret(error.context);
		expectNoSecret(JSON.stringify(error.errorResponse ?? {}));
	});

	it('keeps secrets out of network errors', async () => {
		const failure = Object.assign(
			new Error(`connect ECONNRESET https://tovie.test/chatapi/${TEST_CREDENTIALS.chatApiToken}`),
			{ code: 'ECONNRESET' },
		);
		const { ctx } = mockContext({
			responses: [{ error: failure }, { error: failure }, { error: failure }],
		});
		const error = await caught(
			tovieRequest(ctx, { method: 'GET', path: '/chatapi/{secret}', secret: 'chatApiToken' }),
		);
		expect(error.message).toBe(
			'Could not reach the Tovie platform: the connection was closed before an answer (after 3 attempts)',
		);
		expectNoSecret(error);
		expectNoSecret(error.cause);
	});

	it('redacts secrets the platform echoes in successful answers', async () => {
		const { ctx } = mockContext({
			responses: [
				{
					body: {
						token: TEST_CREDENTIALS.chatApiToken,
						data: { note: `t=${TEST_CREDENTIALS.chatApiToken}` },
					},
				},
			],
		});
		const body = await tovieRequest(ctx, {
			method: 'POST',
			path: '/chatapi/{secret}',
			secret: 'chatApiToken',
			body: {},
		});
		expect(body).toEqual({ token: '***', data: { note: 't=***' } });
	});

	it('leaves secrets in an answer only when an internal read asks for it', async () => {
		const { ctx } = mockContext({
			responses: [{ body: { accessToken: TEST_CREDENTIALS.chatApiToken } }],
		});
		const body = await tovieRequest(ctx, {
			method: 'GET',
			path: '/api/v1/bot-channels/1',
			secret: 'apiToken',
			keepSecretsInAnswer: true,
		});
		expect(body).toEqual({ accessToken: TEST_CREDENTIALS.chatApiToken });
	});

	it('redacts extra secrets such as a pushback id', async () => {
		const { ctx } = mockContext({
			responses: [
				{ statusCode: 404, body: { message: 'No pushback 96190b45-84ee-4007-9aab-d257ad22729f' } },
			],
		});
		const error = await caught(
			tovieRequest(ctx, {
				method: 'GET',
				path: '/pushgate/push_{id}',
				pathParams: { id: '96190b45-84ee-4007-9aab-d257ad22729f' },
				extraSecrets: ['96190b45-84ee-4007-9aab-d257ad22729f'],
			}),
		);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(
			'96190b45-84ee-4007-9aab-d257ad22729f',
		);
	});

	it("leaves the query string (a signed URL's signature) out of the error description", async () => {
		const { ctx } = mockContext({
			responses: [{ statusCode: 403, body: { message: 'Request has expired' } }],
		});
		const error = await caught(
			tovieRequest(ctx, {
				method: 'GET',
				path: '/bucket/report.xlsx?X-Amz-Signature=5ec12e7abc&X-Amz-Expires=60',
				baseUrl: 'https://files.example.test',
			}),
		);
		expect(error.description).toBe('While calling GET /bucket/report.xlsx.');
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('5ec12e7abc');
		expect(String(error.message)).toContain('Request has expired');
	});

	it('reports an answer that is not JSON', async () => {
		const { ctx } = mockContext({ responses: [{ statusCode: 200, body: '{"broken' }] });
		await expect(tovieRequest(ctx, { method: 'GET', path: '/x' })).rejects.toThrow(
			'not valid JSON',
		);
	});
});
