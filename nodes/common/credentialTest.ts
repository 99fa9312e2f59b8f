import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { baseUrlOf, SECRET_LABELS, type SecretField } from './transport';

/** One cheap, read-only call per secret; the paths follow each API's spec. */
const PROBES: Record<SecretField, (credentials: IDataObject) => { url: string; bearer?: boolean }> = {
	chatApiToken: (c) => ({
		url: `/chatapi/${encodeURIComponent(String(c.chatApiToken))}/client/n8n-credential-test/message-not-read-count`,
	}),
	callsApiToken: (c) => ({ url: `/api/calls/campaign/${encodeURIComponent(String(c.callsApiToken))}` }),
	nlpApiKey: (c) => ({ url: `/cailapub/api/caila/p/${encodeURIComponent(String(c.nlpApiKey))}/nlu/status` }),
	apiToken: (c) => ({
		url: c.projectShortName
			? `/api/v1/projects/${encodeURIComponent(String(c.projectShortName))}/by-project-short-name`
			: '/api/v1/projects?page=0&size=1',
		bearer: true,
	}),
};

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
		return { status: 'Error', message: 'Fill in at least one token or key' };
	}
	// Credential tests get only the legacy `request` helper (ICredentialTestFunctions has no
	// `httpRequest`), so it is taken once here.
	const { request } = this.helpers;
	const accepted: string[] = [];
	const rejected: string[] = [];
	for (const field of filled) {
		const probe = PROBES[field](data);
		try {
			const response = (await request({
				method: 'GET',
				uri: baseUrl + probe.url,
				headers: probe.bearer ? { Authorization: `Bearer ${String(data[field])}` } : {},
				json: true,
				simple: false,
				resolveWithFullResponse: true,
				timeout: 15_000,
			})) as { statusCode: number };
			if (response.statusCode < 300) accepted.push(SECRET_LABELS[field]);
			else rejected.push(`${SECRET_LABELS[field]} (HTTP ${response.statusCode})`);
		} catch (error) {
			const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
			rejected.push(`${SECRET_LABELS[field]} (${code ?? 'no answer'})`);
		}
	}
	const parts = [];
	if (accepted.length) parts.push(`Accepted: ${accepted.join(', ')}`);
	if (rejected.length) parts.push(`Rejected: ${rejected.join(', ')}`);
	return { status: rejected.length ? 'Error' : 'OK', message: parts.join('. ') };
}
