import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../../common/transport';
import { invalidInput } from '../../common/validate';
import { itemRequest } from '../api';

/** A project as the user named it: by numeric ID, or by short name (what the platform URL shows). */
export interface ProjectRef {
	id?: number;
	shortName?: string;
}

const SHORT_NAME_HELP = 'The short name is in the project URL and in the project settings, e.g. acme-support-263-Wnu';

/**
 * A project picker: From List (by name, stores the short name), By Short Name, By ID. The list is
 * read from the Project API, so it shows every project the unified token can see.
 */
export function projectLocator(options: { name?: string; displayName?: string; required?: boolean; description?: string } = {}): INodeProperties {
	return {
		displayName: options.displayName ?? 'Project',
		name: options.name ?? 'project',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description ?? 'The bot project. ' + SHORT_NAME_HELP + '.',
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchProjects', searchable: true } },
			{
				displayName: 'By Short Name',
				name: 'shortName',
				type: 'string',
				placeholder: 'e.g. acme-support-263-Wnu',
				validation: [{ type: 'regex', properties: { regex: '^[^/\\s]+$', errorMessage: 'A short name has no spaces or slashes' } }],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4321',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A project ID is a number' } }],
			},
		],
	};
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
	return { mode: 'shortName', value: String(raw ?? '').trim() };
}

/** The project a locator names; in "By ID" mode the text must be a number. */
export function projectRefOf(ctx: IExecuteFunctions, itemIndex: number, raw: unknown, label: string): ProjectRef | undefined {
	const { mode, value } = readLocator(raw);
	if (!value) return undefined;
	if (mode === 'id') {
		if (!/^\d+$/.test(value)) throw invalidInput(ctx, itemIndex, label, `must be a number, got "${value}"`, 'Switch to "By Short Name" to enter a short name.');
		return { id: Number(value) };
	}
	if (/\s|\//.test(value)) throw invalidInput(ctx, itemIndex, label, `is not a project short name: "${value}"`, SHORT_NAME_HELP);
	return { shortName: value };
}

/** A required project locator parameter of this item. */
export function requiredProject(ctx: IExecuteFunctions, itemIndex: number, name = 'project', label = 'Project'): ProjectRef {
	const ref = projectRefOf(ctx, itemIndex, ctx.getNodeParameter(name, itemIndex, ''), label);
	if (!ref) throw invalidInput(ctx, itemIndex, label, 'is empty', 'Pick a project from the list or enter its short name or ID.');
	return ref;
}

/** Options → Project of this item, else the credential's Project Short Name. */
export async function defaultProject(ctx: IExecuteFunctions, itemIndex: number, optionsName = 'options'): Promise<ProjectRef> {
	const options = ctx.getNodeParameter(optionsName, itemIndex, {}) as IDataObject;
	const own = projectRefOf(ctx, itemIndex, options.project, 'Project');
	if (own) return own;
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME, itemIndex)) as IDataObject;
	const shortName = String(credentials.projectShortName ?? '').trim();
	if (!shortName) {
		throw invalidInput(ctx, itemIndex, 'Project', 'is empty', 'Set Options → Project, or the Project Short Name of the Tovie Platform API credential.');
	}
	return { shortName };
}

/** The project's numeric ID: a short name is looked up (one request). */
export async function projectIdOf(ctx: IExecuteFunctions, itemIndex: number, ref: ProjectRef): Promise<number> {
	if (ref.id !== undefined) return ref.id;
	const project = await itemRequest(ctx, itemIndex, 'getProjectByShortName', { pathParams: { shortName: ref.shortName! } });
	return Number(project.id);
}

/** The project's short name: an ID is looked up (one request). */
export async function shortNameOf(ctx: IExecuteFunctions, itemIndex: number, ref: ProjectRef): Promise<string> {
	if (ref.shortName !== undefined) return ref.shortName;
	const project = await itemRequest(ctx, itemIndex, 'getProject', { pathParams: { id: ref.id! } });
	return String(project.shortName);
}

/** The whole project: by ID or by short name, one request either way. */
export async function fetchProject(ctx: IExecuteFunctions, itemIndex: number, ref: ProjectRef): Promise<IDataObject> {
	return ref.id !== undefined
		? await itemRequest(ctx, itemIndex, 'getProject', { pathParams: { id: ref.id } })
		: await itemRequest(ctx, itemIndex, 'getProjectByShortName', { pathParams: { shortName: ref.shortName! } });
}

/** "Options → Project": another project than the credential's. */
export const projectOverrideOption: INodeProperties = projectLocator({
	required: false,
	description: 'Another project than the Project Short Name of the credential. ' + SHORT_NAME_HELP + '.',
});
