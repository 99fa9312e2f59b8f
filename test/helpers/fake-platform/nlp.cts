/**
 * NLP Direct API module of the fake platform (spec /work/shared/specs/direct.yml, routes as in
 * nodes/Nlp/api.ts). One in-memory NLU project per key: intents with phrases, entities with
 * records, settings, a speller dictionary and a *trained model* (a snapshot of the intents taken
 * when training succeeds). Training moves NONE → TRAINING → READY/FAILED after `trainingMs`; it
 * fails when an enabled intent has neither phrases nor patterns (or when `failNextTraining` is set),
 * and a failed training keeps the previous model. The classifier is deterministic: an exact phrase
 * match scores 1, otherwise the token overlap (Jaccard) with the intent's best phrase.
 * Status codes from the spec: 201 on creates, 204 on multi-deletes; errors use the gateway shape
 * `{error, message, args}`. [chosen] parts the spec leaves open: an unknown key answers 401 with a
 * message that repeats the key (so redaction is tested); the zb-csv layout is `value;synonym;…`.
 */
import {
	errors,
	type FakeModule,
	type FakePlatform,
	type FakeReply,
	type FakeRequest,
	type Route,
} from './server.cts';
import { servedSize } from './paging.cts';
import { specBinding } from './spec.cts';

type Obj = Record<string, unknown>;

export interface NlpOptions {
	/** Known NLP Direct API keys; any other key gets 401. Default `['nlp-key-1']`. */
	keys?: string[];
	/** How long training takes, ms. Default 300. */
	trainingMs?: number;
	/** The most phrases one inference-multiple request may carry. Default 1000. */
	maxBatch?: number;
	/** Start with a small project (3 intents, 1 entity) already trained. Default true. */
	seed?: boolean;
	/** Largest `size` of the records list. Default: none [the spec sets none] (paging.cts). */
	maxPageSize?: number;
	/** Above `maxPageSize`, serve that many instead of answering 400 (paging.cts). */
	clampPageSize?: boolean;
}

export interface Intent {
	id: number;
	path: string;
	description?: string;
	answer?: string;
	customData?: string;
	enabled: boolean;
	phrases: Array<{ text: string }>;
	patterns: string[];
	slots: Obj[];
}

export interface EntityRecord {
	id: number;
	type: 'synonyms' | 'pattern';
	rule: string[];
	value: string;
	clientId?: string;
}

export interface Entity {
	id: number;
	name: string;
	type: 'dictionary' | 'annotation';
	enabled: boolean;
	priority?: number;
	noSpelling: boolean;
	noMorph: boolean;
	phoneticSearch: boolean;
	fuzzySearch: boolean;
	client: boolean;
	records: EntityRecord[];
}

export interface Project {
	key: string;
	settings: Obj;
	intents: Map<number, Intent>;
	entities: Map<number, Entity>;
	speller: string;
	trainingStatus: 'NONE' | 'TRAINING' | 'READY' | 'FAILED';
	lastError: string | null;
	trainingEndsAt?: number;
	failNext?: string;
	lastModelTrainStart?: number;
	lastModelTrainTime?: number;
	lastChangeInIntents: number;
	lastChangeInEntities: number;
	/** The intents the classifier uses: those of the last successful training. */
	model: Intent[];
	trainCalls: number;
}

const clone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const tokens = (text: string) =>
	text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
const normal = (text: string) => tokens(text).join(' ');

function reply(status: number, body?: unknown): FakeReply {
	return { status, body };
}
const text = (body: string, contentType = 'text/plain; charset=utf-8'): FakeReply => ({
	status: 200,
	raw: body,
	headers: { 'Content-Type': contentType },
});
const bad = (message: string, args: Obj = {}) =>
	errors.gateway(400, 'caila.common.validation_error', message, args);
const notFound = (what: string, id: unknown) =>
	errors.gateway(404, 'caila.common.not_found', `${what} ${String(id)} not found`, {
		id: String(id),
	});

/** Repeated query keys (`paths=a&paths=b`), which FakeRequest.query collapses. */
export function queryAll(req: FakeRequest, name: string): string[] {
	const at = req.rawPath.indexOf('?');
	return at < 0 ? [] : new URLSearchParams(req.rawPath.slice(at + 1)).getAll(name);
}

/** The `file` part of a multipart/form-data body (text files only). */
export function multipartFile(
	req: FakeRequest,
): { name: string; fileName?: string; content: string } | undefined {
	const type = String(req.headers['content-type'] ?? '');
	const boundary = /boundary=([^;]+)/.exec(type)?.[1];
	if (!/multipart\/form-data/i.test(type) || !boundary) return undefined;
	for (const part of req.rawBody.split(`--${boundary}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const head = part.slice(0, split);
		const name = /name="([^"]*)"/.exec(head)?.[1];
		if (name !== 'file') continue;
		return {
			name,
			fileName: /filename="([^"]*)"/.exec(head)?.[1],
			content: part.slice(split + 4).replace(/\r\n$/, ''),
		};
	}
	return undefined;
}

export class NlpModule implements FakeModule {
	readonly routes: Route[];

	/** direct.yml, served under `/cailapub`: every request is checked against it (spec.cts). */
	readonly spec = specBinding(
		['direct.yml'],
		(status, message) => errors.gateway(status, 'caila.common.validation_error', message),
		'/cailapub',
	);

	readonly projects = new Map<string, Project>();

	/** Settable by tests. */
	trainingMs: number;

	maxBatch: number;

	/** The page-size switch of paging.cts, settable by tests. */
	maxPageSize: number | undefined;

	clampPageSize: boolean;

	private nextId = 1000;

	constructor(
		readonly platform: FakePlatform,
		private readonly options: NlpOptions = {},
	) {
		this.trainingMs = options.trainingMs ?? 300;
		this.maxBatch = options.maxBatch ?? 1000;
		this.maxPageSize = options.maxPageSize;
		this.clampPageSize = options.clampPageSize ?? false;
		this.reset();
		this.routes = this.buildRoutes();
	}

	reset(): void {
		this.projects.clear();
		this.trainingMs = this.options.trainingMs ?? 300;
		this.maxBatch = this.options.maxBatch ?? 1000;
		for (const key of this.options.keys ?? ['nlp-key-1'])
			this.projects.set(key, this.newProject(key, this.options.seed !== false));
	}

	/** The project of a key (settles a finished training first). */
	project(key = 'nlp-key-1'): Project {
		const project = this.projects.get(key);
		if (!project) throw new Error(`No NLP project for key ${key}`);
		this.settle(project);
		return project;
	}

	/** Makes the next training of the project fail with this error. */
	failNextTraining(message = 'Intent /Broken has no training phrases', key = 'nlp-key-1'): void {
		this.project(key).failNext = message;
	}

	id(): number {
		return ++this.nextId;
	}

	// -------------------------------------------------------------------------------------------
	// State

	private newProject(key: string, seed: boolean): Project {
		const now = Date.now();
		const project: Project = {
			key,
			settings: {
				language: 'en',
				spellingCorrection: true,
				classificationAlgorithm: 'sts',
				timezone: 'Europe/London',
				extendedSettings: { patternsEnabled: true, tokenizerEngine: 'udpipe' },
			},
			intents: new Map(),
			entities: new Map(),
			speller: '',
			trainingStatus: 'NONE',
			lastError: null,
			lastChangeInIntents: now,
			lastChangeInEntities: now,
			model: [],
			trainCalls: 0,
		};
		if (!seed) return project;
		const add = (path: string, phrases: string[], answer: string) => {
			const intent: Intent = {
				id: this.id(),
				path,
				answer,
				enabled: true,
				phrases: phrases.map((t) => ({ text: t })),
				patterns: [],
				slots: [],
			};
			project.intents.set(intent.id, intent);
		};
		add('/Greeting', ['hello', 'hi there', 'good morning'], 'Hello! How can I help?');
		add(
			'/Booking/Table',
			['book a table', 'reserve a table for two', 'I want to book a table'],
			'For how many people?',
		);
		add('/Goodbye', ['bye', 'see you later', 'goodbye'], 'Goodbye!');
		const city: Entity = {
			id: this.id(),
			name: 'city',
			type: 'dictionary',
			enabled: true,
			noSpelling: false,
			noMorph: false,
			phoneticSearch: false,
			fuzzySearch: false,
			client: false,
			records: [
				{ id: this.id(), type: 'synonyms', rule: ['London', 'LDN'], value: 'London' },
				{ id: this.id(), type: 'synonyms', rule: ['New York', 'NYC'], value: 'New York' },
			],
		};
		project.entities.set(city.id, city);
		project.speller = 'tovie\t1\nbooking\t1\n';
		project.trainingStatus = 'READY';
		project.lastModelTrainStart = now;
		project.lastModelTrainTime = now;
		project.model = clone([...project.intents.values()]);
		return project;
	}

	private settle(project: Project): void {
		if (
			project.trainingStatus !== 'TRAINING' ||
			project.trainingEndsAt === undefined ||
			Date.now() < project.trainingEndsAt
		)
			return;
		const empty = [...project.intents.values()].find(
			(intent) => intent.enabled && !intent.phrases.length && !intent.patterns.length,
		);
		const failure =
			project.failNext ?? (empty ? `Intent ${empty.path} has no training phrases` : undefined);
		project.failNext = undefined;
		project.trainingEndsAt = undefined;
		if (failure) {
			project.trainingStatus = 'FAILED';
			project.lastError = failure;
			return;
		}
		project.trainingStatus = 'READY';
		project.lastError = null;
		project.lastModelTrainTime = Date.now();
		project.model = clone([...project.intents.values()]);
	}

	// -------------------------------------------------------------------------------------------
	// NLP

	classify(project: Project, phrase: string, nBest = 1): Obj {
		const words = new Set(tokens(phrase));
		const scored = project.model
			.filter((intent) => intent.enabled)
			.map((intent) => {
				let best = 0;
				for (const { text: example } of intent.phrases) {
					if (normal(example) === normal(phrase)) best = 1;
					const other = new Set(tokens(example));
					const shared = [...words].filter((word) => other.has(word)).length;
					const union = new Set([...words, ...other]).size;
					if (union) best = Math.max(best, Math.round((shared / union) * 0.95 * 1000) / 1000);
				}
				return { intent, confidence: best };
			})
			.filter(({ confidence }) => confidence > 0)
			.sort((a, b) => b.confidence - a.confidence || a.intent.path.localeCompare(b.intent.path))
			.slice(0, Math.max(1, nBest));
		return {
			phrase: { text: phrase, entities: this.findEntities(project, phrase) },
			variants: scored.map(({ intent, confidence }) => ({
				intent: {
					id: intent.id,
					path: intent.path,
					answer: intent.answer ?? null,
					customData: intent.customData ?? null,
					slots: [],
				},
				confidence,
				slots: [],
			})),
		};
	}

	findEntities(project: Project, phrase: string, clientId?: string): Obj[] {
		const found: Obj[] = [];
		const lower = phrase.toLowerCase();
		for (const entity of project.entities.values()) {
			if (!entity.enabled) continue;
			for (const record of entity.records) {
				if (record.clientId && record.clientId !== clientId) continue;
				for (const rule of record.rule) {
					const at = lower.search(
						new RegExp(
							`(^|[^\\p{L}\\p{N}])${rule.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`,
							'u',
						),
					);
					if (at < 0) continue;
					const startPos = lower.indexOf(rule.toLowerCase(), at);
					found.push({
						entity: entity.name,
						slot: entity.name,
						startPos,
						endPos: startPos + rule.length,
						text: phrase.slice(startPos, startPos + rule.length),
						value: record.value,
						default: true,
						system: false,
						entityId: entity.id,
					});
				}
			}
		}
		for (const match of phrase.matchAll(/\d+/g)) {
			found.push({
				entity: 'duckling.number',
				slot: 'duckling.number',
				startPos: match.index,
				endPos: match.index! + match[0].length,
				text: match[0],
				value: match[0],
				default: true,
				system: true,
			});
		}
		return found.sort((a, b) => Number(a.startPos) - Number(b.startPos));
	}

	markup(project: Project, source: string): Obj {
		const dictionary = project.speller
			.split('\n')
			.map((line) => line.split('\t')[0])
			.filter(Boolean);
		const words: Obj[] = [];
		let corrected = source;
		for (const match of source.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) {
			const word = match[0];
			const punctuation = !/[\p{L}\p{N}]/u.test(word);
			let fixed = word;
			if (project.settings.spellingCorrection && !punctuation && word.length >= 4) {
				const near = dictionary.find(
					(entry) =>
						entry.toLowerCase() !== word.toLowerCase() &&
						editDistance(entry.toLowerCase(), word.toLowerCase()) === 1,
				);
				if (near) fixed = near;
			}
			if (fixed !== word) corrected = corrected.replace(word, fixed);
			words.push({
				annotations: { lemma: fixed.toLowerCase(), pos: punctuation ? 'PUNCT' : 'X' },
				startPos: match.index,
				endPos: match.index! + word.length,
				pattern: false,
				punctuation,
				source: word,
				word: fixed,
			});
		}
		return { source, correctedText: corrected, words };
	}

	// -------------------------------------------------------------------------------------------
	// Shapes

	summary(intent: Intent): Obj {
		return {
			id: intent.id,
			path: intent.path,
			enabled: intent.enabled,
			itemsCount: intent.phrases.length,
			stagedPhrases: [],
		};
	}

	entityData(entity: Entity, withCount = false): Obj {
		const { records, ...data } = entity;
		return withCount ? { ...clone(data), recordsCount: records.length } : clone(data);
	}

	exportData(project: Project): Obj {
		return {
			project: { id: `project-${project.key.length}`, name: 'Fake NLU project', folder: '/' },
			settings: clone(project.settings),
			intents: clone([...project.intents.values()]),
			entities: [...project.entities.values()].map((entity) => ({
				entity: this.entityData(entity),
				records: clone(entity.records),
			})),
			enabledSystemEntities: ['duckling.number'],
		};
	}

	private intentFrom(body: Obj, id: number): Intent | string {
		const path = typeof body.path === 'string' ? body.path : '';
		if (!path.startsWith('/')) return `Intent path must start with "/": "${path}"`;
		const phrases = Array.isArray(body.phrases) ? (body.phrases as Obj[]) : [];
		if (phrases.some((phrase) => !phrase || typeof phrase.text !== 'string' || !phrase.text.trim()))
			return 'Phrases must have a non-empty text';
		return {
			id,
			path,
			description: body.description as string | undefined,
			answer: body.answer as string | undefined,
			customData: body.customData as string | undefined,
			enabled: body.enabled !== false,
			phrases: phrases.map((phrase) => ({ text: String(phrase.text) })),
			patterns: Array.isArray(body.patterns) ? (body.patterns as string[]) : [],
			slots: Array.isArray(body.slots) ? (body.slots as Obj[]) : [],
		};
	}

	private entityFrom(body: Obj, id: number, records: EntityRecord[] = []): Entity | string {
		const name = typeof body.name === 'string' ? body.name.trim() : '';
		if (!name) return 'Entity name is required';
		if (body.type !== 'dictionary' && body.type !== 'annotation')
			return `Entity type must be dictionary or annotation: "${String(body.type)}"`;
		return {
			id,
			name,
			type: body.type,
			enabled: body.enabled !== false,
			priority: body.priority as number | undefined,
			noSpelling: body.noSpelling === true,
			noMorph: body.noMorph === true,
			phoneticSearch: body.phoneticSearch === true,
			fuzzySearch: body.fuzzySearch === true,
			client: body.client === true,
			records,
		};
	}

	private recordFrom(data: unknown, id: number, clientId?: string): EntityRecord | string {
		const record = (data ?? {}) as Obj;
		if (record.type !== 'synonyms' && record.type !== 'pattern')
			return `Record type must be synonyms or pattern: "${String(record.type)}"`;
		if (!Array.isArray(record.rule) || record.rule.length === 0)
			return 'Record rule must be a non-empty array';
		if (typeof record.value !== 'string' || !record.value) return 'Record value is required';
		return {
			id,
			type: record.type,
			rule: (record.rule as unknown[]).map(String),
			value: record.value,
			clientId: (record.clientId as string | undefined) ?? clientId,
		};
	}

	// -------------------------------------------------------------------------------------------
	// Routes

	private buildRoutes(): Route[] {
		const P = '/cailapub/api/caila/p/:key';
		type Handler = (project: Project, req: FakeRequest) => FakeReply | Promise<FakeReply>;
		const route = (method: Route['method'], path: string, handler: Handler): Route => ({
			method,
			pattern: P + path,
			handler: (req) => {
				const project = this.projects.get(req.params.key);
				if (!project)
					return errors.gateway(
						401,
						'caila.access.invalid_token',
						`Access token ${req.params.key} is not valid`,
						{ token: req.params.key },
					);
				this.settle(project);
				return handler(project, req);
			},
		});
		const body = (req: FakeRequest) => (req.body ?? {}) as Obj;
		const numericParam = (req: FakeRequest, name: string) =>
			/^\d+$/.test(req.params[name]) ? Number(req.params[name]) : undefined;
		const entityOf = (project: Project, req: FakeRequest): Entity | FakeReply => {
			if (req.params.entityName !== undefined) {
				const found = [...project.entities.values()].find(
					(entity) => entity.name === req.params.entityName,
				);
				return found ?? notFound('Entity', req.params.entityName);
			}
			const id = numericParam(req, 'entityId');
			if (id === undefined) return bad(`entityId must be a number: "${req.params.entityId}"`);
			return project.entities.get(id) ?? notFound('Entity', id);
		};
		const isReply = (value: unknown): value is FakeReply =>
			typeof (value as FakeReply).status === 'number' && !('records' in (value as Obj));
		const touchEntities = (project: Project) => (project.lastChangeInEntities = Date.now());
		const touchIntents = (project: Project) => (project.lastChangeInIntents = Date.now());

		const recordRoutes = (base: string, byName: string): Route[] => [
			route('GET', `${base}/records`, (project, req) => {
				const entity = entityOf(project, req);
				if (isReply(entity)) return entity;
				const page = Number(req.query.page ?? 0);
				const size = servedSize(Number(req.query.size ?? 20), this);
				if (size === undefined) return bad(`size must be at most ${this.maxPageSize}`);
				const search = (req.query.searchQuery ?? '').toLowerCase();
				const list = entity.records.filter(
					(record) =>
						(!req.query.clientId || record.clientId === req.query.clientId) &&
						(!search ||
							record.value.toLowerCase().includes(search) ||
							record.rule.some((rule) => rule.toLowerCase().includes(search))),
				);
				return reply(200, {
					paging: { pageNum: page, pageSize: size, totalCount: list.length },
					records: clone(list.slice(page * size, page * size + size)),
				});
			}),
			route('POST', `${base}/records`, (project, req) => {
				const entity = entityOf(project, req);
				if (isReply(entity)) return entity;
				const record = this.recordFrom(
					body(req).data,
					this.id(),
					body(req).clientId as string | undefined,
				);
				if (typeof record === 'string') return bad(record);
				entity.records.push(record);
				touchEntities(project);
				return reply(201, clone(record));
			}),
			route('POST', `${base}/records/delete-multiple`, (project, req) => {
				const entity = entityOf(project, req);
				if (isReply(entity)) return entity;
				if (!Array.isArray(req.body)) return bad('Body must be an array of record ids');
				const ids = new Set((req.body as unknown[]).map(Number));
				entity.records = entity.records.filter((record) => !ids.has(record.id));
				touchEntities(project);
				return reply(204);
			}),
			route('PUT', `${base}/records/:recordId`, (project, req) => {
				const entity = entityOf(project, req);
				if (isReply(entity)) return entity;
				const recordId = numericParam(req, 'recordId');
				const index = entity.records.findIndex((record) => record.id === recordId);
				if (index < 0) return notFound('Record', req.params.recordId);
				const record = this.recordFrom(
					body(req).data,
					recordId!,
					body(req).clientId as string | undefined,
				);
				if (typeof record === 'string') return bad(record);
				entity.records[index] = record;
				touchEntities(project);
				return reply(200, clone(record));
			}),
			route('PUT', `${byName}/records`, (project, req) => {
				const entity = entityOf(project, req);
				if (isReply(entity)) return entity;
				const list = body(req).data;
				if (!Array.isArray(list)) return bad('data must be an array of records');
				const records: EntityRecord[] = [];
				for (const data of list) {
					const record = this.recordFrom(data, this.id(), body(req).clientId as string | undefined);
					if (typeof record === 'string') return bad(record);
					records.push(record);
				}
				entity.records = records;
				touchEntities(project);
				return reply(200, clone(records));
			}),
		];

		return [
			// Inference
			route('GET', '/nlu/markup', (project, req) =>
				req.query.query
					? reply(200, this.markup(project, req.query.query))
					: bad('query is required'),
			),
			route('GET', '/nlu/conform', (_project, req) => {
				const number = Number(req.query.number);
				if (!req.query.text || !Number.isInteger(number))
					return bad('text and number are required');
				return text(`${req.query.text}${Math.abs(number) === 1 ? '' : 's'}`);
			}),
			route('GET', '/nlu/inflect', (_project, req) => {
				const tags = queryAll(req, 'tags');
				if (!req.query.text || tags.length === 0) return bad('text and tags are required');
				return text(tags.includes('plur') ? `${req.query.text}s` : String(req.query.text));
			}),
			route('POST', '/nlu/detectlanguage', (_project, req) => {
				const documents = body(req).documents;
				if (!Array.isArray(documents)) return bad('documents must be an array');
				return reply(
					200,
					documents.map((doc) => (/[\u0400-\u04FF]/.test(String(doc)) ? 'ru' : 'en')),
				);
			}),
			route('GET', '/nlu/inference', (project, req) => {
				if (!req.query.query) return bad('query is required');
				const variants = this.classify(project, req.query.query).variants as Obj[];
				return reply(200, variants[0] ?? { intent: null, confidence: 0, slots: [] });
			}),
			route('POST', '/nlu/inference', (project, req) => {
				const phrase = (body(req).phrase ?? {}) as Obj;
				if (typeof phrase.text !== 'string') return bad('phrase.text is required');
				return reply(200, this.classify(project, phrase.text, Number(body(req).nBest ?? 1)));
			}),
			route('POST', '/nlu/inference-multiple', (project, req) => {
				const phrases = body(req).phrases;
				if (!Array.isArray(phrases)) return bad('phrases must be an array');
				if (phrases.length > this.maxBatch)
					return bad(`Too many phrases: ${phrases.length} > ${this.maxBatch}`, {
						max: String(this.maxBatch),
					});
				const nBest = Number(body(req).nBest ?? 1);
				return reply(
					200,
					(phrases as Obj[]).map((entry) =>
						this.classify(project, String(((entry?.phrase ?? {}) as Obj).text ?? ''), nBest),
					),
				);
			}),
			route('GET', '/nlu/entities', (project, req) => {
				if (!req.query.query || req.query.showAll === undefined)
					return bad('query and showAll are required');
				return reply(200, {
					text: req.query.query,
					entities: this.findEntities(project, req.query.query, req.query.clientId),
				});
			}),
			route('POST', '/nlu/analyze', (project, req) => {
				const data = (body(req).data ?? {}) as Obj;
				const phrase = String(((data.phrase ?? {}) as Obj).text ?? '');
				if (!phrase) return bad('data.phrase.text is required');
				return reply(200, {
					markup: this.markup(project, phrase),
					entitiesLookup: {
						text: phrase,
						entities: this.findEntities(project, phrase, data.clientId as string | undefined),
					},
					inference: this.classify(project, phrase, Number(data.nBest ?? 1)),
				});
			}),
			// Project
			route('POST', '/export', (project) => reply(200, this.exportData(project))),
			route('POST', '/import', (project, req) => {
				const data = body(req);
				if (data.intents !== undefined && !Array.isArray(data.intents))
					return bad('intents must be an array');
				const intents = new Map<number, Intent>();
				for (const raw of (data.intents ?? []) as Obj[]) {
					const intent = this.intentFrom(raw, this.id());
					if (typeof intent === 'string') return bad(intent);
					intents.set(intent.id, intent);
				}
				const entities = new Map<number, Entity>();
				for (const raw of (data.entities ?? []) as Obj[]) {
					const records: EntityRecord[] = [];
					for (const rec of (raw.records ?? []) as Obj[]) {
						const record = this.recordFrom(rec, this.id());
						if (typeof record === 'string') return bad(record);
						records.push(record);
					}
					const entity = this.entityFrom((raw.entity ?? {}) as Obj, this.id(), records);
					if (typeof entity === 'string') return bad(entity);
					entities.set(entity.id, entity);
				}
				project.intents = intents;
				project.entities = entities;
				if (data.settings) project.settings = { ...project.settings, ...(data.settings as Obj) };
				touchIntents(project);
				touchEntities(project);
				return reply(200, this.exportData(project));
			}),
			// Entities: literal segments before `:entityId`
			route('POST', '/entities/delete-multiple', (project, req) => {
				if (!Array.isArray(req.body)) return bad('Body must be an array of entity ids');
				for (const id of req.body as unknown[]) project.entities.delete(Number(id));
				touchEntities(project);
				return reply(204);
			}),
			route('POST', '/entities/delete-multiple-by-name', (project, req) => {
				if (!Array.isArray(req.body)) return bad('Body must be an array of entity names');
				const names = new Set((req.body as unknown[]).map(String));
				for (const entity of [...project.entities.values()])
					if (names.has(entity.name)) project.entities.delete(entity.id);
				touchEntities(project);
				return reply(204);
			}),
			route('GET', '/entities/get-by-names', (project, req) => {
				const names = new Set(queryAll(req, 'names'));
				return reply(
					200,
					[...project.entities.values()]
						.filter((entity) => names.has(entity.name))
						.map((entity) => this.entityData(entity)),
				);
			}),
			route('GET', '/entities', (project, req) =>
				reply(
					200,
					[...project.entities.values()].map((entity) =>
						this.entityData(entity, req.query.withRecordsCount === 'true'),
					),
				),
			),
			route('POST', '/entities', (project, req) => {
				const entity = this.entityFrom(body(req), this.id());
				if (typeof entity === 'string') return bad(entity);
				if ([...project.entities.values()].some((other) => other.name === entity.name)) {
					return errors.gateway(
						409,
						'caila.entity.duplicate_name',
						`Entity ${entity.name} already exists`,
						{ name: entity.name },
					);
				}
				project.entities.set(entity.id, entity);
				touchEntities(project);
				return reply(201, this.entityData(entity));
			}),
			route('POST', '/entities/:entityId/records/upload', (project, req) => {
				const entity = entityOf(project, req);
				if (isReply(entity)) return entity;
				if (req.query.type !== 'zb-csv') return bad('type must be zb-csv');
				const file = multipartFile(req);
				if (!file) return bad('A multipart file is required');
				const added: EntityRecord[] = [];
				for (const line of file.content.split(/\r?\n/).filter((l) => l.trim())) {
					const [value, ...synonyms] = line.split(';').map((cell) => cell.trim());
					added.push({
						id: this.id(),
						type: 'synonyms',
						value,
						rule: synonyms.length ? synonyms : [value],
					});
				}
				entity.records.push(...added);
				touchEntities(project);
				return reply(200, clone(added));
			}),
			route('GET', '/entities/:entityId', (project, req) => {
				const entity = entityOf(project, req);
				return isReply(entity) ? entity : reply(200, this.entityData(entity));
			}),
			route('PUT', '/entities/:entityId', (project, req) => {
				const entity = entityOf(project, req);
				if (isReply(entity)) return entity;
				const updated = this.entityFrom(body(req), entity.id, entity.records);
				if (typeof updated === 'string') return bad(updated);
				project.entities.set(entity.id, updated);
				touchEntities(project);
				return reply(200, this.entityData(updated));
			}),
			...recordRoutes('/entities/:entityId', '/entities/:entityId'),
			route('GET', '/entities-by-name/:entityName', (project, req) => {
				const entity = entityOf(project, req);
				return isReply(entity)
					? entity
					: reply(200, { entity: this.entityData(entity), records: clone(entity.records) });
			}),
			...recordRoutes('/entities-by-names/:entityName', '/entities-by-name/:entityName'),
			// Training
			route('POST', '/nlu/train', (project) => {
				project.trainCalls++;
				project.trainingStatus = 'TRAINING';
				project.lastModelTrainStart = Date.now();
				project.trainingEndsAt = Date.now() + this.trainingMs;
				return reply(200);
			}),
			route('GET', '/nlu/status', (project) =>
				reply(200, {
					trainingStatus: project.trainingStatus,
					lastError: project.lastError,
					lastChangeInIntents: project.lastChangeInIntents,
					lastChangeInEntities: project.lastChangeInEntities,
					lastModelTrainStart: project.lastModelTrainStart ?? null,
					lastModelTrainTime: project.lastModelTrainTime ?? null,
					cachedModelTrainStart: null,
					cachedModelTrainTime: null,
				}),
			),
			// Speller
			route('GET', '/speller', (project) => text(project.speller)),
			route('POST', '/speller', (project, req) => {
				const file = multipartFile(req);
				if (!file) return bad('A multipart file is required');
				const broken = file.content
					.split(/\r?\n/)
					.find((line) => line.trim() && !/^[^\t]+\t-?\d+(\.\d+)?$/.test(line));
				if (broken !== undefined) return bad(`Line is not word<TAB>number: ${broken}`);
				project.speller = file.content;
				return text('Dictionary uploaded');
			}),
			// Intents: literal segments before `:intentId`
			route('POST', '/intents/delete-multiple', (project, req) => {
				if (!Array.isArray(req.body)) return bad('Body must be an array of intent ids');
				for (const id of req.body as unknown[]) project.intents.delete(Number(id));
				touchIntents(project);
				return reply(204);
			}),
			route('POST', '/intents/delete-multiple-by-paths', (project, req) => {
				if (!Array.isArray(req.body)) return bad('Body must be an array of intent paths');
				const paths = new Set((req.body as unknown[]).map(String));
				for (const intent of [...project.intents.values()])
					if (paths.has(intent.path)) project.intents.delete(intent.id);
				touchIntents(project);
				return reply(204);
			}),
			route('POST', '/intents/get-by-paths', (project, req) => {
				const paths = new Set(queryAll(req, 'paths'));
				return reply(
					200,
					clone([...project.intents.values()].filter((intent) => paths.has(intent.path))),
				);
			}),
			route('POST', '/intents/search', (project, req) => {
				const criteria = body(req);
				const has = (value: unknown, needle: unknown) =>
					typeof needle === 'string' &&
					needle !== '' &&
					String(value ?? '')
						.toLowerCase()
						.includes(needle.toLowerCase());
				return reply(
					200,
					[...project.intents.values()]
						.filter(
							(intent) =>
								has(intent.path, criteria.path) ||
								has(intent.description, criteria.description) ||
								has(intent.answer, criteria.answer) ||
								intent.phrases.some((phrase) => has(phrase.text, criteria.phrases)) ||
								intent.slots.some((slot) => has(slot.name, criteria.slots)),
						)
						.map((intent) => this.summary(intent)),
				);
			}),
			route('POST', '/intents/import', (project, req) => {
				const strategy = req.query.strategy;
				if (
					!['overwrite', 'merge', 'unresolved', 'cleanwrite', 'skipwrite'].includes(strategy ?? '')
				)
					return bad(`Unknown strategy: ${String(strategy)}`);
				const file = multipartFile(req);
				if (!file) return bad('A multipart file is required');
				let parsed: unknown;
				try {
					parsed = JSON.parse(file.content);
				} catch {
					return bad('The intents file is not valid JSON');
				}
				const list = (Array.isArray(parsed) ? parsed : ((parsed as Obj)?.intents ?? [])) as Obj[];
				if (strategy === 'cleanwrite') project.intents.clear();
				const touched: Intent[] = [];
				for (const raw of list) {
					const existing = [...project.intents.values()].find((intent) => intent.path === raw.path);
					if (existing && (strategy === 'skipwrite' || strategy === 'unresolved')) continue;
					const intent = this.intentFrom(raw, existing?.id ?? this.id());
					if (typeof intent === 'string') return bad(intent);
					if (existing && strategy === 'merge') {
						const known = new Set(existing.phrases.map((phrase) => normal(phrase.text)));
						intent.phrases = [
							...existing.phrases,
							...intent.phrases.filter((phrase) => !known.has(normal(phrase.text))),
						];
					}
					project.intents.set(intent.id, intent);
					touched.push(intent);
				}
				touchIntents(project);
				return reply(
					200,
					touched.map((intent) => this.summary(intent)),
				);
			}),
			route('GET', '/intents/export-file', (project) =>
				text(JSON.stringify([...project.intents.values()], null, 2), 'application/octet-stream'),
			),
			route('GET', '/intents', (project) =>
				reply(
					200,
					[...project.intents.values()].map((intent) => this.summary(intent)),
				),
			),
			route('POST', '/intents', (project, req) => {
				const intent = this.intentFrom(body(req), this.id());
				if (typeof intent === 'string') return bad(intent);
				if ([...project.intents.values()].some((other) => other.path === intent.path)) {
					return errors.gateway(
						409,
						'caila.intent.duplicate_path',
						`Intent ${intent.path} already exists`,
						{ path: intent.path },
					);
				}
				project.intents.set(intent.id, intent);
				touchIntents(project);
				return reply(201, clone(intent));
			}),
			route('GET', '/intents/:intentId', (project, req) => {
				const intent = project.intents.get(Number(req.params.intentId));
				return intent ? reply(200, clone(intent)) : notFound('Intent', req.params.intentId);
			}),
			route('POST', '/intents/:intentId/recursive-update', (project, req) => {
				const current = project.intents.get(Number(req.params.intentId));
				if (!current) return notFound('Intent', req.params.intentId);
				const updated = this.intentFrom(body(req), current.id);
				if (typeof updated === 'string') return bad(updated);
				const affected: Intent[] = [];
				if (updated.path !== current.path) {
					for (const child of project.intents.values()) {
						if (!child.path.startsWith(`${current.path}/`)) continue;
						child.path = updated.path + child.path.slice(current.path.length);
						affected.push(child);
					}
				}
				project.intents.set(current.id, updated);
				touchIntents(project);
				return reply(200, {
					updatedIntent: clone(updated),
					affectedRecords: affected.map((intent) => this.summary(intent)),
				});
			}),
		];
	}
}

function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_v, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const saved = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = saved;
		}
	}
	return row[b.length];
}
