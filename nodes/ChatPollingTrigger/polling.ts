import type { IDataObject, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { request } from '../common/chat/api';
import {
	claimOwnSends,
	hasUnclaimedOwnSends,
	ownSendOf,
	savedOwnSendOf,
	settledOwnSends,
} from '../common/chat/ownSends';
import { checkOnlyWhen, onlyWhenTest } from '../common/chat/onlyWhen';
import { chatZoneOf } from '../common/chat/timestamps';
import { workflowZone } from '../common/dates';
import { CREDENTIAL_NAME } from '../common/transport';
import {
	CLIENT_REQUEST,
	eventKindOf,
	fromPolledEvent,
	kindsOf,
	passesFilter,
	toTriggerItem,
	type EventFilter,
	type EventKind,
} from '../common/chat/events';
import { advance, eventKey, type CursorState } from '../common/chat/cursor';

const MAX_FAILURES_BEFORE_ERROR = 5;
/**
 * With both Live Agent Reply and Other Bot Message on, a bot message from the whole-channel poll
 * waits this long for the agent-only poll to claim it: the platform lists an agent's reply in both.
 */
export const AGENT_GRACE_MS = 1500;

/**
 * Whether this start of the trigger begins at "now": publishing, and publishing again after an
 * unpublish (n8n's 'activate', 'create'), and a manual test. n8n starting up ('init', another main
 * taking over: 'leadershipChange') and a new version of a published workflow, or n8n restarting a
 * trigger that dropped out ('update'), go on from the saved cursor: the trigger was meant to be
 * listening all along, so what came meanwhile is wanted.
 */
export function startsFromNow(activation: string): boolean {
	return !['init', 'leadershipChange', 'update'].includes(activation);
}

/**
 * The two event streams of a channel (docs/platform-assumptions.md, "Event kinds"): `/events`
 * without `all` lists live agent replies only (the documented default), with `all=true` every
 * event of the channel. Each has its own cursor in the node's static data.
 */
type StreamName = 'agents' | 'all';

interface PollState {
	agents?: CursorState;
	all?: CursorState;
}

/** The static data of earlier versions held one cursor (of the `all=true` poll) at the top. */
function cursorsOf(data: IDataObject): PollState {
	if (typeof data.ts === 'number' && data.all === undefined) {
		data.all = { ts: data.ts, seen: data.seen, repeats: data.repeats };
		delete data.ts;
		delete data.seen;
		delete data.repeats;
	}
	return data as PollState;
}

/**
 * Polling mode: long-polling loops over `GET /events` (one per stream the Trigger On choices
 * need). The cursors live in the node's static data, which n8n saves when the trigger is published
 * and each time it starts an execution: a restart goes on from the last event that started the
 * workflow. A start from now asks from n8n's clock, never without `ts` (which would move the
 * platform's own "since the last request" cursor under another consumer's feet).
 *
 * By default it emits what the webhook would bring: live agent replies and the replies to this
 * n8n's Send Without Waiting. Never: this n8n's own messages, nor the bot's answers to its
 * synchronous sends (ownSends.ts).
 */
export async function pollEvents(this: ITriggerFunctions): Promise<ITriggerResponse> {
	const clientId = (this.getNodeParameter('options.clientId', '') as string) || undefined;
	const includeRequests = this.getNodeParameter('options.includeClientRequests', false) as boolean;
	const kinds = kindsOf(
		this.getNodeParameter('triggerOn', []) as string[],
		'poll',
		includeRequests,
	);
	if (kinds.length === 0)
		throw new NodeOperationError(this.getNode(), 'Trigger On needs at least one choice', {
			description:
				'Pick the messages that should start the workflow, or turn on Include Client Requests',
		});
	const filter: EventFilter = { kinds, clientId };
	// Read while n8n holds the workflow's expression engine (the trigger's start), not in the loop.
	await checkOnlyWhen(this);
	const onlyWhen = onlyWhenTest(this);
	const keep = async (items: IDataObject[]) => (onlyWhen ? await onlyWhen(items) : items);
	const waitMs = Number(this.getNodeParameter('options.waitSeconds', 30)) * 1000;
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const token = String(credentials.chatApiToken ?? '');
	const platformZone = chatZoneOf(credentials, this.getNode());
	// The agent-only events also tell the whole channel's events which ones are an agent's.
	const streams: StreamName[] = [
		...(kinds.includes('agentReply') || kinds.includes('botReply') ? (['agents'] as const) : []),
		...(kinds.some((kind) => kind !== 'agentReply') ? (['all'] as const) : []),
	];
	const cursors = cursorsOf(this.getWorkflowStaticData('node'));
	// Publishing (again) and a test start from now; n8n starting up goes on from the saved cursor,
	// so the events that arrived while n8n was down come out (startsFromNow). 1 ms back: an
	// exclusive platform still returns an event stamped in this very millisecond.
	const fromNow = startsFromNow(this.getActivationMode());
	for (const stream of streams)
		if (cursors[stream]?.ts === undefined || fromNow)
			cursors[stream] = { ts: Date.now() - 1, seen: [], repeats: 0 };

	// What executions before a restart saved of their own sends (read as n8n loaded it).
	const saved = this.getWorkflowStaticData('global');
	/** The kind of a whole-channel event, `undefined` for this n8n's own messages. */
	const kindOnChannel = (event: IDataObject): EventKind | undefined => {
		const kind = eventKindOf(event, 'poll');
		const isRequest = kind === CLIENT_REQUEST;
		const own =
			ownSendOf(token, {
				questionId: event.questionId,
				clientId: event.clientId,
				text: event.query ?? event.event,
				isRequest,
			}) ?? savedOwnSendOf(saved, token, event.questionId);
		if (own) return own.sync || isRequest ? undefined : 'asyncReply';
		return kind;
	};

	let closed = false;
	const zone = workflowZone(this);
	/** Keys of agent replies either stream emitted (an agent's reply is listed in both). */
	const agentKeys = new Set<string>();
	const otherKeys = new Set<string>();
	const fetch = async (stream: StreamName, timeoutMs = waitMs): Promise<IDataObject[]> => {
		const cursor = cursors[stream]!;
		// Nothing new twice in a row although the cursor moved: the platform ignores it; slow down.
		if ((cursor.repeats ?? 0) >= 2) await sleep(1000);
		if (closed) return [];
		const answer = await request<IDataObject | undefined>(this, 'events', {
			qs: { all: stream === 'all' ? true : undefined, ts: cursor.ts, clientId },
			timeoutMs,
			longPoll: true,
		});
		const polled = ((answer?.events ?? []) as IDataObject[]).map((event) =>
			fromPolledEvent(event, clientId),
		);
		const { fresh, state } = advance(cursor, polled, Date.now(), platformZone);
		cursors[stream] = state;
		return fresh;
	};

	const pollOnce = async (stream: StreamName): Promise<IDataObject[]> => {
		let fresh = await fetch(stream);
		if (stream === 'agents') {
			const items = fresh
				.filter((event) => !otherKeys.has(eventKey(event)))
				.map((event) => toTriggerItem(event, 'poll', zone, 'agentReply', platformZone))
				.filter((item) => passesFilter(item, filter));
			for (const event of fresh) agentKeys.add(eventKey(event));
			return await keep(items);
		}
		if (fresh.length === 0) return [];
		// A send still waiting for its answer may be the one these events belong to.
		await settledOwnSends(token);
		if (hasUnclaimedOwnSends(token) && !closed) {
			// Answered without a questionId: its events are all listed by now; read them too.
			fresh = [...fresh, ...(await fetch(stream, 1000))];
			claimOwnSends(token, fresh.map((event) => String(event.questionId ?? '')).filter(Boolean));
		}
		const classified = fresh
			.map((event) => ({ event, kind: kindOnChannel(event) }))
			// Agent replies are the agent-only poll's (it knows them for sure).
			.filter(({ kind }) => kind !== undefined && kind !== 'agentReply')
			.map(({ event, kind }) => ({
				event,
				item: toTriggerItem(event, 'poll', zone, kind, platformZone),
			}))
			.filter(({ item }) => passesFilter(item, filter));
		const kept = new Set(await keep(classified.map(({ item }) => item)));
		if (streams.includes('agents') && classified.some(({ item }) => item.eventKind === 'botReply'))
			await sleep(AGENT_GRACE_MS);
		return classified
			.filter(({ item }) => kept.has(item))
			.filter(({ event, item }) => item.eventKind !== 'botReply' || !agentKeys.has(eventKey(event)))
			.map(({ event, item }) => {
				otherKeys.add(eventKey(event));
				return item;
			});
	};

	const loop = async (stream: StreamName, emit: (items: IDataObject[]) => void) => {
		let failures = 0;
		while (!closed) {
			try {
				const items = await pollOnce(stream);
				failures = 0;
				if (items.length > 0 && !closed) emit(items);
			} catch (error) {
				failures++;
				if (failures >= MAX_FAILURES_BEFORE_ERROR) {
					this.emitError(
						error instanceof NodeApiError
							? error
							: new NodeApiError(this.getNode(), { message: String(error) }),
					);
					failures = 0;
				}
				// Back off (1 s, 2 s, … 30 s) in one-second steps so that closing stays quick.
				for (let waited = 0; waited < Math.min(30, 2 ** (failures - 1)) && !closed; waited++)
					await sleep(1000);
			}
		}
	};

	const closeFunction = async () => {
		closed = true;
	};
	if (this.getMode() === 'manual') {
		// A test ends with the first event: the first stream that has one emits it.
		return {
			closeFunction,
			manualTriggerFunction: async () =>
				await new Promise<void>((resolve) => {
					const once = (items: IDataObject[]) => {
						if (closed) return;
						closed = true;
						this.emit([this.helpers.returnJsonArray(items)]);
						resolve();
					};
					for (const stream of streams) void loop(stream, once);
				}),
		};
	}
	for (const stream of streams)
		void loop(stream, (items) => this.emit([this.helpers.returnJsonArray(items)]));
	return { closeFunction };
}
