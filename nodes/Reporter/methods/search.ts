import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { currentProjectShortName, searchBots, searchProjects } from '../../common/search';
import { request } from '../api';
import { labelListSearch, labelLoadOptions } from './labels';

function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').toLowerCase();
	return {
		results: needle
			? items.filter((i) => `${i.name} ${i.value}`.toLowerCase().includes(needle))
			: items,
	};
}

/** The parameter at `path` of the node being edited, or undefined when the node has none there. */
function current(ctx: ILoadOptionsFunctions, path: string): unknown {
	try {
		return ctx.getCurrentNodeParameter(path);
	} catch {
		return undefined;
	}
}

/**
 * The values a list filter offers (`filter-options`), in the project of Options → Project or the
 * credential, for the analytics section of the operation (Sessions when it names none).
 */
async function filterOptions(
	ctx: ILoadOptionsFunctions,
	filterKey: string,
): Promise<INodeListSearchItems[]> {
	const analyticsSection = String(current(ctx, 'analyticsSection') || 'SESSIONS');
	const options = await request<IDataObject[]>(ctx, 'filterOptions', {
		qs: {
			projectShortName: await currentProjectShortName(ctx),
			filterKey,
			analyticsSection,
			page: 0,
			size: 200,
		},
		body: { filters: [] },
	});
	return (options ?? []).map((o) => ({ name: String(o.label ?? o.value), value: String(o.value) }));
}

export const listSearch = {
	// Options → Project: the shared picker of every node that names a project.
	searchProjects,
	// Bots: the channels of the project (the Bot channel API), as in Tovie Text Campaign.
	searchBots,
	async searchExperiments(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const experiments = await request<IDataObject[]>(this, 'listExperiments', {
			qs: { projectShortName: await currentProjectShortName(this) },
		});
		return matching(
			(experiments ?? []).map((e) => ({
				name: `${String(e.key)}${e.description ? ` (${String(e.description)})` : ''}${e.status ? ` – ${String(e.status)}` : ''}`,
				value: String(e.key),
			})),
			filter,
		);
	},
	// Message labels, label groups, session labels (methods/labels.ts).
	...labelListSearch,
	async searchReportTasks(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const answer = await request(this, 'listTasks');
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
	/** Bot Names or IDs: the channels of the project. */
	async getBots(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await searchBots.call(this)).results.map(({ name, value }) => ({ name, value }));
	},
	/** Values of the list filter chosen beside the field (Filters → Values → Field). */
	async getFilterValues(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const key = String(current(this, '&key') || 'BOT_ID');
		return await filterOptions(this, key);
	},
	...labelLoadOptions,
};
