import { chatZoneOf } from '../../common/chat/timestamps';
import { withOutputDates } from '../../common/dates';
import { CREDENTIAL_NAME } from '../../common/transport';
import type { Resource } from '../../common/router';
import { getAll as getEvents } from './event/getAll.operation';
import { getHistory } from './message/getHistory.operation';
import { send } from './message/send.operation';
import { sendAsync } from './message/sendAsync.operation';
import { get as getStatus } from './messageStatus/get.operation';
import { getUnreadCount } from './messageStatus/getUnreadCount.operation';
import { update as updateStatus } from './messageStatus/update.operation';
import { load as loadState } from './state/load.operation';
import { save as saveState } from './state/save.operation';

/**
 * Output dates in the workflow zone (nodes/common/dates.ts): the platform's `timestamp` of a
 * message (an ISO local date-time in the credential's Chat Timestamps Zone), at the top of each item
 * only: nested fields (`customData`, `$response` fields) are the bot's data and stay as sent. State
 * is the user's own data, returned as saved. `ts` and `nextTs` stay epoch ms: they are the Chat
 * API's `ts` cursor, passed back as "Since".
 */
const zoned = (resource: Resource): Resource =>
	withOutputDates([resource], ['timestamp'], {
		topLevelOnly: true,
		platformZoneOf: async (ctx) =>
			chatZoneOf(await ctx.getCredentials(CREDENTIAL_NAME), ctx.getNode()),
	})[0];

export const chatResources: Resource[] = [
	zoned({ value: 'message', name: 'Message', operations: [send, sendAsync, getHistory] }),
	zoned({ value: 'event', name: 'Event', operations: [getEvents] }),
	{ value: 'state', name: 'State', operations: [saveState, loadState] },
	zoned({
		value: 'messageStatus',
		name: 'Message Status',
		operations: [getStatus, updateStatus, getUnreadCount],
	}),
];
