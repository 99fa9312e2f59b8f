/**
 * Project API of the fake platform (project-api.yml, 7 operations), served by ChannelsModule
 * (channels.cts), which keeps the projects and their channels. [chosen] where the spec is silent:
 * a new project's short name is `<name as a slug>-263-<3 letters>`; page sizes follow the
 * module's switch (paging.cts: any by default); a clone copies the settings and the script but
 * no channel (channels hold tokens); DELETE answers the deleted project; names must not be empty.
 */
import type { ChannelsModule, FakeProject } from './channels.cts';
import type { FakeReply, FakeRequest, Route } from './server.cts';
import { servedSize } from './paging.cts';
import { errors, json } from './server.cts';

const SORT_FIELDS = ['CREATION_DATE', 'LAST_MODIFICATION_DATA', 'SHORT_NAME'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The gateway's validation error. */
export const bad = (message: string, args: Record<string, unknown> = {}) =>
	errors.gateway(400, 'botadmin.common.validation_error', message, args);
const notFound = (id: string) =>
	errors.gateway(404, 'botadmin.project.not_found', `Project ${id} not found`, { id });

/** ProjectDto of a stored project. */
export function projectDto(project: FakeProject): Record<string, unknown> {
	const { channels, brokenScript: _broken, ...fields } = project;
	return {
		...fields,
		tagLabels: [],
		language: String(
			(project.projectSettingsData?.language as string | undefined) ?? 'en',
		).toUpperCase(),
		repository: { url: `https://git.example/${project.shortName}.git`, authType: 'GUEST_USER' },
		environment: 'JAICP_CLOUD',
		product: 'jaicp',
		botChannels: channels.map((channel) => ({ id: channel.id, channelType: channel.channelType })),
	};
}

function shortNameFor(module: ChannelsModule, name: string): string {
	const slug =
		name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 30) || 'project';
	for (let n = module.projects.size; ; n++) {
		const suffix = LETTERS[n % 52] + LETTERS[(n * 7) % 52] + LETTERS[(n * 13) % 52];
		const shortName = `${slug}-263-${suffix}`;
		if (!module.projects.has(shortName)) return shortName;
	}
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** The optional groups of ProjectCreateDto the fake checks: enums and integers (project-api.yml). */
function groupsRefused(body: Record<string, unknown>): FakeReply | undefined {
	const git = body.gitRepository as Record<string, unknown> | undefined;
	if (
		git?.authType !== undefined &&
		!['PERSONAL_USER', 'GUEST_USER'].includes(String(git.authType))
	)
		return bad('gitRepository.authType is not a RepositoryAuthType');
	const telephony = body.telephonyParams as Record<string, unknown> | undefined;
	if (
		telephony?.callsBotChannelsType !== undefined &&
		!['DIALER', 'IVR'].includes(String(telephony.callsBotChannelsType))
	)
		return bad('telephonyParams.callsBotChannelsType is not a CallsBotChannelType');
	const cleanup = body.cleanup as Record<string, unknown> | undefined;
	if (cleanup?.olderThenDays !== undefined && !Number.isInteger(cleanup.olderThenDays))
		return bad('cleanup.olderThenDays must be an integer');
	for (const group of ['gitIntegration', 'telephonyParams', 'cleanup', 'jaicf'])
		if (body[group] !== undefined && !isObject(body[group]))
			return bad(`${group} must be an object`);
	return undefined;
}

function settingsOf(
	body: Record<string, unknown>,
): Record<string, unknown> | FakeReply | undefined {
	const settings = body.projectSettingsData;
	if (settings === undefined) return undefined;
	if (!settings || typeof settings !== 'object' || Array.isArray(settings))
		return bad('projectSettingsData must be an object');
	const algorithm = (settings as Record<string, unknown>).classificationAlgorithm;
	if (
		algorithm !== undefined &&
		!['sts', 'regression', 'deeplearning', 'logreg', 'transformer'].includes(String(algorithm))
	) {
		return bad('projectSettingsData.classificationAlgorithm is not a ClassificationAlgorithm');
	}
	const { validation, extendedSettings } = settings as Record<string, unknown>;
	if (extendedSettings !== undefined && !isObject(extendedSettings))
		return bad('projectSettingsData.extendedSettings must be an object');
	if (validation !== undefined) {
		if (!isObject(validation)) return bad('projectSettingsData.validation must be an object');
		for (const [name, value] of Object.entries(validation))
			if (typeof value !== (name.endsWith('Threshold') ? 'number' : 'boolean'))
				return bad(`projectSettingsData.validation.${name}`);
	}
	return settings as Record<string, unknown>;
}

const isReply = (value: unknown): value is FakeReply =>
	Boolean(
		value &&
			typeof value === 'object' &&
			'status' in value &&
			typeof (value as FakeReply).status === 'number',
	);

export function projectRoutes(module: ChannelsModule): Route[] {
	const byId = (req: FakeRequest): FakeProject | FakeReply => {
		if (!/^\d+$/.test(req.params.id)) return bad('id must be a number');
		return module.projectById(req.params.id) ?? notFound(req.params.id);
	};

	const list = (req: FakeRequest): FakeReply => {
		const page = Number(req.query.page ?? 0);
		const asked = Number(req.query.size ?? 20);
		if (!Number.isInteger(page) || page < 0) return bad('page must be a whole number from 0');
		if (!Number.isInteger(asked) || asked < 1) return bad('size must be a whole number from 1');
		const size = servedSize(asked, module);
		if (size === undefined) return bad(`size must be at most ${module.maxPageSize}`);
		const field = req.query.sortingField ?? 'CREATION_DATE';
		const order = req.query.sortingOrder ?? 'ASC';
		if (!SORT_FIELDS.includes(field) || !['ASC', 'DESC'].includes(order))
			return bad('sortingField or sortingOrder');
		const key = (p: FakeProject) =>
			field === 'SHORT_NAME'
				? p.shortName
				: field === 'CREATION_DATE'
					? String(p.id).padStart(10, '0')
					: String(p.lastModificationTime);
		const all = [...module.projects.values()].sort(
			(a, b) => key(a).localeCompare(key(b)) * (order === 'DESC' ? -1 : 1),
		);
		return json(200, {
			projects: all.slice(page * size, page * size + size).map(projectDto),
			paging: { pageNum: page, pageSize: size, totalCount: all.length },
		});
	};

	const create = (req: FakeRequest): FakeReply => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (typeof body.name !== 'string' || !body.name.trim()) return bad('name is required');
		if (
			body.botChannelsType !== undefined &&
			!['CHAT_BOT', 'CALLS_BOT'].includes(String(body.botChannelsType))
		)
			return bad('botChannelsType');
		const settings = settingsOf(body);
		if (isReply(settings)) return settings;
		const template = body.template as Record<string, unknown> | undefined;
		const git = body.gitRepository as Record<string, unknown> | undefined;
		if (git !== undefined && (typeof git.url !== 'string' || !/^https?:\/\//.test(git.url)))
			return bad('gitRepository.url must be a URL');
		const refused = groupsRefused(body);
		if (refused) return refused;
		const project = module.newProject(shortNameFor(module, body.name), body.name, {
			botChannelsType: (body.botChannelsType as string | undefined) ?? 'CHAT_BOT',
			defaultBranch: (body.defaultBranch as string | undefined) ?? 'master',
			contentDirectory: (body.contentDirectory as string | undefined) ?? '.',
			templateName: template?.name as string | undefined,
		});
		project.projectSettingsData = { ...project.projectSettingsData, ...settings };
		// ProjectDto shows these groups back (never the JAICF token, as a read would not).
		const jaicf = body.jaicf as Record<string, unknown> | undefined;
		Object.assign(project, {
			telephonyParams: body.telephonyParams,
			cleanup: body.cleanup,
			jaicf: jaicf && { isJaicfProject: jaicf.isJaicfProject, webHookUrl: jaicf.webHookUrl },
		});
		const dto = projectDto(project);
		if (git)
			dto.repository = {
				url: git.url,
				login: git.login,
				authType: git.authType ?? 'PERSONAL_USER',
			};
		return json(200, dto);
	};

	const read = (req: FakeRequest): FakeReply => {
		const project = byId(req);
		return isReply(project) ? project : json(200, projectDto(project));
	};

	const update = (req: FakeRequest): FakeReply => {
		const project = byId(req);
		if (isReply(project)) return project;
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (typeof body.name !== 'string' || !body.name.trim()) return bad('name is required');
		if (body.description !== undefined && typeof body.description !== 'string')
			return bad('description must be a string');
		const settings = settingsOf(body);
		if (isReply(settings)) return settings;
		project.name = body.name;
		project.description = body.description as string | undefined;
		// A PUT replaces the settings.
		if (settings) project.projectSettingsData = { ...settings };
		project.lastModificationTime = new Date().toISOString();
		return json(200, projectDto(project));
	};

	const remove = (req: FakeRequest): FakeReply => {
		const project = byId(req);
		if (isReply(project)) return project;
		module.projects.delete(project.shortName);
		for (const channel of project.channels)
			if (channel.accessToken) module.platform.chat.setWebhook(channel.accessToken, undefined);
		return json(200, projectDto(project));
	};

	const clone = (req: FakeRequest): FakeReply => {
		const project = byId(req);
		if (isReply(project)) return project;
		const name = (req.query.name ?? '').trim();
		if (!name) return bad('name is required');
		const copy = module.newProject(shortNameFor(module, name), name, {
			description: project.description,
			botChannelsType: project.botChannelsType,
			defaultBranch: project.defaultBranch,
			contentDirectory: project.contentDirectory,
			templateName: project.templateName,
			projectSettingsData: { ...project.projectSettingsData },
		});
		return json(200, projectDto(copy));
	};

	const byShortName = (req: FakeRequest): FakeReply => {
		const project = module.projects.get(req.params.shortName);
		return project ? json(200, projectDto(project)) : notFound(req.params.shortName);
	};

	return [
		{ method: 'GET', pattern: '/api/v1/projects', handler: list },
		{ method: 'POST', pattern: '/api/v1/projects', handler: create },
		{
			method: 'GET',
			pattern: '/api/v1/projects/:shortName/by-project-short-name',
			handler: byShortName,
		},
		{ method: 'POST', pattern: '/api/v1/projects/:id/clone', handler: clone },
		{ method: 'GET', pattern: '/api/v1/projects/:id', handler: read },
		{ method: 'PUT', pattern: '/api/v1/projects/:id', handler: update },
		{ method: 'DELETE', pattern: '/api/v1/projects/:id', handler: remove },
	];
}
