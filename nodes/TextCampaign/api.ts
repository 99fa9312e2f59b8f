import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callOptions } from '../common/fields';
import type { Page } from '../common/paginate';
import { paginate } from '../common/paginate';
import type { CallOptions, RouteSpec, TovieContext, TovieRequest, TovieResponse } from '../common/transport';
import { tovieRequestFull } from '../common/transport';

const T = '/api/v1/text-campaign-service';
const CAMPAIGN = `${T}/projects/{projectShortName}/text-campaigns/{id}`;
const LEGACY = '/api/text-campaign-service/accounts/{accountId}/projects/{projectShortName}/text-campaigns/{id}';
const D = `${T}/dynamics`;

/**
 * Every Text campaign API route (the vendor's Text campaign API spec, 19 operations), unified
 * token as `Authorization: Bearer`. `acts`: the call messages clients or creates something, so the
 * transport never repeats it after an answer that proves nothing (the spec declares no
 * Idempotence-Key for any of them); the two sends by template act even the one that is a GET.
 */
export const TEXT_CAMPAIGN_ROUTES = {
	listCampaigns: { method: 'GET', path: `${T}/projects/{projectShortName}/text-campaigns` }, // getTextCampaigns
	createCampaign: { method: 'POST', path: `${T}/projects/{projectShortName}/text-campaigns`, acts: true }, // createTextCampaign
	getCampaign: { method: 'GET', path: CAMPAIGN }, // getTextCampaign (v1)
	updateCampaign: { method: 'PUT', path: CAMPAIGN }, // updateTextCampaign (v1)
	stopCampaign: { method: 'PUT', path: `${CAMPAIGN}/stop` }, // stopTextCampaign
	resumeCampaign: { method: 'PUT', path: `${CAMPAIGN}/resume` }, // resumeTextCampaign
	completeCampaign: { method: 'PUT', path: `${CAMPAIGN}/complete` }, // completeTextCampaign
	getCampaignLegacy: { method: 'GET', path: LEGACY }, // getTextCampaign (account path)
	updateCampaignLegacy: { method: 'PUT', path: LEGACY }, // updateTextCampaign (account path)
	createTemplate: { method: 'POST', path: `${D}/sending-templates`, acts: true }, // createEventSendingTemplate
	getTemplate: { method: 'GET', path: `${D}/sending-templates/{uuid}` }, // getEventSendingTemplate
	deleteTemplate: { method: 'DELETE', path: `${D}/sending-templates/{uuid}` }, // deleteEventSendingTemplate
	sendByTemplate: { method: 'GET', path: `${D}/send-event-by-template/{uuid}`, acts: true }, // sendEventByTemplateSimple
	sendByTemplateWithData: { method: 'POST', path: `${D}/send-event-by-template/{uuid}`, acts: true }, // sendEventByTemplate
	sendEvent: { method: 'POST', path: `${D}/send-event`, acts: true }, // sendEvent
	sendReplies: { method: 'POST', path: `${D}/send-replies`, acts: true }, // sendReplies
	listSendings: { method: 'GET', path: `${D}/sendings` }, // getSendings
	cancelSending: { method: 'PUT', path: `${D}/sendings/{uuid}/cancel` }, // cancelSending
	chatHistory: { method: 'GET', path: `${D}/sending-templates/chat-history` }, // getEventSendingTemplateHistory
} as const satisfies Record<string, RouteSpec>;

export type TextCampaignRoute = keyof typeof TEXT_CAMPAIGN_ROUTES;

/**
 * Page size for lists. The spec declares no maximum (docs/platform-assumptions.md): 1000 is asked first (as in Tovie
 * Reporter) and a list falls back to FALLBACK_PAGE_SIZE when the platform refuses it with 400.
 */
export const PAGE_SIZE = 1000;
export const FALLBACK_PAGE_SIZE = 100;

export type TextCampaignRequest = Omit<TovieRequest, 'method' | 'path' | 'secret'>;

export async function textCampaignRequestFull<T = IDataObject>(
	ctx: TovieContext,
	route: TextCampaignRoute,
	request: TextCampaignRequest = {},
	options: CallOptions = {},
): Promise<TovieResponse<T>> {
	return await tovieRequestFull<T>(ctx, { secret: 'apiToken', ...request, ...(TEXT_CAMPAIGN_ROUTES[route] as RouteSpec) }, options);
}

export async function textCampaignRequest<T = IDataObject>(
	ctx: TovieContext,
	route: TextCampaignRoute,
	request: TextCampaignRequest = {},
	options: CallOptions = {},
): Promise<T> {
	return (await textCampaignRequestFull<T>(ctx, route, request, options)).body;
}

/** `textCampaignRequest` for one item of the node, honouring its "Request Options". */
export async function itemRequest<T = IDataObject>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: TextCampaignRoute,
	request: TextCampaignRequest = {},
): Promise<T> {
	return await textCampaignRequest<T>(ctx, route, request, callOptions(ctx, itemIndex));
}

/**
 * Walks a list with Return All / Limit at the largest page the platform accepts. `pageQuery` gives
 * the paging parameters (`page`/`size` or `offset`/`limit`); `read` the items and the total.
 */
export async function pagedList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: TextCampaignRoute,
	request: TextCampaignRequest,
	limit: number | undefined,
	pageQuery: (page: number, size: number, offset: number) => IDataObject,
	read: (answer: IDataObject) => Page<IDataObject>,
): Promise<IDataObject[]> {
	const ask = (page: number, size: number, offset: number): TextCampaignRequest => ({ ...request, qs: { ...request.qs, ...pageQuery(page, size, offset) } });
	let pageSize = limit !== undefined && limit < PAGE_SIZE ? Math.max(limit, 1) : PAGE_SIZE;
	let first: IDataObject | undefined;
	if (pageSize === PAGE_SIZE) {
		// The first page doubles as a probe: a 400 for the large size means "use the small one".
		const probe = await textCampaignRequestFull(ctx, route, { ...ask(0, PAGE_SIZE, 0), acceptStatuses: [400] }, callOptions(ctx, itemIndex));
		if (probe.statusCode === 400) pageSize = FALLBACK_PAGE_SIZE;
		else first = probe.body;
	}
	return await paginate<IDataObject>(
		async (page, size, offset) => read(page === 0 && first ? first : await itemRequest(ctx, itemIndex, route, ask(page, size, offset))),
		{ limit, pageSize },
	);
}
