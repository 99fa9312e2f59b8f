import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { optionalString, toEpochMs } from '../../../common/validate';
import { chatItemRequest, EVENTS_PAGE_MAX, timestampMs } from '../../api';

function eventTs(event: IDataObject): number | undefined {
	const inner = (event.event ?? {}) as IDataObject;
	return timestampMs(event.ts ?? inner.ts ?? event.timestamp ?? inner.timestamp);
}

export const getMany: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many chat events',
	description:
		'Read asynchronous chat events (agent replies, bot replies, requests from other pages) by long polling',
	properties: [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			placeholder: 'e.g. user-42',
			description: 'Only events of this client; leave empty for the whole channel',
		},
		{
			displayName: 'Since',
			name: 'ts',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1714557600000 or 2026-05-01T10:00:00Z',
			description:
				'Only events after this time (epoch milliseconds or an ISO date). To read events in a loop without repeats or gaps, pass the nextTs of the previous call. Empty: all events since the previous request.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'All Event Kinds',
					name: 'all',
					type: 'boolean',
					default: false,
					description: 'Whether to return all events of the chat instead of live-agent replies only',
				},
				{
					displayName: 'Connection ID (Cid)',
					name: 'cid',
					type: 'string',
					default: '',
					description: 'Only events of this connection (avoids duplicates when a client has several chats open)',
				},
				{
					displayName: 'Max Wait (Seconds)',
					name: 'waitSeconds',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 300 },
					default: 30,
					description: 'How long to wait for a first event before returning nothing',
				},
				{
					displayName: 'Output',
					name: 'output',
					type: 'options',
					options: [
						{ name: 'One Item per Event', value: 'events' },
						{ name: 'One Item with All Events', value: 'batch', description: 'Always one item, with events and nextTs, also when there are none: handy in loops' },
					],
					default: 'events',
				},
				{
					displayName: 'Return All Pending',
					name: 'drain',
					type: 'boolean',
					default: true,
					description: 'Whether to keep reading while the platform returns full pages of 250 events',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const clientId = optionalString(this, 'clientId', itemIndex);
		let ts = toEpochMs(this, optionalString(this, 'ts', itemIndex), itemIndex, 'Since');
		const waitMs = Number(options.waitSeconds ?? 30) * 1000;
		const events: IDataObject[] = [];
		for (let page = 0; page < 100; page++) {
			const answer = await chatItemRequest<IDataObject | undefined>(this, itemIndex, 'events', {
				qs: { clientId, ts, all: options.all ? true : undefined, cid: (options.cid as string) || undefined },
				timeoutMs: waitMs,
				longPoll: true,
			});
			const batch = ((answer?.events ?? []) as IDataObject[]).map((event) => ({ ...event, ts: eventTs(event) }));
			events.push(...batch);
			const latest = Math.max(ts ?? 0, ...batch.map((e) => (e.ts as number | undefined) ?? 0));
			if (latest > 0) ts = latest;
			if (options.drain === false) break;
			if (batch.length < EVENTS_PAGE_MAX) break;
		}
		if (options.output === 'batch') return { events, count: events.length, nextTs: ts ?? null };
		return events.map((event) => ({ ...event, nextTs: ts ?? null }));
	},
};
