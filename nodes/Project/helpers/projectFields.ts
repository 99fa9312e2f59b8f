import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../common/validate';

/**
 * The optional groups of `ProjectCreateDto` (project-api.yml) beyond name, template and NLU
 * settings: Git repository (with guest access), Git integration, telephony of a calls project,
 * dialog cleanup, JAICF. The fields of Project → Create's Additional Fields, and the body parts
 * they give, in the spec's names and shapes.
 */

/** The set values of `values` (trimmed strings, booleans, numbers); `undefined` when none is set. */
function filled(values: IDataObject): IDataObject | undefined {
	const out: IDataObject = {};
	for (const [name, raw] of Object.entries(values)) {
		const value = typeof raw === 'string' ? raw.trim() : raw;
		if (value !== undefined && value !== null && value !== '') out[name] = value;
	}
	return Object.keys(out).length ? out : undefined;
}

/** `GitRepositoryConnectionDto`: a URL with an account's login and token, or guest access with its key. */
function gitRepositoryOf(fields: IDataObject): IDataObject | undefined {
	const url = String(fields.gitUrl ?? '').trim();
	if (!url) return undefined;
	const authType = String(fields.gitAuthType ?? '') || 'PERSONAL_USER';
	const git: IDataObject = { url, authType };
	if (fields.gitLogin) git.login = String(fields.gitLogin).trim();
	if (fields.gitPassword) git.password = String(fields.gitPassword);
	if (fields.gitJustAiKey) git.justAiKey = String(fields.gitJustAiKey);
	return git;
}

/** Additional Fields of Project → Create besides Bot Type and the NLU settings. */
export const createOnlyFields: INodeProperties[] = [
	{
		displayName: 'Calls Bot Type',
		name: 'callsBotChannelsType',
		type: 'options',
		options: [
			{ name: 'Dialer (Call Campaigns)', value: 'DIALER' },
			{ name: 'IVR (Incoming Calls)', value: 'IVR' },
		],
		default: 'DIALER',
		description:
			'For a Voice Bot (Calls) project: whether the bot calls out in call campaigns or answers incoming calls',
	},
	{
		displayName: 'Clean Up Old Dialogs',
		name: 'cleanupDialogs',
		type: 'boolean',
		default: false,
		description:
			'Whether the platform deletes the dialogs older than Keep Dialogs (Days) from the project',
	},
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
		displayName: 'Git Access',
		name: 'gitAuthType',
		type: 'options',
		options: [
			{ name: 'Personal Account', value: 'PERSONAL_USER' },
			{ name: 'Guest Access', value: 'GUEST_USER' },
		],
		default: 'PERSONAL_USER',
		description:
			'How the platform reaches the Git repository: with the Git Login and Git Token of an account, or as a guest',
	},
	{
		displayName: 'Git Guest Access Key',
		name: 'gitJustAiKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'With Guest Access: the key that protects the repository',
	},
	{
		displayName: 'Git Integration',
		name: 'gitIntegration',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Git Integration',
		description:
			'Keep the project in a repository of a Git account connected to the platform through an OAuth application, instead of a URL with a token',
		options: [
			{
				displayName: 'Integration',
				name: 'integration',
				description: 'The repository and the integration that reaches it',
				values: [
					{
						displayName: 'Bitbucket Project ID',
						name: 'projectId',
						type: 'string',
						default: '',
						description: 'Bitbucket only: the project of the repository',
					},
					{
						displayName: 'Bitbucket Workspace ID',
						name: 'workspaceId',
						type: 'string',
						default: '',
						description: 'Bitbucket only: the workspace of the repository',
					},
					{
						displayName: 'Integration ID',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. 0b7c5f7e-2a5d-4c1b-9f0e-3d6a1b2c4e5f',
						description: 'The UUID of the Git integration of the account',
					},
					{
						displayName: 'Private Repository',
						name: 'repositoryIsPrivate',
						type: 'boolean',
						default: true,
						description: 'Whether the repository is private',
					},
					{
						displayName: 'Repository Name',
						name: 'repositoryName',
						type: 'string',
						default: '',
						placeholder: 'e.g. support-bot',
						description: 'The name of the repository in the Git account',
					},
					{
						displayName: 'Repository URL',
						name: 'repositoryUrl',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://github.com/acme/support-bot.git',
						description: 'The address of the repository',
					},
				],
			},
		],
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
		displayName: 'JAICF External Bot Token',
		name: 'jaicfExternalBotToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'For a JAICF project: the token the JAICF channels use for the external bot',
	},
	{
		displayName: 'JAICF Project',
		name: 'isJaicfProject',
		type: 'boolean',
		default: false,
		description:
			'Whether the bot runs on the JAICF framework outside the platform instead of a script in the project',
	},
	{
		displayName: 'JAICF Webhook URL',
		name: 'jaicfWebhookUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://bot.example.com/jaicf',
		description: 'For a JAICF project: the address the platform calls the bot at',
	},
	{
		displayName: 'Keep Dialogs (Days)',
		name: 'cleanupOlderThanDays',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 30,
		description: 'With Clean Up Old Dialogs: how many days the dialogs are kept',
	},
	{
		displayName: 'Template',
		name: 'template',
		type: 'string',
		default: '',
		placeholder: 'e.g. zb-echo-cailapub-template_ru',
		description: 'Start from this project template (the names the "Create project" dialog offers)',
	},
	{
		displayName: 'Voice',
		name: 'voiceUniqueName',
		type: 'string',
		default: '',
		description: 'For a Voice Bot (Calls) project: the name of the voice the bot speaks with',
	},
];

/** The body parts the fields set: `gitRepository`, `gitIntegration`, `telephonyParams`, `cleanup`, `jaicf`. */
export function createGroupsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	botChannelsType: unknown,
): IDataObject {
	const body: IDataObject = {};
	const git = gitRepositoryOf(fields);
	if (git) body.gitRepository = git;
	else if (['gitLogin', 'gitPassword', 'gitJustAiKey'].some((name) => fields[name]))
		throw invalidInput(
			ctx,
			itemIndex,
			'Git Repository URL',
			'is empty',
			'The Git login, token and guest access key are for the repository at that URL.',
		);
	const integration = filled(
		((fields.gitIntegration as IDataObject | undefined)?.integration ?? {}) as IDataObject,
	);
	if (integration) body.gitIntegration = integration;
	const telephony = filled({
		callsBotChannelsType: fields.callsBotChannelsType,
		voiceUniqueName: fields.voiceUniqueName,
	});
	if (telephony) {
		// Telephony settings mean nothing to a chatbot: refused rather than sent to be ignored.
		if (botChannelsType !== 'CALLS_BOT')
			throw invalidInput(
				ctx,
				itemIndex,
				'Calls Bot Type and Voice',
				'are for a Voice Bot (Calls) project',
				'Set Bot Type to Voice Bot (Calls), or remove them.',
			);
		body.telephonyParams = telephony;
	}
	// `olderThenDays` is the spec's spelling.
	const cleanup = filled({
		dialogs: fields.cleanupDialogs,
		olderThenDays: fields.cleanupOlderThanDays,
	});
	if (cleanup) body.cleanup = cleanup;
	const jaicf = filled({
		isJaicfProject: fields.isJaicfProject,
		webHookUrl: fields.jaicfWebhookUrl,
		externalBotToken: fields.jaicfExternalBotToken,
	});
	if (jaicf) body.jaicf = jaicf;
	return body;
}
