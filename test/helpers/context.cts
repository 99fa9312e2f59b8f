/**
 * A minimal stand-in for n8n's execution contexts with a single HTTP seam: every request the
 * transport makes goes through `http`, which a test scripts. Integration tests use the real
 * n8n-core engine instead (harness.cts); this is for fast unit tests of pure logic.
 */
import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';

import { TovieApi } from '../../credentials/TovieApi.credentials';

export interface ScriptedResponse {
	statusCode?: number;
	headers?: Record<string, string>;
	body?: unknown;
	/** Throw this instead of answering (a network error). */
	error?: Error & { code?: string };
}

export const TEST_CREDENTIALS = {
	server: 'custom',
	baseUrl: 'https://tovie.test',
	chatApiToken: 'ChatTok3n:0123456789abcdef0123456789abcdef01234567',
	callsApiToken: '8231.7056.1b131df1secret',
	nlpApiKey: 'nlp-key-5f0c2a9e',
	apiToken: 'unified-9d1b7e3c',
	projectShortName: 'acme-bot',
};

export function mockContext(options: {
	responses?: ScriptedResponse[];
	parameters?: IDataObject;
	credentials?: IDataObject;
	continueOnFail?: boolean;
	items?: IDataObject[];
	/** The workflow's time zone (`getTimezone()`); default New York, as in harness.cts. */
	timezone?: string;
}) {
	const credentialType = new TovieApi();
	const credentials = options.credentials ?? TEST_CREDENTIALS;
	const queue = [...(options.responses ?? [])];
	const sent: IHttpRequestOptions[] = [];
	const node: INode = {
		id: 'node-1',
		name: 'Tovie Test',
		type: 'n8n-nodes-tovie.tovieChat',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const http = async (_type: string, request: IHttpRequestOptions) => {
		const authenticated = await credentialType.authenticate(credentials as never, request);
		sent.push(authenticated);
		const next = queue.shift() ?? { statusCode: 200, body: {} };
		if (next.error) throw next.error;
		return { statusCode: next.statusCode ?? 200, headers: next.headers ?? {}, body: next.body };
	};
	const parameters = options.parameters ?? {};
	const ctx = {
		getNode: () => node,
		getCredentials: async () => credentials,
		getInputData: () => (options.items ?? [{}]).map((json) => ({ json })),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => {
			const value = name
				.split('.')
				.reduce<unknown>((obj, key) => (obj as IDataObject | undefined)?.[key], parameters);
			return value === undefined ? fallback : value;
		},
		continueOnFail: () => options.continueOnFail ?? false,
		getTimezone: () => options.timezone ?? 'America/New_York',
		helpers: { httpRequestWithAuthentication: http },
	};
	return { ctx: ctx as never, sent, node };
}
