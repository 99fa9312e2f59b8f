import type { IDataObject, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { request } from '../common/chat/api';
import { ownSendOf, savedOwnSendOf } from '../common/chat/ownSends';
import { workflowZone } from '../common/dates';
import { CREDENTIAL_NAME } from '../common/transport';
import {
	CLIENT_REQUEST,
	fromPolledEvent,
	onlyWhenOf,
	passesFilter,
	toTriggerItem,
	type EventFilter,
} from '../common/chat/events';
import { advance, type CursorState } from '../common/chat/cursor';

const MAX_FAILURES_BEFORE_ERROR = 5;

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
 * Polling mode: a loop of long-polling `GET /events?all=true` requests. The cursor (cursor.ts)
 * lives in the workflow's static data, which n8n saves when the trigger is published and each time
 * it starts an execution: a restart goes on from the last event that started the workflow. The first
 * request starts at "now" (n8n's clock): it never asks without `ts`, which would move the platform's own
 * "since the last request" cursor under another consumer's feet.
 *
 * By default it emits what the webhook would bring (bot and agent replies). Client requests (and
 * other events without a reply) only with "Include Client Requests". Never: the messages this
 * n8n sent itself, nor the bot's answers to its synchronous sends (ownSends.ts).
 */
export async function pollEvents(this: ITriggerFunctions): Promise<ITriggerResponse> {
	const clientId = (this.getNodeParameter('options.clientId', '') as string) || undefined;
	const includeRequests = this.getNodeParameter('options.includeClientRequests', false) as boolean;
	const kinds = this.getNodeParameter('triggerOn', []) as string[];
	const filter: EventFilter = {
		kinds: includeRequests ? [...kinds, CLIENT_REQUEST] : kinds,
		clientId,
		onlyWhen: onlyWhenOf(this.getNode()),
	};
	const waitMs = Number(this.getNodeParameter('options.waitSeconds', 30)) * 1000;
	const token = String((await this.getCredentials(CREDENTIAL_NAME)).chatApiToken ?? '');
	const cursor = this.getWorkflowStaticData('node') as CursorState;
	// Publishing (again) and a test start from now; n8n starting up goes on from the saved cursor,
	// so the events that arrived while n8n was down come out (startsFromNow). 1 ms back: an
	// exclusive platform still returns an event stamped in this very millisecond.
	if (cursor.ts === undefined || startsFromNow(this.getActivationMode())) {
		Object.assign(cursor, { ts: Date.now() - 1, seen: [], repeats: 0 });
	}

	// What executions before a restart saved of their own sends (read as n8n loaded it).
	const saved = this.getWorkflowStaticData('global');
	const notOwn = (item: IDataObject): boolean => {
		const isRequest = item.eventKind === CLIENT_REQUEST;
		const own =
			ownSendOf(token, {
				questionId: item.questionId,
				clientId: item.clientId,
				text: item.text,
				isRequest,
			}) ?? savedOwnSendOf(saved, token, item.questionId);
		return !own || (!isRequest && !own.sync);
	};

	let closed = false;
	const zone = workflowZone(this);
	const pollOnce = async (): Promise<IDataObject[]> => {
		// Nothing new twice in a row although the cursor moved: the platform ignores it; slow down.
		if ((cursor.repeats ?? 0) >= 2) await sleep(1000);
		if (closed) return [];
		const answer = await request<IDataObject | undefined>(this, 'events', {
			qs: { all: true, ts: cursor.ts, clientId },
			timeoutMs: waitMs,
			longPoll: true,
		});
		const polled = ((answer?.events ?? []) as IDataObject[]).map((event) =>
			fromPolledEvent(event, clientId),
		);
		const { fresh, state } = advance(cursor, polled);
		Object.assign(cursor, state);
		return fresh
			.map((event) => toTriggerItem(event, 'poll', zone))
			.filter(notOwn)
			.filter((item) => passesFilter(item, filter));
	};

	if (this.getMode() === 'manual') {
		return {
			closeFunction: async () => {
				closed = true;
			},
			manualTriggerFunction: async () => {
				while (!closed) {
					const items = await pollOnce();
					if (items.length > 0) return this.emit([this.helpers.returnJsonArray(items)]);
				}
			},
		};
	}

	const loop = async () => {
		let failures = 0;
		while (!closed) {
			try {
				const items = await pollOnce();
				failures = 0;
				if (items.length > 0 && !closed) this.emit([this.helpers.returnJsonArray(items)]);
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
	void loop();
	return {
		closeFunction: async () => {
			closed = true;
		},
	};
}
