import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nlpRequest } from './api';

/** Intents for the resource locator, by path; a filter searches paths on the platform. */
export async function searchIntents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const intents = filter
		? await nlpRequest<IDataObject[]>(this, 'searchIntents', { body: { path: filter } })
		: await nlpRequest<IDataObject[]>(this, 'listIntents');
	const results = (intents ?? [])
		.map((intent) => ({ name: String(intent.path), value: String(intent.path) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** Entities for the resource locator, by name. */
export async function searchEntities(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const entities = await nlpRequest<IDataObject[]>(this, 'listEntities');
	const needle = (filter ?? '').toLowerCase();
	const results = (entities ?? [])
		.filter((entity) => String(entity.name).toLowerCase().includes(needle))
		.map((entity) => ({ name: String(entity.name), value: String(entity.name) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
