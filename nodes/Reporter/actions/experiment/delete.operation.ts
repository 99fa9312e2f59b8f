import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/project';
import { experimentKeyField, experimentKeyOf } from './common';

export const deleteExperiment: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete experiment',
	description:
		'Delete an experiment and its results for good: sessions that joined it lose their branch data. Cannot be undone.',
	properties: [experimentKeyField, reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const experimentKey = experimentKeyOf(this, itemIndex);
		const qs = { projectShortName: await projectOf(this, itemIndex, true), experimentKey };
		await itemRequest(this, itemIndex, 'deleteExperiment', { qs });
		return { deleted: true };
	},
};
