import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { workflowZone, zonedDates } from '../../../common/dates';
import type { Operation } from '../../../common/router';
import { CREDENTIAL_NAME } from '../../../common/transport';
import { optionalString, toEpochMs } from '../../../common/validate';
import { eventKey, eventMs, stampOffsetOf } from '../../../common/chat/cursor';
import { fromPolledEvent } from '../../../common/chat/events';
import { chatZoneOf } from '../../../common/chat/timestamps';
import { EVENTS_PAGE_MAX, itemRequest } from '../../api';
import { unconfirmed } from '../../helpers/unconfirmed';
import { eventOptions } from './common';

/**
 * Whether the platform's `ts` includes events at exactly that time is not documented
 * (docs/platform-assumptions.md, "Events cursor"). nextTs is the newest event's time; events stamped
 * exactly at Since are the previous call's last ones (an inclusive platform sends them again) and
 * are left out, and within one call repeats are dropped by questionId, kind and time. So a loop of
 * calls gets each event once from an inclusive or an exclusive platform. Event times (`ts`, nextTs)
 * are in the platform's `ts` scale: the stamps read in the credential's zone, corrected by the
 * offset the answers show when that zone is wrong (cursor.ts, `stampOffsetOf`).
 */

const TIMESTAMP = new Set(['timestamp']);

/**
 * The event's message is one level down (`event`): its own `timestamp` is the platform's date, in
 * the workflow zone like a message's at the top (actions/index.ts); its data is left as sent.
 */
function messageDate(event: IDataObject, zone: string, platformZone: string): IDataObject {
	if (!event.event || typeof event.event !== 'object') return {};
	return { event: zonedDates(event.event, TIMESTAMP, zone, { topLevelOnly: true, platformZone }) };
}

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many chat events',
	description:
		"Read the channel's chat events (live agent replies, bot replies to messages sent without waiting, client messages from other pages), waiting a while for new ones",
	properties: [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			placeholder: 'e.g. user-42',
			description:
				'Only events of this client (your identifier of the end user, as sent with the messages); leave empty for the whole channel',
		},
		unconfirmed(
			{
				displayName: 'Since',
				name: 'ts',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1714557600000 or 2026-05-01T10:00:00Z',
				description:
					'Only events after this time: an ISO date, or the nextTs (milliseconds since 1970) that the previous run returned, to read events in a loop without gaps. Empty: all events since the previous request to the platform (by anyone using this channel token).',
			},
			"the API pages do not say whether events at exactly this time come back; the node leaves them out (they are the previous call's last ones)",
		),
		eventOptions,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const clientId = optionalString(this, 'clientId', itemIndex);
		let ts = toEpochMs(this, optionalString(this, 'ts', itemIndex), itemIndex, 'Since');
		const waitMs = Number(options.waitSeconds ?? 30) * 1000;
		const zone = workflowZone(this);
		const platformZone = chatZoneOf(
			await this.getCredentials(CREDENTIAL_NAME, itemIndex),
			this.getNode(),
		);
		const events: IDataObject[] = [];
		const seen = new Set<string>();
		const since = ts;
		let next = since;
		let stampOffset: number | undefined;
		for (let page = 0; page < 100; page++) {
			const answer = await itemRequest<IDataObject | undefined>(this, itemIndex, 'events', {
				qs: {
					clientId,
					ts,
					all: options.all ? true : undefined,
					cid: (options.cid as string) || undefined,
				},
				timeoutMs: waitMs,
				longPoll: true,
			});
			const batch = (answer?.events ?? []) as IDataObject[];
			const flats = batch.map((event) => fromPolledEvent(event));
			const readings = flats.map((flat) => eventMs(flat, platformZone));
			const known = readings.filter((ms): ms is number => ms !== undefined);
			stampOffset = stampOffsetOf(stampOffset, ts, known);
			let added = 0;
			let atSince = 0;
			for (const [index, event] of batch.entries()) {
				const flat = flats[index];
				const reading = readings[index];
				const ms = reading === undefined ? undefined : reading - (stampOffset ?? 0);
				if (ms !== undefined) next = Math.max(next ?? ms, ms);
				if (since !== undefined && ms === since) atSince++;
				const key = eventKey(flat);
				if ((since !== undefined && ms === since) || seen.has(key)) continue;
				seen.add(key);
				added++;
				events.push({ ...event, ...messageDate(event, zone, platformZone), ts: ms ?? null });
			}
			// Only the previous call's last events again: ask again from just after them, and wait.
			if (page === 0 && added === 0 && atSince > 0 && since !== undefined) {
				ts = since + 1;
				continue;
			}
			ts = next;
			if (options.drain === false || batch.length < EVENTS_PAGE_MAX || added === 0) break;
		}
		if (options.output === 'batch') return { events, count: events.length, nextTs: next ?? null };
		return events.map((event) => ({ ...event, nextTs: next ?? null }));
	},
};
