import type { RouteSpec } from '../common/transport';
import { requestsFor } from '../common/requests';

/**
 * Pushgate has two calls, both on `/pushgate/push_{id}`: GET fires the pushback's event, POST fires
 * it with the JSON body as extra event data. Both act: each call that reaches the platform fires
 * the bot event once more and Pushgate takes no idempotence key, so neither is ever repeated after
 * a 5xx, a timeout or a dropped connection (docs/platform-assumptions.md, "Pushgate"). No
 * credential secret: the pushback id in the path authorises the call.
 */
export const PUSHGATE_ROUTES = {
	fire: { method: 'GET', path: '/pushgate/push_{id}', acts: true },
	fireWithData: { method: 'POST', path: '/pushgate/push_{id}', acts: true },
} as const satisfies Record<string, RouteSpec>;

export const { itemRequestFull } = requestsFor(PUSHGATE_ROUTES, undefined);
