import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { baseUrlOf, SECRET_LABELS, type SecretField } from './transport';

/**
 * How long the Chat API probe may be held open by the platform's long poll, and how long the
 * server root may take to show it is up at all, ms (tests shorten them).
 */
export const chatProbeTiming = { waitMs: 5000, reachMs: 5000 };

/** A client ID of its own, so the probe never touches a real client's event stream. */
const CHAT_PROBE_CLIENT = 'n8n-credential-test';

interface Probe {
	url: string;
	bearer?: boolean;
	/** A long poll: being held open until the timeout is the documented answer of a valid token. */
	longPoll?: boolean;
}

/**
 * One cheap call per secret whose outcome for a valid secret is documented. The Chat API one is a
 * long poll of `/events` with `ts` = now for a client of its own: documented to answer (events) or
 * to wait for the next event; with `ts` it does not consume the "since the last request" cursor,
 * and it sends nothing to the bot (docs/platform-assumptions.md, "Credential test").
 */
const PROBES: Record<SecretField, (credentials: IDataObject) => Probe> = {
	chatApiToken: (c) => ({
		url: `/chatapi/${encodeURIComponent(String(c.chatApiToken))}/events?clientId=${CHAT_PROBE_CLIENT}&ts=${Date.now()}`,
		longPoll: true,
	}),
	callsApiToken: (c) => ({
		url: `/api/calls/campaign/${encodeURIComponent(String(c.callsApiToken))}`,
	}),
	nlpApiKey: (c) => ({
		url: `/cailapub/api/caila/p/${encodeURIComponent(String(c.nlpApiKey))}/nlu/status`,
	}),
	apiToken: (c) => ({
		url: c.projectShortName
			? `/api/v1/projects/${encodeURIComponent(String(c.projectShortName))}/by-project-short-name`
			: '/api/v1/projects?page=0&size=1',
		bearer: true,
	}),
};

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

function codeOf(error: unknown): string | undefined {
	return (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
}

/**
 * Credential test shared by every node (`testedBy: 'tovieApiTest'`): tells which of the filled-in
 * secrets the platform accepts. Messages name secrets by label only, never by value.
 */
export async function tovieApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as IDataObject;
	const baseUrl = baseUrlOf(data);
	if (!/^https?:\/\/[^/]/.test(baseUrl)) {
		return { status: 'Error', message: 'Enter a base URL such as https://platform.tovie.ai' };
	}
	const filled = (Object.keys(PROBES) as SecretField[]).filter((field) => data[field]);
	if (filled.length === 0) {
		// Tovie Pushgate and the Operator nodes need no secret: the server is all they use.
		return {
			status: 'OK',
			message:
				'The server address is valid. No token or key is filled in, so nothing else was checked.',
		};
	}
	// Credential tests get only the legacy `request` helper (ICredentialTestFunctions has no
	// `httpRequest`), so it is taken once here.
	const { request } = this.helpers;
	const get = async (uri: string, headers: Record<string, string>, timeout: number) =>
		(await request({
			method: 'GET',
			uri,
			headers,
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout,
		})) as { statusCode: number };
	// Any HTTP answer from the server root proves that it is up (a timeout alone would not).
	const reachable = async () => {
		try {
			await request({
				method: 'GET',
				uri: `${baseUrl}/`,
				simple: false,
				resolveWithFullResponse: true,
				timeout: chatProbeTiming.reachMs,
			});
			return true;
		} catch (error) {
			return Boolean((error as { response?: unknown }).response);
		}
	};
	const accepted: string[] = [];
	const rejected: string[] = [];
	for (const field of filled) {
		const probe = PROBES[field](data);
		const headers: Record<string, string> = probe.bearer
			? { Authorization: `Bearer ${String(data[field])}` }
			: {};
		try {
			const response = await get(
				baseUrl + probe.url,
				headers,
				probe.longPoll ? chatProbeTiming.waitMs : 15_000,
			);
			if (response.statusCode < 300) accepted.push(SECRET_LABELS[field]);
			else rejected.push(`${SECRET_LABELS[field]} (HTTP ${response.statusCode})`);
		} catch (error) {
			const code = codeOf(error);
			// Held open until the timeout: the long poll is waiting, if the server answers at all.
			if (probe.longPoll && code && TIMEOUT_CODES.has(code) && (await reachable())) {
				accepted.push(SECRET_LABELS[field]);
			} else {
				rejected.push(`${SECRET_LABELS[field]} (${code ?? 'no answer'})`);
			}
		}
	}
	const parts = [];
	if (accepted.length) parts.push(`Accepted: ${accepted.join(', ')}`);
	if (rejected.length) parts.push(`Rejected: ${rejected.join(', ')}`);
	return { status: rejected.length ? 'Error' : 'OK', message: parts.join('. ') };
}
