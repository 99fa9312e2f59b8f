import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/fields';
import { experimentKeyField } from './shared';

export const deleteExperiment: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete an experiment',
	description: 'Delete an experiment and its results',
	properties: [experimentKeyField, reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const experimentKey = requiredString(this, 'experimentKey', itemIndex, 'Experiment Key');
		const qs = { projectShortName: await projectOf(this, itemIndex, true), experimentKey };
		await itemRequest(this, itemIndex, 'deleteExperiment', { qs });
		return { deleted: true };
	},
};
