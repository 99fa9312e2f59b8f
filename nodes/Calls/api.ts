import { requestsFor } from '../common/requests';
import type { RouteSpec } from '../common/transport';

/**
 * Every Calls API route, in one place (12 paths, 13 operations). The campaign token is the path
 * secret; the platform needs no auth header.
 */
export const CALLS_ROUTES = {
	// `acts`: these create call jobs (two of them by GET); repeated only under an idempotence key.
	addPhones: { method: 'POST', path: '/api/calls/campaign/{secret}/addPhones', acts: true },
	/** CRM variants: `phone`, `gmtZone`, every other key becomes a payload key. */
	addPhoneGet: { method: 'GET', path: '/api/crmCalls/campaign/{secret}/addPhone', acts: true },
	/** Form-urlencoded body. */
	addPhonePost: { method: 'POST', path: '/api/crmCalls/campaign/{secret}/addPhone', acts: true },
	addPhoneGetTest: {
		method: 'GET',
		path: '/api/crmCalls/campaign/{secret}/test/addPhone',
		acts: true,
	},
	cancelCallJob: { method: 'POST', path: '/api/calls/campaign/{secret}/callJob/cancel' },
	// Report requests read data only: safe to repeat although they are POSTs.
	getCallJobReport: {
		method: 'POST',
		path: '/api/calls/campaign/{secret}/callJob/getReport',
		idempotent: true,
	},
	getCallJobReportByDate: {
		method: 'POST',
		path: '/api/calls/campaign/{secret}/callJob/getReportByDate',
		idempotent: true,
	},
	getCallJobReportUnfinished: {
		method: 'POST',
		path: '/api/calls/campaign/{secret}/callJob/getUnfinished',
		idempotent: true,
	},
	getCallAttemptReport: {
		method: 'POST',
		path: '/api/calls/campaign/{secret}/callAttempt/getReport',
		idempotent: true,
	},
	getCallAttemptReportByDate: {
		method: 'POST',
		path: '/api/calls/campaign/{secret}/callAttempt/getReportByDate',
		idempotent: true,
	},
	getCallTask: { method: 'GET', path: '/api/calls/campaign/{secret}' },
	getCallTaskStatus: { method: 'GET', path: '/api/calls/campaign/{secret}/status' },
	controlCampaign: { method: 'POST', path: '/api/calls/campaign/{secret}/control/{action}' },
} as const satisfies Record<string, RouteSpec>;

export type CallsRoute = keyof typeof CALLS_ROUTES;

export const { request: callsRequest, itemRequest: callsItemRequest } = requestsFor(
	CALLS_ROUTES,
	'callsApiToken',
);

/** `PaginationRequest`: pages 0–199 of at most 200 items. */
export const PAGE_SIZE_MAX = 200;
export const PAGE_MAX = 199;
