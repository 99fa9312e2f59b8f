import type { IExecuteFunctions } from 'n8n-workflow';

import { simplifyField } from '../../../common/fields';
import { projectIdOf, projectLocator, requiredProject } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { projectOutput } from './common';

export const clone: Operation = {
	acts: true,
	value: 'clone',
	name: 'Clone',
	action: 'Clone project',
	description: 'Copy a bot project with its script and settings into a new project',
	properties: [
		projectLocator({ description: 'The project to copy' }),
		{
			displayName: 'New Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Acme support bot (staging)',
			description: 'The name of the copy',
		},
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const ref = requiredProject(this, itemIndex);
		const name = requiredString(this, 'name', itemIndex, 'New Name');
		const id = await projectIdOf(this, itemIndex, ref);
		const project = await itemRequest(this, itemIndex, 'cloneProject', {
			pathParams: { id },
			qs: { name },
		});
		return projectOutput(this, itemIndex, project);
	},
};
