import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { currentProjectShortName } from '../../common/search';
import { request } from '../api';

/**
 * Pickers of message labels, label groups and session labels. The API lists message labels (each
 * with its group); it has no list of groups (they are collected from the labels) and no list of
 * session labels (they come from the session filter options of the project).
 */

function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: needle
			? items.filter((item) => `${item.name} ${item.value}`.toLowerCase().includes(needle))
			: items,
	};
}

function labelName(label: IDataObject): string {
	const group = (label.group ?? {}) as IDataObject;
	return group.name ? `${String(group.name)} / ${String(label.name)}` : String(label.name);
}

async function messageLabels(ctx: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const labels = await request<IDataObject[]>(ctx, 'listMessageLabels');
	return labels.map((label) => ({ name: labelName(label), value: String(label.id) }));
}

async function labelGroups(ctx: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = new Map<string, string>();
	for (const label of await request<IDataObject[]>(ctx, 'listMessageLabels')) {
		const group = (label.group ?? {}) as IDataObject;
		if (group.id !== undefined && group.id !== null)
			groups.set(String(group.id), String(group.name));
	}
	return [...groups].map(([value, name]) => ({ name, value }));
}

/** Session labels of Options → Project or the credential's project (filter key SESSION_LABELS). */
async function sessionLabels(ctx: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const options = await request<IDataObject[]>(ctx, 'filterOptions', {
		qs: {
			projectShortName: await currentProjectShortName(ctx),
			filterKey: 'SESSION_LABELS',
			analyticsSection: 'SESSIONS',
			page: 0,
			size: 200,
		},
		body: { filters: [] },
		idempotent: true,
	});
	return options.map((option) => ({
		name: String(option.label ?? option.value),
		value: String(option.value),
	}));
}

export const labelListSearch = {
	async searchMessageLabels(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		return matching(await messageLabels(this), filter);
	},
	async searchLabelGroups(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		return matching(await labelGroups(this), filter);
	},
	async searchSessionLabels(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		return matching(await sessionLabels(this), filter);
	},
};

export const labelLoadOptions = {
	async getMessageLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await messageLabels(this);
	},
	async getLabelGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await labelGroups(this);
	},
	async getSessionLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await sessionLabels(this);
	},
};
