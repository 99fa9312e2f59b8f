import type { IExecuteFunctions } from 'n8n-workflow';

import { simplifyField } from '../../../common/fields';
import { fetchProject, projectLocator, requiredProject } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { projectOutput } from './common';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get project',
	description:
		'Get a bot project by short name or ID, with its settings and the IDs of its channels',
	properties: [projectLocator(), simplifyField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const project = await fetchProject(this, itemIndex, requiredProject(this, itemIndex));
		return projectOutput(this, itemIndex, project);
	},
};
