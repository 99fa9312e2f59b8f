import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyField, settingsCollection } from '../../../common/fields';
import { fetchProject, projectLocator, requiredProject } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { itemRequest } from '../../api';
import { mergedSettings, projectOutput, settingsFields, settingsOf } from './common';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update project',
	description:
		'Rename a bot project, change its description or its NLU settings; what is not set stays as it is',
	properties: [
		projectLocator(),
		settingsCollection('update', 'project', [
			...settingsFields,
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'The project description',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'The project name shown on the Projects page',
			},
			{
				displayName: 'Shared',
				name: 'shared',
				type: 'boolean',
				default: false,
				description:
					'Whether other projects of the account may use the intents and entities of this one',
			},
		]),
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const ref = requiredProject(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const name = String(fields.name ?? '').trim();
		const settings = settingsOf(this, itemIndex, fields);
		if (!name && fields.description === undefined && !settings) {
			throw invalidInput(
				this,
				itemIndex,
				'Update Fields',
				'is empty',
				'Add at least one field to change.',
			);
		}
		// The PUT needs the name and replaces the settings: the current project fills what is not changed.
		const current = await fetchProject(this, itemIndex, ref);
		const body: IDataObject = { name: name || current.name };
		const description = fields.description ?? current.description;
		if (description !== undefined && description !== null) body.description = description;
		const currentSettings = (current.projectSettingsData ?? undefined) as IDataObject | undefined;
		if (settings || currentSettings)
			body.projectSettingsData = mergedSettings(currentSettings, settings);
		const project = await itemRequest(this, itemIndex, 'updateProject', {
			pathParams: { id: Number(current.id) },
			body,
		});
		return projectOutput(this, itemIndex, project);
	},
};
