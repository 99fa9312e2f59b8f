import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { itemRequest } from '../api';

/** Poll timing; tests replace `sleep` so they do not wait for real. */
export const trainingTiming = {
	maxIntervalMs: 30_000,
	/** How many polls a READY/NONE status right after "train" is taken as "not started yet". */
	startGracePolls: 3,
	sleep: async (ms: number) => await sleep(ms),
};

export interface WaitOptions {
	timeoutMs: number;
	intervalMs: number;
	/** `lastModelTrainStart` before the train call: a new value proves training started. */
	previousStart?: unknown;
}

/**
 * Polls the training status with backoff (×1.5 up to 30 s) until the platform reports the end.
 * READY → the status; FAILED → an error (the previous model stays in use); timeout → an error.
 * Time spent is the larger of the wall clock and the waits, so shortened test sleeps still time out.
 */
export async function waitForTraining(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: WaitOptions,
): Promise<IDataObject> {
	const started = Date.now();
	let waited = 0;
	let interval = options.intervalMs;
	let sawTraining = false;
	for (let poll = 1; ; poll++) {
		await trainingTiming.sleep(interval);
		waited += interval;
		const status = await itemRequest<IDataObject>(ctx, itemIndex, 'status');
		const state = String(status?.trainingStatus ?? '');
		const moved =
			status?.lastModelTrainStart !== undefined &&
			status.lastModelTrainStart !== options.previousStart;
		if (state === 'TRAINING') sawTraining = true;
		const finished =
			state !== 'TRAINING' && (sawTraining || moved || poll >= trainingTiming.startGracePolls);
		const elapsed = Math.max(Date.now() - started, waited);
		if (finished && state === 'READY') return { ...status, polls: poll, waitedMs: elapsed };
		if (finished) {
			const reason = status?.lastError ? `: ${String(status.lastError)}` : '';
			throw new NodeOperationError(
				ctx.getNode(),
				`Training ended with status ${state || 'unknown'}${reason}`,
				{
					itemIndex,
					description:
						'The project keeps its previous model. Fix the intents or entities named above and train again.',
				},
			);
		}
		if (elapsed >= options.timeoutMs) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Training did not finish within ${Math.round(options.timeoutMs / 1000)} seconds (status ${state || 'unknown'})`,
				{
					itemIndex,
					description:
						'Training goes on in the platform. Raise "Timeout", or check later with Model → Get Training Status.',
				},
			);
		}
		interval = Math.min(
			trainingTiming.maxIntervalMs,
			Math.round(interval * 1.5),
			Math.max(1, options.timeoutMs - elapsed),
		);
	}
}
