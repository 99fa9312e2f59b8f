import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';

import { projectRead } from './projects';
import { listUpTo, pageSizeList } from './requests';
import { CREDENTIAL_NAME } from './transport';
import { invalidInput } from './validate';

/**
 * A picker: a resource locator whose first mode (the default) is "From List", calling the
 * `searchListMethod` listSearch method, followed by the typed modes (By ID, By Name…).
 */
export function listLocator(picker: {
	displayName: string;
	name: string;
	searchListMethod: string;
	description: string;
	modes: INodePropertyMode[];
	required?: boolean;
}): INodeProperties {
	return {
		displayName: picker.displayName,
		name: picker.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: picker.required ?? true,
		description: picker.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: picker.searchListMethod, searchable: true },
			},
			...picker.modes,
		],
	};
}

/** The text a locator holds for one item (whatever its mode, or a plain text from an expression); empty fails the item. */
export function requiredLocator(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	hint: string,
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = String(
		(raw && typeof raw === 'object' ? (raw as IDataObject).value : raw) ?? '',
	).trim();
	if (!value) throw invalidInput(ctx, itemIndex, label, 'is empty', hint);
	return value;
}

/**
 * Project and channel pickers for every node that names a project or a channel (Tovie Project,
 * Tovie Text Campaign, Tovie Reporter, Tovie Chat Trigger), read through the Project API and the
 * Bot channel API with the unified token.
 */

function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	const found = needle
		? items.filter((item) => `${item.name} ${item.value}`.toLowerCase().includes(needle))
		: items;
	return { results: found.sort((a, b) => a.name.localeCompare(b.name)) };
}

function locatorText(raw: unknown): { mode: string; value: string } | undefined {
	if (raw && typeof raw === 'object') {
		const value = String((raw as IDataObject).value ?? '').trim();
		return value ? { mode: String((raw as IDataObject).mode ?? 'id'), value } : undefined;
	}
	const value = String(raw ?? '').trim();
	return value ? { mode: 'shortName', value } : undefined;
}

/** The project the node names: Options → Project, else a top-level Project, else the credential's. */
async function currentProject(
	ctx: ILoadOptionsFunctions,
): Promise<{ mode: string; value: string } | undefined> {
	for (const path of ['options.project', 'project']) {
		let chosen: { mode: string; value: string } | undefined;
		try {
			chosen = locatorText(ctx.getCurrentNodeParameter(path));
		} catch {
			// A node without this parameter: try the next place.
			chosen = undefined;
		}
		if (chosen) return chosen;
	}
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME)) as IDataObject;
	const shortName = String(credentials.projectShortName ?? '').trim();
	return shortName ? { mode: 'shortName', value: shortName } : undefined;
}

/** The short name of the project the node names (an ID is looked up), for APIs keyed by short name. */
export async function currentProjectShortName(
	ctx: ILoadOptionsFunctions,
): Promise<string | undefined> {
	const chosen = await currentProject(ctx);
	if (!chosen) return undefined;
	if (chosen.mode === 'id' && /^\d+$/.test(chosen.value)) {
		return String(
			(await projectRead(ctx, 'getProject', { pathParams: { id: chosen.value } })).shortName,
		);
	}
	return chosen.value;
}

async function currentProjectId(ctx: ILoadOptionsFunctions): Promise<number | undefined> {
	const chosen = await currentProject(ctx);
	if (!chosen) return undefined;
	if (chosen.mode === 'id' && /^\d+$/.test(chosen.value)) return Number(chosen.value);
	const project = await projectRead(ctx, 'getProjectByShortName', {
		pathParams: { shortName: chosen.value },
	});
	return Number(project.id);
}

async function channelsOfProject(
	ctx: ILoadOptionsFunctions,
	channelType?: string,
): Promise<IDataObject[]> {
	const projectId = await currentProjectId(ctx);
	if (projectId === undefined) return [];
	const answer = await projectRead<{ items?: IDataObject[] }>(ctx, 'listChannels', {
		qs: { projectId },
	});
	return (answer?.items ?? []).filter(
		(channel) => !channel.isRemoved && (!channelType || channel.channelType === channelType),
	);
}

const channelName = (channel: IDataObject) =>
	`${String(channel.channelName || channel.botId)} (${String(channel.channelType)})`;

/** Projects by name (value: the short name), the first 1000. */
export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const projects = await listUpTo(
		this,
		async (qs) => await projectRead(this, 'listProjects', { qs }),
		pageSizeList('projects', 'projects'),
		1000,
	);
	return matching(
		projects.map((project) => ({
			name: `${String(project.name)} (${String(project.shortName)})`,
			value: String(project.shortName),
		})),
		filter,
	);
}

/** Channels of the current project (value: the channel ID). */
export async function searchChannels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const channels = await channelsOfProject(this);
	return matching(
		channels.map((channel) => ({ name: channelName(channel), value: String(channel.id) })),
		filter,
	);
}

/** Chat API channels of the current project (value: the channel ID), for the Chat Trigger's registration. */
export async function searchChatApiChannels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const channels = await channelsOfProject(this, 'CHAT_API');
	return matching(
		channels.map((channel) => ({ name: channelName(channel), value: String(channel.id) })),
		filter,
	);
}

/** Channels of the current project (value: the bot ID, what text campaigns and analytics address). */
export async function searchBots(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const channels = await channelsOfProject(this);
	return matching(
		channels.map((channel) => ({ name: channelName(channel), value: String(channel.botId) })),
		filter,
	);
}
