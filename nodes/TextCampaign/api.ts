import { requestsFor } from '../common/requests';
import type { RouteSpec } from '../common/transport';

const T = '/api/v1/text-campaign-service';
const CAMPAIGN = `${T}/projects/{projectShortName}/text-campaigns/{id}`;
const LEGACY =
	'/api/text-campaign-service/accounts/{accountId}/projects/{projectShortName}/text-campaigns/{id}';
const D = `${T}/dynamics`;

/**
 * Every Text campaign API route (the vendor's Text campaign API spec, 19 operations), unified
 * token as `Authorization: Bearer`. `acts`: the call messages clients or creates something, so the
 * transport never repeats it after an answer that proves nothing (the spec declares no
 * Idempotence-Key for any of them); the two sends by template act even the one that is a GET.
 */
export const TEXT_CAMPAIGN_ROUTES = {
	listCampaigns: { method: 'GET', path: `${T}/projects/{projectShortName}/text-campaigns` }, // getTextCampaigns
	createCampaign: {
		method: 'POST',
		path: `${T}/projects/{projectShortName}/text-campaigns`,
		acts: true,
	}, // createTextCampaign
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
	sendByTemplateWithData: {
		method: 'POST',
		path: `${D}/send-event-by-template/{uuid}`,
		acts: true,
	}, // sendEventByTemplate
	sendEvent: { method: 'POST', path: `${D}/send-event`, acts: true }, // sendEvent
	sendReplies: { method: 'POST', path: `${D}/send-replies`, acts: true }, // sendReplies
	listSendings: { method: 'GET', path: `${D}/sendings` }, // getSendings
	cancelSending: { method: 'PUT', path: `${D}/sendings/{uuid}/cancel` }, // cancelSending
	chatHistory: { method: 'GET', path: `${D}/sending-templates/chat-history` }, // getEventSendingTemplateHistory
} as const satisfies Record<string, RouteSpec>;

export type TextCampaignRoute = keyof typeof TEXT_CAMPAIGN_ROUTES;

export const { request, requestFull, itemRequest, itemRequestFull, pagedList } = requestsFor(
	TEXT_CAMPAIGN_ROUTES,
	'apiToken',
);
