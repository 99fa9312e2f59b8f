import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/fields';
import { experimentKeyField } from './shared';

export const finish: Operation = {
	value: 'finish',
	name: 'Finish',
	action: 'Finish an experiment',
	description: 'Stop an experiment: new sessions no longer join it',
	properties: [experimentKeyField, reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const experimentKey = requiredString(this, 'experimentKey', itemIndex, 'Experiment Key');
		const qs = { projectShortName: await projectOf(this, itemIndex, true), experimentKey };
		await itemRequest(this, itemIndex, 'stopExperiment', { qs, idempotent: true });
		return { experimentKey, status: 'STOPPED' };
	},
};
