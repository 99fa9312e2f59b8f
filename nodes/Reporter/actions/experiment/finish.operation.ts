import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/project';
import { experimentKeyField, experimentKeyOf } from './common';

export const finish: Operation = {
	value: 'finish',
	name: 'Finish',
	action: 'Finish experiment',
	description:
		'Stop an experiment for good: new sessions no longer join it, its results stay. Cannot be restarted.',
	properties: [experimentKeyField, reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const experimentKey = experimentKeyOf(this, itemIndex);
		const qs = { projectShortName: await projectOf(this, itemIndex, true), experimentKey };
		await itemRequest(this, itemIndex, 'stopExperiment', { qs, idempotent: true });
		return { experimentKey, status: 'STOPPED' };
	},
};
