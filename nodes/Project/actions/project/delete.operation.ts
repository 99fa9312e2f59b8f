import type { IExecuteFunctions } from 'n8n-workflow';

import { projectIdOf, projectLocator, requiredProject } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { itemRequestFull } from '../../api';

export const deleteProject: Operation = {
	acts: true,
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
		const { statusCode, body } = await itemRequestFull(this, itemIndex, 'deleteProject', {
			pathParams: { id },
		});
		// 404: a repeat after an attempt that did delete it (common/transport.ts).
		if (statusCode === 404) return { deleted: true, id, alreadyInState: true };
		return { deleted: true, id, shortName: body?.shortName };
	},
};
