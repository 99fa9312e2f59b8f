/**
 * The credential test n8n runs from the credential dialog (`testedBy: 'tovieApiTest'`), through
 * n8n-core's real CredentialTestContext and HTTP stack, against the fake platform with every API.
 */
import { createServer, type Server, type Socket } from 'node:net';

import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { chatProbeTiming, tovieApiTest } from '../../nodes/common/credentialTest';
import { CallsModule } from '../helpers/fake-platform/calls.cts';
import { ChannelsModule } from '../helpers/fake-platform/channels.cts';
import { NlpModule } from '../helpers/fake-platform/nlp.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { credentialsFor, expectNoSecrets, SECRETS } from '../helpers/integration.cts';

let fake: FakePlatform;

beforeAll(async () => {
	fake = await startFakePlatform({
		chat: { tokens: [SECRETS.chatApiToken] },
		modules: [
			(platform) => new CallsModule(platform, { campaigns: [{ token: SECRETS.callsApiToken }] }),
			(platform) => new NlpModule(platform, { keys: [SECRETS.nlpApiKey] }),
			(platform) => new ChannelsModule(platform, { tokens: [SECRETS.apiToken] }),
		],
	});
	fake.module(ChannelsModule).addProject('acme-bot', SECRETS.chatApiToken);
});
afterAll(async () => await fake.close());

async function test(data: Record<string, string>) {
	const context = new CredentialTestContext({} as never) as unknown as ICredentialTestFunctions;
	const result = await tovieApiTest.call(context, {
		id: '1',
		name: 'Tovie',
		type: 'tovieApi',
		data,
	});
	expectNoSecrets(
		[result.message],
		[...Object.values(SECRETS), ...Object.values(data).filter((v) => v.length > 8)],
	);
	return result;
}

describe('credential test', () => {
	it('accepts every secret the platform accepts, with one cheap request each', async () => {
		const result = await test(credentialsFor(fake));
		expect(result).toEqual({
			status: 'OK',
			message: 'Accepted: Chat API Token, Calls API Token, NLP Direct API Key, Unified API Token',
		});
		expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
			'GET 200',
			'GET 200',
			'GET 200',
			'GET 200',
		]);
	});

	it('tells which secrets are rejected, naming them but never their values', async () => {
		const result = await test(
			credentialsFor(fake, {
				callsApiToken: '1.2.WrongCallsToken',
				apiToken: 'wrong-unified-token-123',
			}),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Accepted: Chat API Token, NLP Direct API Key\. Rejected: Calls API Token \(HTTP 404\), Unified API Token \(HTTP 403\)$/,
		);
	});

	it('checks only the secrets that are filled in', async () => {
		fake.reset();
		const result = await test({
			server: 'custom',
			baseUrl: fake.url,
			chatApiToken: SECRETS.chatApiToken,
		});
		expect(result).toEqual({ status: 'OK', message: 'Accepted: Chat API Token' });
		expect(fake.requests).toHaveLength(1);
	});

	it('asks for a base URL; a server alone is fine (Pushgate and Operator need no secret) and says so', async () => {
		expect(await test({ server: 'custom', baseUrl: '', chatApiToken: 'x' })).toMatchObject({
			status: 'Error',
			message: 'Enter a base URL such as https://platform.tovie.ai',
		});
		fake.reset();
		expect(await test({ server: 'custom', baseUrl: fake.url })).toEqual({
			status: 'OK',
			message:
				'The server address is valid. No token or key is filled in, so nothing else was checked.',
		});
		expect(fake.requests).toHaveLength(0);
	});

	it('probes the Chat API token with a long poll that sends nothing and moves no cursor', async () => {
		fake.reset();
		const before = Date.now();
		expect(
			await test({ server: 'custom', baseUrl: fake.url, chatApiToken: SECRETS.chatApiToken }),
		).toEqual({ status: 'OK', message: 'Accepted: Chat API Token' });
		const [probe] = fake.requests;
		expect(probe).toMatchObject({
			method: 'GET',
			path: `/chatapi/${encodeURIComponent(SECRETS.chatApiToken)}/events`,
			status: 200,
		});
		// With ts (the "since the last request" cursor stays put), for a client of its own, agent replies only.
		expect(probe.query).toEqual({
			clientId: 'n8n-credential-test',
			ts: expect.stringMatching(/^\d+$/),
		});
		expect(Number(probe.query.ts)).toBeGreaterThanOrEqual(before);
		expect(fake.chat.events(SECRETS.chatApiToken)).toEqual([]);
		expect(fake.chat.client(SECRETS.chatApiToken, 'n8n-credential-test')).toBeUndefined();
	});

	it('takes a long poll held open past its wait as accepted, an unknown Chat API token as rejected', async () => {
		const original = { ...chatProbeTiming };
		chatProbeTiming.waitMs = 200;
		fake.chat.longPollMs = 60_000;
		try {
			expect(
				await test({ server: 'custom', baseUrl: fake.url, chatApiToken: SECRETS.chatApiToken }),
			).toEqual({ status: 'OK', message: 'Accepted: Chat API Token' });
			const unknown = await test({
				server: 'custom',
				baseUrl: fake.url,
				chatApiToken: 'Unknown1:ffffffffffffffffffffffffffffffffffffffff',
			});
			expect(unknown).toEqual({ status: 'Error', message: 'Rejected: Chat API Token (HTTP 404)' });
		} finally {
			Object.assign(chatProbeTiming, original);
			fake.reset();
		}
	});

	it('does not take a server that never answers for a long poll', async () => {
		const sockets: Socket[] = [];
		const silent: Server = createServer((socket) => sockets.push(socket)); // accepts connections, answers nothing
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const original = { ...chatProbeTiming };
		Object.assign(chatProbeTiming, { waitMs: 200, reachMs: 200 });
		try {
			const result = await test({
				server: 'custom',
				baseUrl: `http://127.0.0.1:${(silent.address() as { port: number }).port}`,
				chatApiToken: SECRETS.chatApiToken,
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^Rejected: Chat API Token \(\w+\)$/);
		} finally {
			Object.assign(chatProbeTiming, original);
			sockets.forEach((socket) => socket.destroy());
			await new Promise<void>((resolve) => silent.close(() => resolve()));
		}
	});

	it('reports an unreachable server', async () => {
		const result = await test({
			server: 'custom',
			baseUrl: 'http://127.0.0.1:1',
			nlpApiKey: SECRETS.nlpApiKey,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Rejected: NLP Direct API Key \(ECONNREFUSED\)$/);
	});
});
