import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { locatorValue, taskField } from '../../helpers/pickers';
import { downloadReport, settled, waitForReport } from '../../helpers/report';
import { binaryPropertyOf, waitFields } from './common';

export const download: Operation = {
	value: 'download',
	name: 'Download File',
	action: 'Download report file',
	description:
		'Output the file of a report task as binary data, optionally waiting until it is generated',
	properties: [
		taskField,
		...waitFields
			.filter((field) => field.name !== 'waitForFile')
			.map((field) => ({ ...field, displayOptions: undefined })),
		{
			displayName: 'Wait Until Ready',
			name: 'waitForFile',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait while the task is still running; otherwise a running task is an error',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const taskId = locatorValue(this, 'taskId', itemIndex, 'Report Task');
		const binaryProperty = binaryPropertyOf(this, itemIndex);
		const wait = this.getNodeParameter('waitForFile', itemIndex, true) as boolean;
		// The task first: a finished (or failed) one needs no long poll, which waits for the answer
		// of a request ID and may never get one for a task ID.
		const current = await itemRequest(this, itemIndex, 'getTask', { pathParams: { taskId } });
		const task = wait
			? (settled(this, itemIndex, taskId, current) ??
				(await waitForReport(
					this,
					itemIndex,
					taskId,
					this.getNodeParameter('waitSeconds', itemIndex, 600) as number,
				)))
			: current;
		if (!task.fileUrl) {
			throw new NodeOperationError(
				this.getNode(),
				`The report task ${taskId} has no file yet (status ${String(task.status)}) [item ${itemIndex}]`,
				{
					itemIndex,
					description: 'Turn on "Wait Until Ready", or try again when the task is COMPLETED.',
				},
			);
		}
		return await downloadReport(this, itemIndex, { taskId, ...task }, binaryProperty);
	},
};
