import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatIso, parseDateMs } from '../common/dates';
import { callOptions } from '../common/fields';
import type { RouteSpec, TovieContext, TovieRequest } from '../common/transport';
import { tovieRequest } from '../common/transport';

/**
 * Every Calls API route, in one place (vendor spec `calls.yml` v1.10.0, 12 paths, 13 operations).
 * The campaign token is the path secret; the platform needs no auth header.
 */
export const CALLS_ROUTES = {
	// `acts`: these create call jobs (two of them by GET); repeated only under an idempotence key.
	addPhones: { method: 'POST', path: '/api/calls/campaign/{secret}/addPhones', acts: true },
	/** CRM variants: `phone`, `gmtZone`, every other key becomes a payload key. */
	addPhoneGet: { method: 'GET', path: '/api/crmCalls/campaign/{secret}/addPhone', acts: true },
	/** Form-urlencoded body. */
	addPhonePost: { method: 'POST', path: '/api/crmCalls/campaign/{secret}/addPhone', acts: true },
	addPhoneGetTest: { method: 'GET', path: '/api/crmCalls/campaign/{secret}/test/addPhone', acts: true },
	cancelCallJob: { method: 'POST', path: '/api/calls/campaign/{secret}/callJob/cancel' },
	// Report requests read data only: safe to repeat although they are POSTs.
	getCallJobReport: { method: 'POST', path: '/api/calls/campaign/{secret}/callJob/getReport', idempotent: true },
	getCallJobReportByDate: { method: 'POST', path: '/api/calls/campaign/{secret}/callJob/getReportByDate', idempotent: true },
	getCallJobReportUnfinished: { method: 'POST', path: '/api/calls/campaign/{secret}/callJob/getUnfinished', idempotent: true },
	getCallAttemptReport: { method: 'POST', path: '/api/calls/campaign/{secret}/callAttempt/getReport', idempotent: true },
	getCallAttemptReportByDate: { method: 'POST', path: '/api/calls/campaign/{secret}/callAttempt/getReportByDate', idempotent: true },
	getCallTask: { method: 'GET', path: '/api/calls/campaign/{secret}' },
	getCallTaskStatus: { method: 'GET', path: '/api/calls/campaign/{secret}/status' },
	controlCampaign: { method: 'POST', path: '/api/calls/campaign/{secret}/control/{action}' },
} as const satisfies Record<string, RouteSpec>;

export type CallsRoute = keyof typeof CALLS_ROUTES;

/** `PaginationRequest`: pages 0–199 of at most 200 items. */
export const PAGE_SIZE_MAX = 200;
export const PAGE_MAX = 199;

export async function callsRequest<T = IDataObject>(
	ctx: TovieContext,
	route: CallsRoute,
	request: Omit<TovieRequest, 'method' | 'path' | 'secret'> = {},
	options: { itemIndex?: number; maxAttempts?: number } = {},
): Promise<T> {
	const spec: RouteSpec = CALLS_ROUTES[route];
	// The route's declarations win over the call site's.
	const idempotent = spec.idempotent ?? request.idempotent;
	return await tovieRequest<T>(ctx, { ...request, ...spec, secret: 'callsApiToken', idempotent }, options);
}

/** `callsRequest` for one item of an action node, honouring its "Request Options". */
export async function callsItemRequest<T = IDataObject>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: CallsRoute,
	request: Omit<TovieRequest, 'method' | 'path' | 'secret'> = {},
): Promise<T> {
	return await callsRequest<T>(ctx, route, request, callOptions(ctx, itemIndex));
}

/** JSON with sorted keys, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.keys(value as IDataObject)
			.filter((key) => (value as IDataObject)[key] !== undefined)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * An `Idempotence-Key` that depends only on what is sent and where from (workflow, node): a retry
 * by the transport and a re-run of the same execution send the same key, so the platform answers
 * with the call jobs it already created instead of creating new ones (24-hour window). UUID-shaped
 * like the spec's example; no secret goes into it.
 */
export function idempotenceKeyFor(ctx: IExecuteFunctions, scope: string, content: unknown): string {
	const workflowId = String(ctx.getWorkflow().id ?? '');
	const node = ctx.getNode();
	const hex = createHash('sha256')
		// The credential's id (not its secret) keeps keys of two campaigns apart.
		.update(canonicalJson({ scope, workflowId, node: node.id ?? node.name, credential: node.credentials?.tovieApi?.id, content }))
		.digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Scope for keys that must cover retries of one request only: this execution, this run of the
 * node (loops), this item. A later execution sends the request again on purpose.
 */
export function executionScope(ctx: IExecuteFunctions, itemIndex: number): string {
	const runIndex = (ctx.getWorkflowDataProxy(itemIndex).$runIndex as number | undefined) ?? 0;
	return `${ctx.getExecutionId()}:${runIndex}:${itemIndex}`;
}

/**
 * A platform time (Unix ms, per the spec, or a date-time string) as ISO 8601 in `zone`, the form
 * every node outputs (nodes/common/dates.ts); anything else → undefined.
 */
export function isoOf(value: unknown, zone: string): string | undefined {
	try {
		// A date-time without a zone from the platform is UTC (docs/platform-assumptions.md, "Dates").
		const ms = parseDateMs(value, 'UTC');
		return ms === undefined ? undefined : formatIso(ms, zone);
	} catch {
		return undefined;
	}
}

const TIME_FIELDS = ['createdAt', 'finishedAt', 'startedAt', 'creationDate', 'startTime', 'endTime'];

/** Docs spellings (and legacy ones) → the spec's enum values. */
const CAMPAIGN_STATUS_ALIASES: Record<string, string> = { inProcess: 'inProgress', in_progress: 'inProgress' };
const JOB_STATUS_ALIASES: Record<string, string> = { canceled: 'cancelledByUser', cancelled: 'cancelledByUser' };

export function campaignStatusOf(raw: unknown): string {
	const text = String(raw ?? '').trim().replace(/^"(.*)"$/, '$1');
	const lower = text.toLowerCase();
	const known = ['new', 'planned', 'inProgress', 'finished', 'paused', 'deleted'].find((s) => s.toLowerCase() === lower);
	return CAMPAIGN_STATUS_ALIASES[text] ?? known ?? text;
}

export function jobStatusOf(raw: unknown): unknown {
	return typeof raw === 'string' ? (JOB_STATUS_ALIASES[raw] ?? raw) : raw;
}

/**
 * A report or campaign object as output: its times (Unix ms on the wire) as ISO 8601 in the
 * workflow zone, statuses in the spec's spelling (the one received kept in `<field>Received`
 * when it differed).
 */
export function withReadableFields(record: IDataObject, zone: string): IDataObject {
	const out: IDataObject = { ...record };
	for (const field of TIME_FIELDS) {
		if (out[field] !== undefined && out[field] !== null) out[field] = isoOf(out[field], zone) ?? out[field];
	}
	if (typeof out.jobStatus === 'string') {
		const status = jobStatusOf(out.jobStatus);
		if (status !== out.jobStatus) out.jobStatusReceived = out.jobStatus;
		out.jobStatus = status as string;
	}
	if (typeof out.status === 'string') {
		const status = campaignStatusOf(out.status);
		if (status !== out.status) out.statusReceived = out.status;
		out.status = status;
	}
	return out;
}

/** A body answered as a JSON string (`"1234"`) or a bare word (`1234`) → the plain text. */
export function plainText(body: unknown): string {
	if (typeof body === 'number') return String(body);
	const text = typeof body === 'string' ? body.trim() : '';
	if (text.startsWith('"')) {
		try {
			return String(JSON.parse(text));
		} catch {
			return text.replace(/^"|"$/g, '');
		}
	}
	return text;
}
