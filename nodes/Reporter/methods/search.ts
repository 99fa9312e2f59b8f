import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { currentProjectShortName, searchProjects } from '../../common/search';
import { reporterRequest } from '../api';

function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').toLowerCase();
	return { results: needle ? items.filter((i) => `${i.name} ${i.value}`.toLowerCase().includes(needle)) : items };
}

/** Values of a list filter (bots, session labels) from `filter-options` of the Sessions section, of Options → Project or the credential's project. */
async function filterOptions(ctx: ILoadOptionsFunctions, filterKey: string): Promise<INodeListSearchItems[]> {
	const options = await reporterRequest<IDataObject[]>(ctx, 'filterOptions', {
		qs: { projectShortName: await currentProjectShortName(ctx), filterKey, analyticsSection: 'SESSIONS', page: 0, size: 200 },
		body: { filters: [] },
		idempotent: true,
	});
	return options.map((o) => ({ name: String(o.label ?? o.value), value: String(o.value) }));
}

async function messageLabels(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	return await reporterRequest<IDataObject[]>(ctx, 'listMessageLabels');
}

function labelName(label: IDataObject): string {
	const group = (label.group ?? {}) as IDataObject;
	return group.name ? `${String(group.name)} / ${String(label.name)}` : String(label.name);
}

export const listSearch = {
	// Options → Project: the shared picker of every node that names a project.
	searchProjects,
	async searchBots(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return matching(await filterOptions(this, 'BOT_ID'), filter);
	},
	async searchSessionLabels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return matching(await filterOptions(this, 'SESSION_LABELS'), filter);
	},
	async searchMessageLabels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const labels = await messageLabels(this);
		return matching(labels.map((l) => ({ name: labelName(l), value: String(l.id) })), filter);
	},
	async searchLabelGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const groups = new Map<string, string>();
		for (const label of await messageLabels(this)) {
			const group = (label.group ?? {}) as IDataObject;
			if (group.id !== undefined && group.id !== null) groups.set(String(group.id), String(group.name));
		}
		return matching([...groups].map(([value, name]) => ({ name, value })), filter);
	},
	async searchReportTasks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const answer = await reporterRequest(this, 'listTasks');
		const tasks = (answer.tasks ?? []) as IDataObject[];
		return matching(
			tasks.map((t) => ({
				name: `${String(t.reportType)} ${String(t.creationTime ?? '')} (${String(t.status)})`,
				value: String(t.taskId),
			})),
			filter,
		);
	},
};

export const loadOptions = {
	async getMessageLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await messageLabels(this)).map((l) => ({ name: labelName(l), value: String(l.id) }));
	},
	async getSessionLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await filterOptions(this, 'SESSION_LABELS');
	},
};
