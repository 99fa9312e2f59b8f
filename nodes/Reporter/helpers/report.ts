import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { callOptions } from '../../common/fields';
import { baseUrlOf, CREDENTIAL_NAME, tovieRequestFull } from '../../common/transport';
import { itemRequest } from '../api';

/** Polling settings; tests shorten them instead of waiting. */
export const reportTiming = {
	/** Long-poll window asked of the Async API (`timeout`, sent in seconds; the unit is undocumented, see docs/platform-assumptions.md). */
	longPollSeconds: 25,
	/** Least time between two polls, in case the platform answers a long poll at once. */
	minIntervalMs: 2_000,
	sleep: async (ms: number) => await sleep(ms),
};

const DONE = 'COMPLETED';
const BROKEN = new Set(['FAILED', 'STOPPED', 'DELETED']);

function failed(
	ctx: IExecuteFunctions,
	itemIndex: number,
	requestId: string,
	why: string,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`The report ${requestId} was not generated: ${why} [item ${itemIndex}]`,
		{
			itemIndex,
			description: 'Check the filters and settings, then create the report again.',
		},
	);
}

/** A finished task (COMPLETED with a file URL), or an error for a failed one; `undefined` while running. */
export function settled(
	ctx: IExecuteFunctions,
	itemIndex: number,
	requestId: string,
	task: IDataObject | undefined,
) {
	if (!task) return undefined;
	const status = String(task.status ?? '');
	if (BROKEN.has(status)) throw failed(ctx, itemIndex, requestId, `its task is ${status}`);
	return (status === DONE || !status) && task.fileUrl ? task : undefined;
}

/**
 * Waits for a report: long-polls the Async API for the request's answer, and between polls
 * reads the task list (the answer may have been taken by another client). Returns the task
 * (taskId, status, fileUrl, fileName…), or fails on a failed task or at the deadline.
 */
export async function waitForReport(
	ctx: IExecuteFunctions,
	itemIndex: number,
	requestId: string,
	waitSeconds: number,
): Promise<IDataObject> {
	const deadline = Date.now() + waitSeconds * 1000;
	let taskId = requestId;
	while (Date.now() < deadline) {
		const started = Date.now();
		const seconds = Math.max(
			1,
			Math.min(reportTiming.longPollSeconds, Math.ceil((deadline - started) / 1000)),
		);
		const answer = await itemRequest<IDataObject | undefined>(ctx, itemIndex, 'asyncEvents', {
			qs: { requestId, timeout: seconds },
			timeoutMs: seconds * 1000 + 5_000,
			longPoll: true,
		});
		const events = ((answer?.response ?? []) as IDataObject[]).filter(
			(event) => event.requestId === requestId,
		);
		for (const event of events) {
			if (event.isOk === false) {
				const error = (event.error ?? {}) as IDataObject;
				throw failed(
					ctx,
					itemIndex,
					requestId,
					String(error.message ?? error.error ?? 'the platform reported a failure'),
				);
			}
			const payload = (event.payload ?? {}) as IDataObject;
			if (payload.taskId) taskId = String(payload.taskId);
			const task = settled(ctx, itemIndex, requestId, { ...payload, taskId });
			if (task) return task;
		}
		const list = await itemRequest(ctx, itemIndex, 'listTasks');
		const task = ((list.tasks ?? []) as IDataObject[]).find((entry) => entry.taskId === taskId);
		const done = settled(ctx, itemIndex, requestId, task);
		if (done) return done;
		const elapsed = Date.now() - started;
		if (elapsed < reportTiming.minIntervalMs && Date.now() < deadline)
			await reportTiming.sleep(reportTiming.minIntervalMs - elapsed);
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`The report ${requestId} was not ready within ${waitSeconds} seconds [item ${itemIndex}]`,
		{
			itemIndex,
			description: `Raise "Wait Timeout", or download it later with Report → Download File and the task ID ${taskId}.`,
		},
	);
}

const MIME: Record<string, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv',
};

/**
 * Streams the task's file into n8n's binary data store: the body is never buffered here, so
 * with n8n's filesystem/S3 binary mode a large report never sits in memory.
 * The unified token is sent only when the file lives on the credential's own server.
 */
export async function downloadReport(
	ctx: IExecuteFunctions,
	itemIndex: number,
	task: IDataObject,
	binaryProperty: string,
): Promise<INodeExecutionData> {
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME, itemIndex)) as IDataObject;
	const own = new URL(`${baseUrlOf(credentials)}/`);
	const url = new URL(String(task.fileUrl), own);
	const sameOrigin = url.origin === own.origin;
	const response = await tovieRequestFull<
		Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0]
	>(
		ctx,
		{
			method: 'GET',
			path: (url.pathname + url.search).replace(/[{}]/g, encodeURIComponent),
			baseUrl: url.origin,
			secret: sameOrigin ? 'apiToken' : undefined,
			responseType: 'stream',
			headers: { Accept: '*/*' },
			timeoutMs: 30 * 60_000,
		},
		callOptions(ctx, itemIndex),
	);
	const fileName =
		String(task.fileName ?? '') ||
		decodeURIComponent(url.pathname.split('/').pop() ?? '') ||
		`report-${String(task.taskId)}`;
	const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
	const header = response.headers['content-type'];
	const mimeType =
		MIME[extension] ??
		(typeof header === 'string' ? header.split(';')[0] : 'application/octet-stream');
	const binary: IBinaryData = await ctx.helpers.prepareBinaryData(
		response.body,
		fileName,
		mimeType,
	);
	return { json: { ...task }, binary: { [binaryProperty]: binary } };
}
