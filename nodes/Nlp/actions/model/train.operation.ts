import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyField, optionsCollection } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { waitForTraining } from '../../helpers/training';

export const train: Operation = {
	value: 'train',
	name: 'Train',
	action: 'Train model',
	description:
		'Retrain the classifier on the current intents and entities, and optionally wait for the result',
	properties: [
		{
			displayName: 'Wait for Completion',
			name: 'wait',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until training finishes and output the final status. A failed training is an error; the previous model stays in use.',
		},
		optionsCollection('How to train and how long to wait', [
			{
				displayName: 'Incremental',
				name: 'incremental',
				type: 'boolean',
				default: true,
				description: 'Whether to retrain only the parts that changed',
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollInterval',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 60 },
				default: 3,
				description:
					'First wait between status checks; later waits grow by half each time, up to 30 seconds',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 600,
				description:
					'How long to wait for training to finish before giving up (training goes on in the platform)',
			},
		]),
		{ ...simplifyField, displayOptions: { show: { wait: [true] } } },
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const wait = this.getNodeParameter('wait', itemIndex, true) as boolean;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const incremental = options.incremental !== false;
		const before = wait ? await itemRequest<IDataObject>(this, itemIndex, 'status') : undefined;
		await itemRequest(this, itemIndex, 'train', { qs: { incremental } });
		if (!wait) return { trainingStarted: true, incremental };
		const status = await waitForTraining(this, itemIndex, {
			timeoutMs: Number(options.timeout ?? 600) * 1000,
			intervalMs: Number(options.pollInterval ?? 3) * 1000,
			previousStart: before?.lastModelTrainStart,
		});
		if (!(this.getNodeParameter('simplify', itemIndex, true) as boolean))
			return { trainingStarted: true, incremental, ...status };
		const { trainingStatus, lastError, lastModelTrainStart, lastModelTrainTime, polls, waitedMs } =
			status;
		return {
			trainingStatus,
			lastError,
			incremental,
			lastModelTrainStart,
			lastModelTrainTime,
			polls,
			waitedMs,
		};
	},
};
