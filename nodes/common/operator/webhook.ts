import type { IDataObject } from 'n8n-workflow';

/**
 * Where the agent side posts its events: the URL the platform sends in `POST {apiUrl}/setWebhook`,
 * `http://{host_name}/chatadapter/chatapi/webhook/operatorapi/{apiKey}` (apiKey = the channel id).
 * Shared by Tovie Operator Trigger (which remembers it) and Tovie Operator (which posts to it).
 */

/** Key of the remembered URL in the workflow's global static data. */
export const REMEMBERED_WEBHOOK_KEY = 'tovieOperatorWebhook';

/** The credential field that holds the URL (optional: the credential may not have it yet). */
export const CREDENTIAL_WEBHOOK_FIELD = 'operatorWebhookUrl';

export interface RememberedWebhook {
	url: string;
	/** ISO time of the platform's setWebhook call. */
	setAt: string;
	/** The trigger node that received it. */
	node: string;
}

export interface OperatorWebhook {
	/** Everything before the channel id, e.g. `https://host/chatadapter/chatapi/webhook/operatorapi`. */
	baseUrl: string;
	/** The channel id (apiKey), decoded; anyone who knows it can post as an agent, so it is redacted. */
	apiKey: string;
	qs?: IDataObject;
}

/** Splits a webhook URL; `undefined` when it is not an http(s) URL ending in `/operatorapi/{apiKey}`. */
export function parseOperatorWebhook(value: unknown): OperatorWebhook | undefined {
	if (typeof value !== 'string' || !value.trim()) return undefined;
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return undefined;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
	const match = /^(.*\/operatorapi)\/([^/]+)\/?$/.exec(url.pathname);
	if (!match) return undefined;
	let apiKey: string;
	try {
		apiKey = decodeURIComponent(match[2]);
	} catch {
		return undefined;
	}
	const qs: IDataObject = {};
	url.searchParams.forEach((v, k) => (qs[k] = v));
	return { baseUrl: url.origin + match[1], apiKey, ...(Object.keys(qs).length ? { qs } : {}) };
}

export function rememberedWebhook(staticData: IDataObject): RememberedWebhook | undefined {
	const entry = staticData[REMEMBERED_WEBHOOK_KEY] as RememberedWebhook | undefined;
	return entry && typeof entry.url === 'string' ? entry : undefined;
}
