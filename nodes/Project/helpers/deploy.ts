import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { itemRequest, itemRequestFull } from '../api';

/** Polling settings; tests shorten them instead of waiting. */
export const deployTiming = {
	/** Long-poll window asked of the Async API (`timeout`, in seconds; the unit is undocumented, see docs/platform-assumptions.md). */
	longPollSeconds: 20,
	/** Pause after a poll that came back at once with nothing, doubled each time up to the maximum. */
	firstPauseMs: 1_000,
	maxPauseMs: 30_000,
	sleep: async (ms: number) => await sleep(ms),
};

export interface DeployRequest {
	projectShortName: string;
	botId: string;
	forceDeploy?: boolean;
	skipNotifications?: boolean;
	skipTests?: boolean;
	runTestsInBackground?: boolean;
}

/**
 * Starts a deploy (`POST /api/v1/async/bot-channels/deploy`). The platform answers 200 with the
 * task's request ID in the `Z-Request-id` header (and no body); the outcome comes later through
 * the Async API.
 */
export async function startDeploy(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: DeployRequest,
): Promise<IDataObject> {
	const answer = await itemRequestFull<IDataObject | undefined>(ctx, itemIndex, 'deployChannel', {
		body,
	});
	const header = (name: string) => {
		const value = answer.headers[name];
		return Array.isArray(value) ? value[0] : value;
	};
	const json = answer.body && typeof answer.body === 'object' ? answer.body : {};
	const requestId = String(header('z-request-id') ?? json.requestId ?? '');
	if (!requestId) {
		// The platform took the request but did not say how to follow it: not the user's input.
		throw new NodeApiError(
			ctx.getNode(),
			{ message: 'The answer has no Z-Request-id header' },
			{
				message: `The platform answered without a deploy request ID [item ${itemIndex}]`,
				description:
					'The deploy may be running anyway: check the Deploy history of the project before starting it again.',
				itemIndex,
			},
		);
	}
	return {
		requestId,
		requestTime: header('z-request-time') ?? json.requestTime,
		botId: body.botId,
		projectShortName: body.projectShortName,
	};
}

function failed(
	ctx: IExecuteFunctions,
	itemIndex: number,
	botId: string,
	why: string,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`The deploy of bot ${botId} failed: ${why} [item ${itemIndex}]`,
		{
			itemIndex,
			description:
				'See the deploy log of the channel in the platform (Channels → the channel → Deploy history), fix the script, then deploy again.',
		},
	);
}

/**
 * Waits for a deploy: long-polls the Async API for the request's answer; when a poll comes back
 * at once without it, pauses with exponential backoff. Returns the answer's payload (the deploy
 * result) as `deployed` on `isOk: true`, the raw answer as `unknown` when `isOk` is missing, or
 * fails on `isOk: false` or at the deadline.
 */
export async function waitForDeploy(
	ctx: IExecuteFunctions,
	itemIndex: number,
	started: IDataObject,
	waitSeconds: number,
): Promise<IDataObject> {
	const requestId = String(started.requestId);
	const botId = String(started.botId);
	const deadline = Date.now() + waitSeconds * 1000;
	let pause = deployTiming.firstPauseMs;
	while (Date.now() < deadline) {
		const before = Date.now();
		const seconds = Math.max(
			1,
			Math.min(deployTiming.longPollSeconds, Math.ceil((deadline - before) / 1000)),
		);
		const answer = await itemRequest<IDataObject | undefined>(ctx, itemIndex, 'asyncEvents', {
			qs: { requestId, timeout: seconds },
			timeoutMs: seconds * 1000 + 5_000,
			longPoll: true,
		});
		const event = ((answer?.response ?? []) as IDataObject[]).find(
			(entry) => entry.requestId === requestId,
		);
		if (event) {
			if (event.isOk === false) {
				const error = (event.error ?? {}) as IDataObject;
				throw failed(
					ctx,
					itemIndex,
					botId,
					String(error.message ?? error.error ?? 'the platform reported a failure'),
				);
			}
			// `isOk` is required by AsyncResponseDto; an answer without it proves neither outcome.
			if (event.isOk !== true)
				return {
					...started,
					status: 'unknown',
					finishedAt: event.responseTime,
					message:
						'The platform answered the deploy without isOk: check the Deploy history of the channel',
					answer: event,
				};
			return {
				...started,
				status: 'deployed',
				finishedAt: event.responseTime,
				result: (event.payload ?? {}) as IDataObject,
			};
		}
		// A long poll that waited its time needs no pause; one answered at once (a platform that
		// does not hold the request) is followed by a growing pause.
		const elapsed = Date.now() - before;
		if (elapsed < deployTiming.firstPauseMs && Date.now() < deadline) {
			await deployTiming.sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
			pause = Math.min(pause * 2, deployTiming.maxPauseMs);
		}
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`The deploy of bot ${botId} did not finish within ${waitSeconds} seconds [item ${itemIndex}]`,
		{
			itemIndex,
			description: `The deploy keeps running on the platform (request ID ${requestId}). Raise "Wait Timeout", or check the Deploy history of the channel.`,
		},
	);
}
