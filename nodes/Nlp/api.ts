import { requestsFor } from '../common/requests';
import type { RouteSpec } from '../common/transport';

const P = '/cailapub/api/caila/p/{secret}';

/**
 * Every NLP Direct API route (spec `direct.yml`, CAILA REST API 1.12.1, 44 operations), in one
 * place. The key sits in the path (`{secret}` → the credential's NLP Direct API key). Notes:
 * no PUT/DELETE on `/intents/{id}`: updates go through `recursive-update`, deletes through
 * `delete-multiple`; `entities-by-name` (singular) vs `entities-by-names` (plural) as in the spec.
 * `idempotent`: POSTs that only read or set a value, so the transport may repeat them.
 */
export const NLP_ROUTES = {
	// Inference (9)
	markup: { method: 'GET', path: `${P}/nlu/markup` },
	conform: { method: 'GET', path: `${P}/nlu/conform` },
	inflect: { method: 'GET', path: `${P}/nlu/inflect` },
	detectLanguage: { method: 'POST', path: `${P}/nlu/detectlanguage`, idempotent: true },
	/** Same result as `inference` with nBest 1; the node uses the POST form. */
	simpleInference: { method: 'GET', path: `${P}/nlu/inference` },
	inference: { method: 'POST', path: `${P}/nlu/inference`, idempotent: true },
	inferenceMultiple: { method: 'POST', path: `${P}/nlu/inference-multiple`, idempotent: true },
	entitiesLookup: { method: 'GET', path: `${P}/nlu/entities` },
	analyze: { method: 'POST', path: `${P}/nlu/analyze`, idempotent: true },
	// Project (2)
	exportProject: { method: 'POST', path: `${P}/export`, idempotent: true },
	importProject: { method: 'POST', path: `${P}/import`, idempotent: true },
	// Entities (19)
	listEntities: { method: 'GET', path: `${P}/entities` },
	createEntity: { method: 'POST', path: `${P}/entities` },
	deleteEntities: { method: 'POST', path: `${P}/entities/delete-multiple`, idempotent: true },
	getEntity: { method: 'GET', path: `${P}/entities/{entityId}` },
	updateEntity: { method: 'PUT', path: `${P}/entities/{entityId}` },
	getRecords: { method: 'GET', path: `${P}/entities/{entityId}/records` },
	createRecord: { method: 'POST', path: `${P}/entities/{entityId}/records` },
	replaceRecords: { method: 'PUT', path: `${P}/entities/{entityId}/records` },
	deleteRecords: {
		method: 'POST',
		path: `${P}/entities/{entityId}/records/delete-multiple`,
		idempotent: true,
	},
	uploadRecords: { method: 'POST', path: `${P}/entities/{entityId}/records/upload` },
	updateRecord: { method: 'PUT', path: `${P}/entities/{entityId}/records/{recordId}` },
	getEntityByName: { method: 'GET', path: `${P}/entities-by-name/{entityName}` },
	getRecordsByName: { method: 'GET', path: `${P}/entities-by-names/{entityName}/records` },
	createRecordByName: { method: 'POST', path: `${P}/entities-by-names/{entityName}/records` },
	deleteRecordsByName: {
		method: 'POST',
		path: `${P}/entities-by-names/{entityName}/records/delete-multiple`,
		idempotent: true,
	},
	updateRecordByName: {
		method: 'PUT',
		path: `${P}/entities-by-names/{entityName}/records/{recordId}`,
	},
	replaceRecordsByName: { method: 'PUT', path: `${P}/entities-by-name/{entityName}/records` },
	deleteEntitiesByName: {
		method: 'POST',
		path: `${P}/entities/delete-multiple-by-name`,
		idempotent: true,
	},
	getEntitiesByNames: { method: 'GET', path: `${P}/entities/get-by-names` },
	// Training (2)
	// Training again trains the same model once more: harmless, so repeatable (not Repeat Protection).
	train: { method: 'POST', path: `${P}/nlu/train`, idempotent: true },
	status: { method: 'GET', path: `${P}/nlu/status` },
	// Speller (2)
	getSpeller: { method: 'GET', path: `${P}/speller` },
	setSpeller: { method: 'POST', path: `${P}/speller`, idempotent: true },
	// Intents (10)
	listIntents: { method: 'GET', path: `${P}/intents` },
	createIntent: { method: 'POST', path: `${P}/intents` },
	getIntent: { method: 'GET', path: `${P}/intents/{intentId}` },
	deleteIntents: { method: 'POST', path: `${P}/intents/delete-multiple`, idempotent: true },
	getIntentsByPaths: { method: 'POST', path: `${P}/intents/get-by-paths`, idempotent: true },
	deleteIntentsByPaths: {
		method: 'POST',
		path: `${P}/intents/delete-multiple-by-paths`,
		idempotent: true,
	},
	updateIntent: {
		method: 'POST',
		path: `${P}/intents/{intentId}/recursive-update`,
		idempotent: true,
	},
	searchIntents: { method: 'POST', path: `${P}/intents/search`, idempotent: true },
	importIntents: { method: 'POST', path: `${P}/intents/import` },
	exportIntents: { method: 'GET', path: `${P}/intents/export-file` },
} as const satisfies Record<string, RouteSpec>;

export type NlpRoute = keyof typeof NLP_ROUTES;

export const { request, itemRequest, itemRequestFull } = requestsFor(NLP_ROUTES, 'nlpApiKey');

/** Records per page of an entity's records (the spec sets no maximum; 20 is its default). */
export const RECORDS_PAGE_SIZE = 100;
