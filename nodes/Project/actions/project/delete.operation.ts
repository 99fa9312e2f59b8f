import type { IExecuteFunctions } from 'n8n-workflow';

import { projectIdOf, projectLocator, requiredProject } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';

export const deleteProject: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete project',
	description: 'Delete a bot project with its channels and scripts. This cannot be undone.',
	properties: [
		projectLocator({
			description: 'The project to delete, with all its channels. This cannot be undone.',
		}),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = await projectIdOf(this, itemIndex, requiredProject(this, itemIndex));
		const project = await itemRequest(this, itemIndex, 'deleteProject', { pathParams: { id } });
		return { deleted: true, id, shortName: project?.shortName };
	},
};
