import type { RouteSpec } from '../common/transport';
import { requestsFor } from '../common/requests';

const R = '/api/v1/reporter';
const A = '/api/v1/async/reporter/reports';

/**
 * Every Reporter API and Async API route, in one place (the numbers count the routes). All use the
 * unified token as `Authorization: Bearer`. The spec's spelling `scenario-exeperiments` is kept.
 * POSTs that only read (statistics, filtered lists, filter options) are marked idempotent.
 */
export const REPORTER_ROUTES = {
	switchedSessions: { method: 'GET', path: `${R}/stats/switched-sessions` }, // 1
	telephonyStats: { method: 'GET', path: `${R}/stats/telephony` }, // 2
	uniqueClients: { method: 'GET', path: `${R}/stats/unique-clients` }, // 3
	messageStats: {
		method: 'POST',
		path: `${R}/stats/messages/with-advanced-filters`,
		idempotent: true,
	}, // 4
	sessionStats: {
		method: 'POST',
		path: `${R}/stats/sessions/with-advanced-filters`,
		idempotent: true,
	}, // 5
	sessionLabelStats: { method: 'POST', path: `${R}/stats/session-labels`, idempotent: true }, // 6
	messageLabelStats: { method: 'POST', path: `${R}/stats/log-labels`, idempotent: true }, // 7
	sessionsFilter: { method: 'POST', path: `${R}/sessions/filter`, idempotent: true }, // 8
	sessionsCount: { method: 'GET', path: `${R}/projects/sessions/count` }, // 9
	clientsFilter: { method: 'POST', path: `${R}/clients/filter`, idempotent: true }, // 10
	clientsForBot: { method: 'POST', path: `${R}/clients/all-for-bot`, idempotent: true }, // 11
	messagesFilter: { method: 'POST', path: `${R}/messages/filter`, idempotent: true }, // 12
	messagesBySession: { method: 'GET', path: `${R}/messages/by-session` }, // 13
	messagesByClient: { method: 'GET', path: `${R}/messages/by-client` }, // 14
	pageInSession: { method: 'GET', path: `${R}/messages/page-in-session` }, // 15
	pageInClient: { method: 'GET', path: `${R}/messages/page-in-client` }, // 16
	stateRoutesFilter: { method: 'POST', path: `${R}/state-routes/filter`, idempotent: true }, // 17
	createMessageLabel: { method: 'POST', path: `${R}/message/labels` }, // 18
	listMessageLabels: { method: 'GET', path: `${R}/message/labels` }, // 19
	updateMessageLabel: { method: 'PUT', path: `${R}/message/labels/{id}` }, // 20
	deleteMessageLabel: { method: 'DELETE', path: `${R}/message/labels/{id}` }, // 21
	getMessageLabel: { method: 'GET', path: `${R}/message/labels/{id}` }, // 22
	messageLabelsPriority: { method: 'PUT', path: `${R}/message/labels/change-priority` }, // 23
	updateLabelGroups: { method: 'PUT', path: `${R}/message/labels/groups` }, // 24
	updateLabelGroup: { method: 'PUT', path: `${R}/message/labels/groups/{id}` }, // 25
	deleteLabelGroup: { method: 'DELETE', path: `${R}/message/labels/groups/{id}` }, // 26
	getLabelGroup: { method: 'GET', path: `${R}/message/labels/groups/{id}` }, // 27
	labelGroupsPriority: { method: 'PUT', path: `${R}/message/labels/groups/change-priority` }, // 28
	createMessageLabels: { method: 'POST', path: `${R}/message/labels/by-list` }, // 29
	updateMessageLabels: { method: 'PUT', path: `${R}/message/labels/by-list` }, // 30
	labelMessage: { method: 'POST', path: `${R}/message/labels/logs` }, // 31
	unlabelMessage: { method: 'DELETE', path: `${R}/message/labels/logs` }, // 32 (DELETE with a body)
	bulkLabelMessages: { method: 'POST', path: `${R}/message/labels/logs/bulk-labeling` }, // 33
	setMessageLabels: { method: 'POST', path: `${R}/message/labels/logs/set-by-list` }, // 34
	createSessionLabel: { method: 'POST', path: `${R}/logs/labels/sessions` }, // 35
	updateSessionLabel: { method: 'PUT', path: `${R}/logs/labels/sessions/{id}` }, // 36
	getSessionLabel: { method: 'GET', path: `${R}/logs/labels/sessions/{id}` }, // 37
	deleteSessionLabel: { method: 'DELETE', path: `${R}/logs/labels/sessions/{id}` }, // 38
	sessionLabelsPriority: { method: 'PUT', path: `${R}/logs/labels/sessions/change-priority` }, // 39
	updateSessionLabels: { method: 'PUT', path: `${R}/session-labels/by-list` }, // 40
	labelSession: { method: 'POST', path: `${R}/session-labels/sessions` }, // 41
	unlabelSession: { method: 'DELETE', path: `${R}/session-labels/sessions` }, // 42 (DELETE with a body)
	setSessionLabels: { method: 'POST', path: `${R}/session-labels/sessions/set-by-list` }, // 43
	bulkLabelSessions: { method: 'POST', path: `${R}/session-labels/sessions/bulk-labeling` }, // 44
	addComment: { method: 'POST', path: `${R}/comments/{questionId}` }, // 45
	deleteComment: { method: 'DELETE', path: `${R}/comments/{questionId}` }, // 46
	listTasks: { method: 'GET', path: `${R}/reports` }, // 47
	deleteCompletedTasks: { method: 'DELETE', path: `${R}/reports` }, // 48
	deleteAllTasks: { method: 'DELETE', path: `${R}/reports/all` }, // 49
	getTask: { method: 'GET', path: `${R}/reports/tasks/{taskId}` }, // 50
	deleteTask: { method: 'DELETE', path: `${R}/reports/tasks/{taskId}` }, // 51
	reportSessions: { method: 'POST', path: `${A}/sessions` }, // 52
	reportMessages: { method: 'POST', path: `${A}/messages` }, // 53
	reportClients: { method: 'POST', path: `${A}/clients` }, // 54
	reportTelephony: { method: 'POST', path: `${A}/telephony` }, // 55
	reportDaily: { method: 'POST', path: `${A}/daily` }, // 56
	reportClientList: { method: 'POST', path: `${A}/client-list` }, // 57 (id in the Z-Request-id header)
	reportMessageReaction: { method: 'POST', path: `${A}/message-reaction` }, // 58
	filters: { method: 'GET', path: `${R}/filters` }, // 59
	filterOptions: { method: 'POST', path: `${R}/filter-options`, idempotent: true }, // 60
	intervalFilterOptions: { method: 'POST', path: `${R}/interval-filter-options`, idempotent: true }, // 61
	getFilterSet: { method: 'GET', path: `${R}/user-filter-sets/{filterSetId}` }, // 62
	createFilterSet: { method: 'POST', path: `${R}/user-filter-sets/filterSetId` }, // 63 (bare JSON string)
	createExperiment: { method: 'POST', path: `${R}/scenario-exeperiments` }, // 64
	listExperiments: { method: 'GET', path: `${R}/scenario-exeperiments` }, // 65
	deleteExperiment: { method: 'DELETE', path: `${R}/scenario-exeperiments` }, // 66
	joinExperiment: { method: 'POST', path: `${R}/scenario-exeperiments/join` }, // 67 (bare JSON string)
	stopExperiment: { method: 'POST', path: `${R}/scenario-exeperiments/stop` }, // 68
	experimentSessions: { method: 'GET', path: `${R}/scenario-exeperiments/count-sessions` }, // 69
	asyncEvents: { method: 'GET', path: '/api/v1/async/events' }, // Async API
} as const satisfies Record<string, RouteSpec>;

export type ReporterRoute = keyof typeof REPORTER_ROUTES;

export const { request, requestFull, itemRequest, itemRequestFull, pagedList } = requestsFor(
	REPORTER_ROUTES,
	'apiToken',
);
