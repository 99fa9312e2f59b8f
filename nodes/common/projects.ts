import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callOptions,
	limitField,
	returnAllField,
	simplifyField,
	optionsCollection,
	filtersCollection,
} from './fields';
import type { CallOptions, RouteSpec, TovieContext, TovieRequest } from './transport';
import { CREDENTIAL_NAME, tovieRequest } from './transport';
import { invalidInput } from './validate';

/**
 * Which project a node works on, for every node that names one (Tovie Project, Tovie Text
 * Campaign, Tovie Reporter): the project picker, reading it, and the Project API and Bot channel
 * API reads that resolve it and feed the pickers (nodes/common/search.ts).
 */

const P = '/api/v1/projects';

/** The reads of project-api.yml and bot-channel-api.yml that pickers and project resolution need; Tovie Project's route table includes them. */
export const PROJECT_READ_ROUTES = {
	listProjects: { method: 'GET', path: P }, // project getAll
	getProject: { method: 'GET', path: `${P}/{id}` }, // project getById
	getProjectByShortName: { method: 'GET', path: `${P}/{shortName}/by-project-short-name` }, // project getByProjectShortName
	listChannels: { method: 'GET', path: '/api/v1/bot-channels' }, // bot channel getAll
} as const satisfies Record<string, RouteSpec>;

export type ProjectReadRoute = keyof typeof PROJECT_READ_ROUTES;

/** One of the reads above, with the unified token as `Authorization: Bearer`. */
export async function projectRead<T = IDataObject>(
	ctx: TovieContext,
	route: ProjectReadRoute,
	request: Omit<TovieRequest, 'method' | 'path' | 'secret'> = {},
	options: CallOptions = {},
): Promise<T> {
	return await tovieRequest<T>(
		ctx,
		{ secret: 'apiToken', ...request, ...(PROJECT_READ_ROUTES[route] as RouteSpec) },
		options,
	);
}

/** A project as the user named it: by numeric ID, or by short name (what the platform URL shows). */
export interface ProjectRef {
	id?: number;
	shortName?: string;
}

const SHORT_NAME_HELP =
	'The short name is in the project URL and in the project settings, e.g. acme-support-263-Wnu';

/**
 * A project picker: From List (by name, stores the short name), By Short Name, By ID. The list is
 * read from the Project API, so it shows every project the unified token can see.
 */
export function projectLocator(
	options: { name?: string; displayName?: string; required?: boolean; description?: string } = {},
): INodeProperties {
	return {
		displayName: options.displayName ?? 'Project',
		name: options.name ?? 'project',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description ?? 'The bot project. ' + SHORT_NAME_HELP + '.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchProjects', searchable: true },
			},
			{
				displayName: 'By Short Name',
				name: 'shortName',
				type: 'string',
				placeholder: 'e.g. acme-support-263-Wnu',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[^/\\s]+$',
							errorMessage: 'A short name has no spaces or slashes',
						},
					},
				],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4321',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: 'A project ID is a number' },
					},
				],
			},
		],
	};
}

/** "Options → Project": another project than the credential's. */
export const projectOverrideOption: INodeProperties = projectLocator({
	required: false,
	description:
		'Another project than the Project Short Name of the credential. ' + SHORT_NAME_HELP + '.',
});

/**
 * The "Options" collection of an operation that names a project: Options → Project (another project
 * than the credential's) and the operation's other options, sorted by name.
 */
export function projectOptions(
	others: INodeProperties[] = [],
	project: INodeProperties = projectOverrideOption,
): INodeProperties {
	return optionsCollection(
		"Settings most runs leave as they are, such as another project than the credential's",
		[...others, project],
	);
}

/**
 * The fields of a "Get Many" of Tovie Project and Tovie Text Campaign: Return All, Limit, Filters
 * (what: the listed objects, e.g. "campaigns"), Options (with Options → Project unless
 * `project: false`), Simplify. Collections are left out when empty; their entries are sorted.
 */
export function listFields(list: {
	what: string;
	filters?: INodeProperties[];
	options?: INodeProperties[];
	project?: boolean;
	simplify?: boolean;
}): INodeProperties[] {
	const { what, filters = [], options = [], project = true, simplify = true } = list;
	const fields: INodeProperties[] = [returnAllField, limitField];
	if (filters.length) {
		fields.push(filtersCollection(`Only the ${what} that match every filter set here`, filters));
	}
	if (project) fields.push(projectOptions(options));
	else if (options.length)
		fields.push(optionsCollection('Settings most runs leave as they are', options));
	if (simplify) fields.push(simplifyField);
	return fields;
}

interface LocatorValue {
	mode?: string;
	value?: unknown;
}

/** The raw value of a locator (also when it sits inside a collection), as mode + text. */
function readLocator(raw: unknown): { mode: string; value: string } {
	if (raw && typeof raw === 'object') {
		const { mode, value } = raw as LocatorValue;
		return { mode: String(mode ?? 'id'), value: String(value ?? '').trim() };
	}
	// A plain string (an expression giving text) is a short name: what the platform URL shows.
	return { mode: 'shortName', value: String(raw ?? '').trim() };
}

/** The project a locator names; in "By ID" mode the text must be a number. */
export function projectRefOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	label: string,
): ProjectRef | undefined {
	const { mode, value } = readLocator(raw);
	if (!value) return undefined;
	if (mode === 'id') {
		if (!/^\d+$/.test(value))
			throw invalidInput(
				ctx,
				itemIndex,
				label,
				`must be a number, got "${value}"`,
				'Switch to "By Short Name" to enter a short name.',
			);
		return { id: Number(value) };
	}
	if (/\s|\//.test(value))
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`is not a project short name: "${value}"`,
			SHORT_NAME_HELP,
		);
	return { shortName: value };
}

/** A required project locator parameter of this item. */
export function requiredProject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'project',
	label = 'Project',
): ProjectRef {
	const ref = projectRefOf(ctx, itemIndex, ctx.getNodeParameter(name, itemIndex, ''), label);
	if (!ref)
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			'is empty',
			'Pick a project from the list or enter its short name or ID.',
		);
	return ref;
}

/** The Project Short Name of the credential, if set. */
export async function credentialProject(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<string | undefined> {
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME, itemIndex)) as IDataObject;
	return String(credentials.projectShortName ?? '').trim() || undefined;
}

/** Options → Project of this item, if set. */
export function optionsProject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	optionsName = 'options',
): ProjectRef | undefined {
	const options = ctx.getNodeParameter(optionsName, itemIndex, {}) as IDataObject;
	return projectRefOf(ctx, itemIndex, options.project, 'Project');
}

export const PROJECT_MISSING_HINT =
	'Set Options → Project, or the Project Short Name of the Tovie Platform API credential.';

/** Options → Project of this item, else the credential's Project Short Name. */
export async function defaultProject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	optionsName = 'options',
): Promise<ProjectRef> {
	const own = optionsProject(ctx, itemIndex, optionsName);
	if (own) return own;
	const shortName = await credentialProject(ctx, itemIndex);
	if (!shortName) throw invalidInput(ctx, itemIndex, 'Project', 'is empty', PROJECT_MISSING_HINT);
	return { shortName };
}

/** The project's numeric ID: a short name is looked up (one request). */
export async function projectIdOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	ref: ProjectRef,
): Promise<number> {
	if (ref.id !== undefined) return ref.id;
	const project = await projectRead(
		ctx,
		'getProjectByShortName',
		{ pathParams: { shortName: ref.shortName! } },
		callOptions(ctx, itemIndex),
	);
	return Number(project.id);
}

/** The project's short name: an ID is looked up (one request). */
export async function shortNameOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	ref: ProjectRef,
): Promise<string> {
	if (ref.shortName !== undefined) return ref.shortName;
	const project = await projectRead(
		ctx,
		'getProject',
		{ pathParams: { id: ref.id! } },
		callOptions(ctx, itemIndex),
	);
	return String(project.shortName);
}

/** The whole project: by ID or by short name, one request either way. */
export async function fetchProject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	ref: ProjectRef,
): Promise<IDataObject> {
	return ref.id !== undefined
		? await projectRead(
				ctx,
				'getProject',
				{ pathParams: { id: ref.id } },
				callOptions(ctx, itemIndex),
			)
		: await projectRead(
				ctx,
				'getProjectByShortName',
				{ pathParams: { shortName: ref.shortName! } },
				callOptions(ctx, itemIndex),
			);
}
