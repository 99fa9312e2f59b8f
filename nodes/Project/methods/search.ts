import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../../common/transport';
import { projectRequest } from '../api';

/**
 * Pickers of the Project API and Bot channel API, for Tovie Project and any node that needs a
 * project or a channel (Tovie Text Campaign uses them; Reporter and Chat Trigger could).
 */

function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	const found = needle ? items.filter((item) => `${item.name} ${item.value}`.toLowerCase().includes(needle)) : items;
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

/** The project the current node works on: Options → Project (or a top-level Project), else the credential's. */
async function currentProjectId(ctx: ILoadOptionsFunctions): Promise<number | undefined> {
	let chosen: { mode: string; value: string } | undefined;
	for (const path of ['options.project', 'project']) {
		try {
			chosen = locatorText(ctx.getCurrentNodeParameter(path));
		} catch {
			chosen = undefined;
		}
		if (chosen) break;
	}
	if (!chosen) {
		const credentials = (await ctx.getCredentials(CREDENTIAL_NAME)) as IDataObject;
		const shortName = String(credentials.projectShortName ?? '').trim();
		if (!shortName) return undefined;
		chosen = { mode: 'shortName', value: shortName };
	}
	if (chosen.mode === 'id' && /^\d+$/.test(chosen.value)) return Number(chosen.value);
	const project = await projectRequest(ctx, 'getProjectByShortName', { pathParams: { shortName: chosen.value } });
	return Number(project.id);
}

async function channelsOfProject(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const projectId = await currentProjectId(ctx);
	if (projectId === undefined) return [];
	const answer = await projectRequest<{ items?: IDataObject[] }>(ctx, 'listChannels', { qs: { projectId } });
	return (answer?.items ?? []).filter((channel) => !channel.isRemoved);
}

const channelName = (channel: IDataObject) => `${String(channel.channelName || channel.botId)} (${String(channel.channelType)})`;

/** Projects by name (value: the short name). */
export async function searchProjects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const answer = await projectRequest(this, 'listProjects', { qs: { page: 0, size: 1000 } });
	const projects = (answer.projects ?? []) as IDataObject[];
	return matching(
		projects.map((project) => ({ name: `${String(project.name)} (${String(project.shortName)})`, value: String(project.shortName) })),
		filter,
	);
}

/** Channels of the current project (value: the channel ID). */
export async function searchChannels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const channels = await channelsOfProject(this);
	return matching(channels.map((channel) => ({ name: channelName(channel), value: String(channel.id) })), filter);
}

/** Channels of the current project (value: the bot ID, what text campaigns address). */
export async function searchBots(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const channels = await channelsOfProject(this);
	return matching(channels.map((channel) => ({ name: channelName(channel), value: String(channel.botId) })), filter);
}
