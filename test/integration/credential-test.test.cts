/**
 * The credential test n8n runs from the credential dialog (`testedBy: 'tovieApiTest'`), through
 * n8n-core's real CredentialTestContext and HTTP stack, against the fake platform with every API.
 */
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { tovieApiTest } from '../../nodes/common/credentialTest';
import { callsModule } from '../helpers/fake-platform/calls.cts';
import { ChannelsModule } from '../helpers/fake-platform/channels.cts';
import { NlpModule } from '../helpers/fake-platform/nlp.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { credentialsFor, expectNoSecrets, SECRETS } from '../helpers/integration.cts';

let fake: FakePlatform;

beforeAll(async () => {
	fake = await startFakePlatform({
		chat: { tokens: [SECRETS.chatApiToken] },
		modules: [
			callsModule({ campaigns: [{ token: SECRETS.callsApiToken }] }),
			(p) => new NlpModule(p, { keys: [SECRETS.nlpApiKey] }),
			(p) => {
				const channels = new ChannelsModule(p, [SECRETS.apiToken]);
				channels.addProject('acme-bot', SECRETS.chatApiToken);
				return channels;
			},
		],
	});
});
afterAll(async () => await fake.close());

async function test(data: Record<string, string>) {
	const context = new CredentialTestContext({} as never) as unknown as ICredentialTestFunctions;
	const result = await tovieApiTest.call(context, { id: '1', name: 'Tovie', type: 'tovieApi', data });
	expectNoSecrets([result.message], [...Object.values(SECRETS), ...Object.values(data).filter((v) => v.length > 8)]);
	return result;
}

describe('credential test', () => {
	it('accepts every secret the platform accepts, with one cheap request each', async () => {
		const result = await test(credentialsFor(fake));
		expect(result).toEqual({ status: 'OK', message: 'Accepted: Chat API Token, Calls API Token, NLP Direct API Key, Unified API Token' });
		expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'GET 200', 'GET 200', 'GET 200']);
	});

	it('tells which secrets are rejected, naming them but never their values', async () => {
		const result = await test(credentialsFor(fake, { callsApiToken: '1.2.WrongCallsToken', apiToken: 'wrong-unified-token-123' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Accepted: Chat API Token, NLP Direct API Key\. Rejected: Calls API Token \(HTTP 404\), Unified API Token \(HTTP 403\)$/);
	});

	it('checks only the secrets that are filled in', async () => {
		fake.reset();
		const result = await test({ server: 'custom', baseUrl: fake.url, chatApiToken: SECRETS.chatApiToken });
		expect(result).toEqual({ status: 'OK', message: 'Accepted: Chat API Token' });
		expect(fake.requests).toHaveLength(1);
	});

	it('asks for a base URL and for at least one secret', async () => {
		expect(await test({ server: 'custom', baseUrl: '', chatApiToken: 'x' })).toMatchObject({ status: 'Error', message: 'Enter a base URL such as https://platform.tovie.ai' });
		expect(await test({ server: 'custom', baseUrl: fake.url })).toMatchObject({ status: 'Error', message: 'Fill in at least one token or key' });
	});

	it('reports an unreachable server', async () => {
		const result = await test({ server: 'custom', baseUrl: 'http://127.0.0.1:1', nlpApiKey: SECRETS.nlpApiKey });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Rejected: NLP Direct API Key \(ECONNREFUSED\)$/);
	});
});
