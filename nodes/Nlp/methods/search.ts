import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeParameterResourceLocator,
} from 'n8n-workflow';

import { RECORDS_PAGE_SIZE, request } from '../api';

/** Intents for the resource locator, by path; a filter searches paths on the platform. */
export async function searchIntents(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const intents = filter
		? await request<IDataObject[]>(this, 'searchIntents', { body: { path: filter } })
		: await request<IDataObject[]>(this, 'listIntents');
	const results = (intents ?? [])
		.map((intent) => ({ name: String(intent.path), value: String(intent.path) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** Entities for the resource locator, by name. */
export async function searchEntities(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const entities = await request<IDataObject[]>(this, 'listEntities');
	const needle = (filter ?? '').toLowerCase();
	const results = (entities ?? [])
		.filter((entity) => String(entity.name).toLowerCase().includes(needle))
		.map((entity) => ({ name: String(entity.name), value: String(entity.name) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/**
 * Records of the entity chosen in the node, a page at a time (value: the record ID); a filter
 * searches values and synonyms on the platform. No entity chosen yet: an empty list.
 */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const locator = this.getCurrentNodeParameter('entity') as
		| INodeParameterResourceLocator
		| undefined;
	const chosen = String(locator?.value ?? '')
		.trim()
		.replace(/^@/, '');
	if (!chosen) return { results: [] };
	const page = Number(paginationToken ?? 0);
	const byId = locator?.mode === 'id';
	const answer = await request<IDataObject>(this, byId ? 'getRecords' : 'getRecordsByName', {
		pathParams: byId ? { entityId: chosen } : { entityName: chosen },
		qs: { page, size: RECORDS_PAGE_SIZE, searchQuery: filter?.trim() || undefined },
	});
	const records = (answer?.records ?? []) as IDataObject[];
	const paging = (answer?.paging ?? {}) as IDataObject;
	const total = Number(paging.totalCount ?? 0);
	const results = records.map((record) => {
		const rules = ((record.rule ?? []) as unknown[]).map(String).join(', ');
		return {
			name: rules ? `${String(record.value)} (${rules})` : String(record.value),
			value: String(record.id),
		};
	});
	// A server that clamps pages by its own size: the next page starts after the size it answered.
	const more = (page + 1) * Number(paging.pageSize ?? RECORDS_PAGE_SIZE) < total;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}
