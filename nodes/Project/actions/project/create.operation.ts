import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyField, settingsCollection } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { createGroupsOf, createOnlyFields } from '../../helpers/projectFields';
import { projectOutput, settingsFields, settingsOf } from './common';

export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create project',
	description:
		'Create a bot project, empty or from a template, optionally connected to a Git repository',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Acme support bot',
			description: 'The project name shown on the Projects page',
		},
		settingsCollection('create', 'project', [
			{
				displayName: 'Bot Type',
				name: 'botChannelsType',
				type: 'options',
				options: [
					{ name: 'Chatbot', value: 'CHAT_BOT' },
					{ name: 'Voice Bot (Calls)', value: 'CALLS_BOT' },
				],
				default: 'CHAT_BOT',
				description: 'Whether the project serves text channels or phone calls',
			},
			...settingsFields,
			...createOnlyFields,
		]),
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const name = requiredString(this, 'name', itemIndex, 'Name');
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { name };
		for (const field of ['botChannelsType', 'contentDirectory', 'defaultBranch']) {
			const value = String(fields[field] ?? '').trim();
			if (value) body[field] = value;
		}
		if (String(fields.template ?? '').trim())
			body.template = { name: String(fields.template).trim() };
		Object.assign(body, createGroupsOf(this, itemIndex, fields, body.botChannelsType));
		const settings = settingsOf(this, itemIndex, fields);
		if (settings) body.projectSettingsData = settings;
		const project = await itemRequest(this, itemIndex, 'createProject', { body });
		return projectOutput(this, itemIndex, project);
	},
};
