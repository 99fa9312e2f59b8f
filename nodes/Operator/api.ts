import type { RouteSpec } from '../common/transport';
import { requestsFor } from '../common/requests';

/**
 * The Operator API, agent side: one route, on the webhook URL the platform gives in `setWebhook`
 * (`…/chatadapter/chatapi/webhook/operatorapi/{apiKey}`, so every call passes that URL's base).
 * The body is one event: `TextMessage`, `FileMessage`, `Closed` or `SelectDestination`. No token:
 * the channel id in the path authorises the call, so it is redacted like one. Each event reaches
 * the client, so it is repeated only when the platform provably did not take it.
 */
export const OPERATOR_ROUTES = {
	event: { method: 'POST', path: '/{apiKey}', acts: true },
} as const satisfies Record<string, RouteSpec>;

export const { itemRequest } = requestsFor(OPERATOR_ROUTES, undefined);
