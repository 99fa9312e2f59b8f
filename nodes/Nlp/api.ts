import type { IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { callOptions } from '../common/fields';
import {
	tovieRequest,
	tovieRequestFull,
	type TovieContext,
	type TovieRequest,
	type TovieResponse,
} from '../common/transport';

const P = '/cailapub/api/caila/p/{secret}';

/**
 * Every NLP Direct API route (spec `direct.yml`, CAILA REST API 1.12.1, 44 operations), in one
 * place. The key sits in the path (`{secret}` → the credential's NLP Direct API key). Notes:
 * no PUT/DELETE on `/intents/{id}`: updates go through `recursive-update`, deletes through
 * `delete-multiple`; `entities-by-name` (singular) vs `entities-by-names` (plural) as in the spec.
 */
export const NLP_ROUTES = {
	// Inference (9)
	markup: { method: 'GET', path: `${P}/nlu/markup` },
	conform: { method: 'GET', path: `${P}/nlu/conform` },
	inflect: { method: 'GET', path: `${P}/nlu/inflect` },
	detectLanguage: { method: 'POST', path: `${P}/nlu/detectlanguage` },
	/** Same result as `inference` with nBest 1; the node uses the POST form. */
	simpleInference: { method: 'GET', path: `${P}/nlu/inference` },
	inference: { method: 'POST', path: `${P}/nlu/inference` },
	inferenceMultiple: { method: 'POST', path: `${P}/nlu/inference-multiple` },
	entitiesLookup: { method: 'GET', path: `${P}/nlu/entities` },
	analyze: { method: 'POST', path: `${P}/nlu/analyze` },
	// Project (2)
	exportProject: { method: 'POST', path: `${P}/export` },
	importProject: { method: 'POST', path: `${P}/import` },
	// Entities (19)
	listEntities: { method: 'GET', path: `${P}/entities` },
	createEntity: { method: 'POST', path: `${P}/entities` },
	deleteEntities: { method: 'POST', path: `${P}/entities/delete-multiple` },
	getEntity: { method: 'GET', path: `${P}/entities/{entityId}` },
	updateEntity: { method: 'PUT', path: `${P}/entities/{entityId}` },
	getRecords: { method: 'GET', path: `${P}/entities/{entityId}/records` },
	createRecord: { method: 'POST', path: `${P}/entities/{entityId}/records` },
	replaceRecords: { method: 'PUT', path: `${P}/entities/{entityId}/records` },
	deleteRecords: { method: 'POST', path: `${P}/entities/{entityId}/records/delete-multiple` },
	uploadRecords: { method: 'POST', path: `${P}/entities/{entityId}/records/upload` },
	updateRecord: { method: 'PUT', path: `${P}/entities/{entityId}/records/{recordId}` },
	getEntityByName: { method: 'GET', path: `${P}/entities-by-name/{entityName}` },
	getRecordsByName: { method: 'GET', path: `${P}/entities-by-names/{entityName}/records` },
	createRecordByName: { method: 'POST', path: `${P}/entities-by-names/{entityName}/records` },
	deleteRecordsByName: { method: 'POST', path: `${P}/entities-by-names/{entityName}/records/delete-multiple` },
	updateRecordByName: { method: 'PUT', path: `${P}/entities-by-names/{entityName}/records/{recordId}` },
	replaceRecordsByName: { method: 'PUT', path: `${P}/entities-by-name/{entityName}/records` },
	deleteEntitiesByName: { method: 'POST', path: `${P}/entities/delete-multiple-by-name` },
	getEntitiesByNames: { method: 'GET', path: `${P}/entities/get-by-names` },
	// Training (2)
	train: { method: 'POST', path: `${P}/nlu/train` },
	status: { method: 'GET', path: `${P}/nlu/status` },
	// Speller (2)
	getSpeller: { method: 'GET', path: `${P}/speller` },
	setSpeller: { method: 'POST', path: `${P}/speller` },
	// Intents (10)
	listIntents: { method: 'GET', path: `${P}/intents` },
	createIntent: { method: 'POST', path: `${P}/intents` },
	getIntent: { method: 'GET', path: `${P}/intents/{intentId}` },
	deleteIntents: { method: 'POST', path: `${P}/intents/delete-multiple` },
	getIntentsByPaths: { method: 'POST', path: `${P}/intents/get-by-paths` },
	deleteIntentsByPaths: { method: 'POST', path: `${P}/intents/delete-multiple-by-paths` },
	updateIntent: { method: 'POST', path: `${P}/intents/{intentId}/recursive-update` },
	searchIntents: { method: 'POST', path: `${P}/intents/search` },
	importIntents: { method: 'POST', path: `${P}/intents/import` },
	exportIntents: { method: 'GET', path: `${P}/intents/export-file` },
} as const satisfies Record<string, { method: IHttpRequestMethods; path: string }>;

export type NlpRoute = keyof typeof NLP_ROUTES;

/** POSTs that only read (or set a value), so the transport may repeat them. */
const SAFE_POSTS: NlpRoute[] = [
	'detectLanguage', 'inference', 'inferenceMultiple', 'analyze', 'exportProject',
	'getIntentsByPaths', 'searchIntents', 'deleteIntents', 'deleteIntentsByPaths',
	'deleteEntities', 'deleteEntitiesByName', 'deleteRecords', 'deleteRecordsByName',
	'updateIntent', 'setSpeller', 'importProject',
];

export type NlpRequest = Omit<TovieRequest, 'method' | 'path' | 'secret'>;

function build(route: NlpRoute, request: NlpRequest): TovieRequest {
	const idempotent = request.idempotent ?? (SAFE_POSTS.includes(route) || undefined);
	return { ...NLP_ROUTES[route], secret: 'nlpApiKey', ...request, idempotent };
}

export async function nlpRequest<T = unknown>(
	ctx: TovieContext,
	route: NlpRoute,
	request: NlpRequest = {},
	options: { itemIndex?: number; maxAttempts?: number } = {},
): Promise<T> {
	return await tovieRequest<T>(ctx, build(route, request), options);
}

/** `nlpRequest` for one item of the action node, honouring its "Request Options". */
export async function nlpItemRequest<T = unknown>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: NlpRoute,
	request: NlpRequest = {},
): Promise<T> {
	return await tovieRequest<T>(ctx, build(route, request), callOptions(ctx, itemIndex));
}

/** The full answer (status, headers, binary body) for one item. */
export async function nlpItemRequestFull<T = unknown>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: NlpRoute,
	request: NlpRequest = {},
): Promise<TovieResponse<T>> {
	return await tovieRequestFull<T>(ctx, build(route, request), callOptions(ctx, itemIndex));
}
