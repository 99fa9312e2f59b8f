import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/project';
import { experimentKeyField, experimentKeyOf } from './common';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get experiment',
	description:
		'Read one experiment with its status (the API has no single-experiment call: it is taken from the list)',
	properties: [experimentKeyField, reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const experimentKey = experimentKeyOf(this, itemIndex);
		const qs = { projectShortName: await projectOf(this, itemIndex, true) };
		const experiments = await itemRequest<IDataObject[]>(this, itemIndex, 'listExperiments', {
			qs,
		});
		const found = experiments.find((experiment) => experiment.key === experimentKey);
		if (!found) {
			throw new NodeOperationError(
				this.getNode(),
				`No experiment with the key "${experimentKey}" [item ${itemIndex}]`,
				{
					itemIndex,
					description: `The project has ${experiments.length} experiment(s): ${experiments.map((e) => e.key).join(', ') || 'none'}.`,
				},
			);
		}
		return found;
	},
};
