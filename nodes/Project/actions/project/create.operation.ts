import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyField, settingsCollection } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
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
			{
				displayName: 'Content Directory',
				name: 'contentDirectory',
				type: 'string',
				default: '',
				placeholder: 'e.g. .',
				description: 'The folder of the repository that holds the bot script (default: the root)',
			},
			{
				displayName: 'Default Branch',
				name: 'defaultBranch',
				type: 'string',
				default: '',
				placeholder: 'e.g. master',
				description: 'The repository branch new channels run',
			},
			{
				displayName: 'Git Login',
				name: 'gitLogin',
				type: 'string',
				default: '',
				description: 'The user name for the external repository',
			},
			{
				displayName: 'Git Repository URL',
				name: 'gitUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://github.com/acme/support-bot.git',
				description: 'Keep the project in an external Git repository instead of the platform’s own',
			},
			{
				displayName: 'Git Token',
				name: 'gitPassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'An access token of the repository (GitHub: Settings → Developer settings → Personal access tokens)',
			},
			{
				displayName: 'Template',
				name: 'template',
				type: 'string',
				default: '',
				placeholder: 'e.g. zb-echo-cailapub-template_ru',
				description:
					'Start from this project template (the names the "Create project" dialog offers)',
			},
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
		if (String(fields.gitUrl ?? '').trim()) {
			const git: IDataObject = { url: String(fields.gitUrl).trim(), authType: 'PERSONAL_USER' };
			if (fields.gitLogin) git.login = String(fields.gitLogin).trim();
			if (fields.gitPassword) git.password = String(fields.gitPassword);
			body.gitRepository = git;
		}
		const settings = settingsOf(fields);
		if (settings) body.projectSettingsData = settings;
		const project = await itemRequest(this, itemIndex, 'createProject', { body });
		return projectOutput(this, itemIndex, project);
	},
};
