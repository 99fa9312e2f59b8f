import type { IDataObject, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { chatRequest, timestampMs } from '../Chat/api';
import { fromPolledEvent, passesFilter, toTriggerItem, type EventFilter } from '../ChatTrigger/events';

const MAX_FAILURES_BEFORE_ERROR = 5;

/**
 * Polling mode: a loop of long-polling `GET /events` requests. The `ts` cursor lives in the
 * workflow's static data, so a restart (or another main process) goes on where the last one
 * stopped instead of repeating or skipping events.
 */
export async function pollEvents(this: ITriggerFunctions): Promise<ITriggerResponse> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const filter: EventFilter = {
		kinds: this.getNodeParameter('triggerOn', []) as string[],
		clientId: (options.clientId as string) || undefined,
	};
	const waitMs = Number(options.waitSeconds ?? 30) * 1000;
	const cursor = this.getWorkflowStaticData('node') as { ts?: number };

	const pollOnce = async (): Promise<IDataObject[]> => {
		const answer = await chatRequest<IDataObject | undefined>(this, 'events', {
			qs: { all: true, ts: cursor.ts, clientId: filter.clientId },
			timeoutMs: waitMs,
			longPoll: true,
		});
		const events = ((answer?.events ?? []) as IDataObject[]).map(fromPolledEvent);
		for (const event of events) {
			const ts = timestampMs(event.ts ?? event.timestamp);
			if (ts !== undefined && ts > (cursor.ts ?? 0)) cursor.ts = ts;
		}
		return events.map(toTriggerItem).filter((item) => passesFilter(item, filter));
	};

	let closed = false;
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
					this.emitError(error instanceof NodeApiError ? error : new NodeApiError(this.getNode(), { message: String(error) }));
					failures = 0;
				}
				// Back off (1 s, 2 s, … 30 s) in one-second steps so that closing stays quick.
				for (let waited = 0; waited < Math.min(30, 2 ** (failures - 1)) && !closed; waited++) await sleep(1000);
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
