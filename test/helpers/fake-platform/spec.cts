/**
 * The vendor specs, enforced: every request a spec'd fake module receives is checked against the
 * operation of the vendor's OpenAPI file its method and path map to (`../shared/specs/*.yml`, the
 * public files of the platform, read where they are and never copied into the repository).
 *
 * Checked: that the operation exists (404 / 405 otherwise), the path and query parameters (required,
 * type, enum, minimum/maximum, format), and the JSON request body against its schema (required
 * fields, types, enums, limits, formats, discriminated filters), with Ajv. Headers are left to the
 * modules (their auth guards answer 401/403 as the gateway would), and so are bodies that are not
 * JSON (Calls' form posts). A request the spec forbids is answered with the operation's declared
 * client error (400 when declared) in the module's error shape, and listed in
 * `fake.specViolations`.
 *
 * A module opts in by naming its files: `readonly spec = specBinding(['reporter-api.yml',
 * 'async-api.yml'], errorFn)`; the route to operation mapping is the spec's own path templates
 * (a literal segment wins over a `{param}` one), behind the module's `prefix` when the platform
 * serves the API under one (`/cailapub` for NLP Direct).
 *
 * Where `../shared/specs/` is absent (a clone outside this workspace) nothing is checked and one
 * notice is printed. `TOVIE_SPECS_DIR` points elsewhere.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';

import type { FakeReply } from './server.cts';

type Json = Record<string, unknown>;

export const SPECS_DIR =
	process.env.TOVIE_SPECS_DIR ?? path.resolve(__dirname, '../../../../shared/specs');

const BASE = 'https://specs.fake.local/';

// ---------------------------------------------------------------------------------------------
// Known defects of the specs, overridden here and nowhere else (the review's "Spec defects
// found", ../shared/reviews/spec-new-apis-2026-12-07.md). Each one says why.

/** Applied to each parsed file before anything is compiled. */
const SPEC_OVERRIDES: Record<string, (doc: Json) => void> = {
	'async-api.yml': (doc) => anyJsonNode(doc),
	'bot-channel-api.yml': (doc) => anyJsonNode(doc),
	'reporter-api.yml': (doc) => anyJsonNode(doc),
	'text-campaign-api.yml': (doc) => {
		anyJsonNode(doc);
		// Defect 2: TextCampaignDto requires `startTime` and `startNow` but defines neither (a read
		// DTO; kept required would refuse nothing we send, but make the schema inconsistent).
		const dto = schemaOf(doc, 'TextCampaignDto');
		if (Array.isArray(dto?.required))
			dto.required = dto.required.filter((name) => name !== 'startTime' && name !== 'startNow');
		// Defect 3 (`delayBetweenSending`: default 0, minimum 1) is NOT overridden: the minimum is
		// the rule, a client must not send the default back (issue 21 item 3).
		// Defect 5 (`status` filter lists DELIVERED/NOT_DELIVERED beyond EventSendingStatus) needs
		// nothing: the parameter's own enum is what the server binds.
	},
	'project-api.yml': (doc) => {
		// Defect 1: `PUT /api/v1/projects/{id}` declares no `id` path parameter (pj:90-96); the
		// path's GET and DELETE declare it as int64.
		const paths = doc.paths as Record<string, Json>;
		const put = paths['/api/v1/projects/{id}']?.put as Json | undefined;
		if (put) {
			const params = (put.parameters as Json[] | undefined) ?? [];
			if (!params.some((p) => p.in === 'path' && p.name === 'id'))
				put.parameters = [
					...params,
					{ name: 'id', in: 'path', required: true, schema: { type: 'integer', format: 'int64' } },
				];
		}
		// Defect 7: ProjectDto.botChannels items require `type` but define `channelType`: the read
		// DTO is never a request body; the items are left to what they define.
		const dto = schemaOf(doc, 'ProjectDto');
		const items = ((dto?.properties as Json | undefined)?.botChannels as Json | undefined)
			?.items as Json | undefined;
		if (Array.isArray(items?.required))
			items.required = items.required.map((name) => (name === 'type' ? 'channelType' : name));
		// Defect 8 (Locale `RU/EN/CN` here, `ru/en/cn` in bot-channel-api.yml): each file's own
		// enum is enforced for its own operations.
	},
	// Defect 9 (the deploy op lists no Authorization parameter): headers are not checked here.
	// Defect 4 (operationIds used twice): operations are found by path, never by operationId.
};

/**
 * `JsonNode` is typed `object` but described as "an array, JSON object, and others" (any JSON
 * value: event data, customData, report payloads): any value is allowed.
 */
function anyJsonNode(doc: Json): void {
	const schemas = (doc.components as Json | undefined)?.schemas as Json | undefined;
	if (schemas?.JsonNode) schemas.JsonNode = { description: 'Any JSON value (spec override)' };
}

function schemaOf(doc: Json, name: string): Json | undefined {
	return ((doc.components as Json | undefined)?.schemas as Json | undefined)?.[name] as
		| Json
		| undefined;
}

/**
 * `format: date-time`: an RFC 3339 date and time; the zone is optional because every input example
 * of the specs is zone-less (`2024-06-03T15:30:00`, text-campaign-api.yml) while the format asks
 * for one. Which reading the server uses is open (issue 21 item 5); both forms pass, a date that
 * is not a calendar date, a missing time or seconds, or anything else fails.
 */
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-]\d\d:?\d\d)?$/;

function isDateTime(text: string): boolean {
	const match = DATE_TIME.exec(text);
	if (!match) return false;
	const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return (
		month >= 1 && month <= 12 && day >= 1 && day <= days && hour < 24 && minute < 60 && second < 61
	);
}

// ---------------------------------------------------------------------------------------------
// Loading

interface Param {
	name: string;
	in: string;
	required: boolean;
	schema: Json;
}

interface Operation {
	file: string;
	method: string;
	/** The spec's path template, e.g. `/api/v1/projects/{id}`. */
	template: string;
	regex: RegExp;
	names: string[];
	literals: number;
	params: Param[];
	body?: { required: boolean; schema?: Json };
	/** The declared client error for a refused request. */
	errorStatus: number;
	validateParams?: Ajv.ValidateFunction;
	validateBody?: Ajv.ValidateFunction;
}

interface Loaded {
	operations: Operation[];
	strict: Ajv.Ajv;
	coercing: Ajv.Ajv;
}

let loaded: Loaded | null | undefined;
let noticePrinted = false;

export function specsAvailable(): boolean {
	return load() !== null;
}

function newAjv(coerce: boolean): Ajv.Ajv {
	const ajv = new Ajv({
		allErrors: true,
		nullable: true,
		validateSchema: false,
		unknownFormats: 'ignore',
		coerceTypes: coerce ? 'array' : false,
		jsonPointers: true,
		// Formats the specs use without a rule (`double`, `float`, `binary`) stay unchecked, quietly.
		logger: false,
	});
	ajv.addFormat('date-time', isDateTime);
	ajv.addFormat('int32', {
		type: 'number',
		validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
	});
	ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
	return ajv;
}

function load(): Loaded | null {
	if (loaded !== undefined) return loaded;
	if (!fs.existsSync(SPECS_DIR)) {
		if (!noticePrinted)
			process.stderr.write(
				`[fake platform] ${SPECS_DIR} not found: requests are not checked against the vendor specs\n`,
			);
		noticePrinted = true;
		loaded = null;
		return loaded;
	}
	const strict = newAjv(false);
	const coercing = newAjv(true);
	const operations: Operation[] = [];
	for (const file of fs
		.readdirSync(SPECS_DIR)
		.filter((name) => name.endsWith('.yml'))
		.sort()) {
		const doc = parseYaml(fs.readFileSync(path.join(SPECS_DIR, file), 'utf8')) as Json;
		SPEC_OVERRIDES[file]?.(doc);
		expandDiscriminators(doc);
		normalize(doc, file);
		// Only the schemas go to Ajv: parameters and responses are read from the document itself.
		const schemas = (doc.components as Json | undefined)?.schemas ?? {};
		const root = { $id: BASE + file, components: { schemas } };
		strict.addSchema(root);
		coercing.addSchema(root);
		operations.push(...operationsOf(doc, file));
	}
	loaded = { operations, strict, coercing };
	return loaded;
}

/**
 * A schema with a `discriminator.mapping` validates as the mapped schema of its discriminator value
 * (Jackson's subtypes); an unmapped value is refused. The mapped schemas extend the base by
 * `allOf`, so they are pointed at a copy of it without the discriminator.
 */
function expandDiscriminators(doc: Json): void {
	const schemas = (doc.components as Json | undefined)?.schemas as Record<string, Json> | undefined;
	if (!schemas) return;
	for (const [name, schema] of Object.entries(schemas)) {
		const discriminator = schema.discriminator as
			| { propertyName: string; mapping?: Record<string, string> }
			| undefined;
		if (!discriminator?.mapping) continue;
		const { discriminator: _d, ...base } = schema;
		const baseName = `${name}__base`;
		schemas[baseName] = base;
		const own = `#/components/schemas/${name}`;
		const property = discriminator.propertyName;
		for (const target of Object.values(discriminator.mapping)) {
			const mapped = schemas[target.replace('#/components/schemas/', '')];
			for (const part of (mapped?.allOf as Json[] | undefined) ?? [])
				if (part.$ref === own) part.$ref = `#/components/schemas/${baseName}`;
		}
		schemas[name] = {
			allOf: [
				{ $ref: `#/components/schemas/${baseName}` },
				{ properties: { [property]: { enum: Object.keys(discriminator.mapping) } } },
				...Object.entries(discriminator.mapping).map(([value, target]) => ({
					if: { properties: { [property]: { const: value } }, required: [property] },
					then: { $ref: target },
				})),
			],
		};
	}
}

/** OpenAPI 3.0 to what Ajv reads: refs made absolute, boolean exclusive limits, no examples. */
function normalize(node: unknown, file: string): void {
	if (Array.isArray(node)) {
		for (const item of node) normalize(item, file);
		return;
	}
	if (!node || typeof node !== 'object') return;
	const object = node as Json;
	if (typeof object.$ref === 'string') object.$ref = absoluteRef(object.$ref, file);
	for (const key of ['Minimum', 'Maximum'] as const) {
		const exclusive = `exclusive${key}`;
		const limit = key.toLowerCase();
		if (object[exclusive] === true && typeof object[limit] === 'number') {
			object[exclusive] = object[limit];
			delete object[limit];
		} else if (object[exclusive] === false) delete object[exclusive];
	}
	delete object.example;
	delete object.examples;
	delete object.xml;
	for (const value of Object.values(object)) normalize(value, file);
}

function absoluteRef(ref: string, file: string): string {
	if (ref.startsWith('#')) return `${BASE}${file}${ref}`;
	// `common.yml/#/components/...` (calls.yml) or `common.yml#/...`.
	const [target, pointer = ''] = ref.split('#');
	return `${BASE}${target.replace(/\/$/, '')}#${pointer}`;
}

function resolveRef(ref: unknown, docs: Map<string, Json>): Json {
	if (typeof ref !== 'string' || !ref.startsWith(BASE)) return {};
	const [target, pointer] = ref.slice(BASE.length).split('#');
	let node: unknown = docs.get(target);
	for (const part of pointer.split('/').filter(Boolean)) node = (node as Json | undefined)?.[part];
	return (node as Json | undefined) ?? {};
}

const docsForRefs = new Map<string, Json>();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function operationsOf(doc: Json, file: string): Operation[] {
	docsForRefs.set(file, doc);
	const deref = (value: Json): Json =>
		typeof value.$ref === 'string' ? deref(resolveRef(value.$ref, docsForRefs)) : value;
	const operations: Operation[] = [];
	for (const [template, item] of Object.entries((doc.paths as Record<string, Json>) ?? {})) {
		const shared = ((item.parameters as Json[] | undefined) ?? []).map(deref);
		for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
			const op = item[method] as Json | undefined;
			if (!op) continue;
			const params = new Map<string, Param>();
			for (const raw of [...shared, ...((op.parameters as Json[] | undefined) ?? []).map(deref)]) {
				params.set(`${String(raw.in)}:${String(raw.name)}`, {
					name: String(raw.name),
					in: String(raw.in),
					required: raw.required === true,
					schema: (raw.schema as Json | undefined) ?? {},
				});
			}
			const names: string[] = [];
			let literals = 0;
			const source = template
				.split('/')
				.map((segment) => {
					const found = /\{([^}]+)\}/.exec(segment);
					if (!found) {
						if (segment) literals++;
						return escape(segment);
					}
					names.push(found[1]);
					const [before, after] = segment.split(found[0]);
					return `${escape(before)}([^/]+)${escape(after)}`;
				})
				.join('/');
			const requestBody = op.requestBody ? deref(op.requestBody as Json) : undefined;
			const content = (requestBody?.content as Record<string, Json> | undefined) ?? {};
			const jsonType = Object.keys(content).find((type) => /json|\*\/\*/.test(type));
			const statuses = Object.keys((op.responses as Json | undefined) ?? {})
				.map(Number)
				.filter((status) => status >= 400 && status < 500)
				.sort((a, b) => a - b);
			operations.push({
				file,
				method: method.toUpperCase(),
				template,
				regex: new RegExp(`^${source}/?$`),
				names,
				literals,
				params: [...params.values()],
				body: requestBody
					? {
							required: requestBody.required === true,
							schema: jsonType ? (content[jsonType].schema as Json | undefined) : undefined,
						}
					: undefined,
				errorStatus: statuses.includes(400) ? 400 : (statuses[0] ?? 400),
			});
		}
	}
	return operations;
}

// ---------------------------------------------------------------------------------------------
// Checking

/** What a spec'd module declares: its spec files, the platform's prefix, its error shape. */
export interface SpecBinding {
	files: string[];
	/** Path prefix the platform serves the spec's paths under (`/cailapub` for NLP Direct). */
	prefix?: string;
	/** The module's error answer for a refused request. */
	error(status: number, message: string, path: string): FakeReply;
}

export function specBinding(
	files: string[],
	error: SpecBinding['error'],
	prefix?: string,
): SpecBinding {
	return { files, error, prefix };
}

export interface SpecCheck {
	/** `METHOD /template (file)`, or the request's method and path when no operation matched. */
	operation: string;
	/** What the spec forbids, one line each; empty when the request is allowed. */
	problems: string[];
	status: number;
}

export interface CheckedRequest {
	method: string;
	path: string;
	rawPath: string;
	body: unknown;
	rawBody: string;
}

/** Undefined when the specs are absent (nothing checked). */
export function checkRequest(binding: SpecBinding, req: CheckedRequest): SpecCheck | undefined {
	const specs = load();
	if (!specs) return undefined;
	const prefix = binding.prefix ?? '';
	const bare = req.path.startsWith(prefix) ? req.path.slice(prefix.length) : req.path;
	const candidates = specs.operations
		.filter((op) => binding.files.includes(op.file) && op.regex.test(bare))
		.sort((a, b) => b.literals - a.literals);
	// Path segments with digits (tokens, ids) left out: the list may end up in a test report.
	const shown = `${req.method} ${req.path.replace(/[^/]*\d[^/]*/g, '…')}`;
	if (candidates.length === 0)
		return { operation: shown, problems: ['no operation of the spec has this path'], status: 404 };
	const best = candidates.filter((op) => op.literals === candidates[0].literals);
	const op = best.find((candidate) => candidate.method === req.method);
	if (!op)
		return {
			operation: shown,
			problems: [`the spec has no ${req.method} on this path`],
			status: 405,
		};
	const operation = `${op.method} ${op.template} (${op.file})`;
	const problems: string[] = [];

	// Parameters: path ones by the template's names, query ones from the raw query (repeats kept).
	const match = op.regex.exec(bare) ?? [];
	const values: { path: Json; query: Json } = { path: {}, query: {} };
	op.names.forEach((name, index) => {
		try {
			values.path[name] = decodeURIComponent(match[index + 1]);
		} catch {
			values.path[name] = match[index + 1];
		}
	});
	const queryAt = req.rawPath.indexOf('?');
	const search = new URLSearchParams(queryAt < 0 ? '' : req.rawPath.slice(queryAt + 1));
	for (const param of op.params.filter((p) => p.in === 'query')) {
		const all = search.getAll(param.name);
		if (all.length === 0) continue;
		const schema = derefSchema(param.schema);
		values.query[param.name] =
			schema.type === 'array'
				? all.length === 1 && all[0].includes(',')
					? all[0].split(',')
					: all
				: all[all.length - 1];
	}
	op.validateParams ??= specs.coercing.compile(paramsSchema(op));
	if (!op.validateParams(values)) problems.push(...describeErrors(op.validateParams.errors));

	// Body.
	const hasBody = req.rawBody.trim() !== '';
	if (op.body?.required && !hasBody) problems.push('body is required');
	if (op.body?.schema && hasBody) {
		op.validateBody ??= specs.strict.compile(op.body.schema);
		if (!op.validateBody(req.body))
			problems.push(...describeErrors(op.validateBody.errors, 'body'));
	}
	return {
		operation,
		problems: [...new Set(problems)],
		status: problems.length ? op.errorStatus : 0,
	};
}

function derefSchema(schema: Json): Json {
	return typeof schema.$ref === 'string'
		? derefSchema(resolveRef(schema.$ref, docsForRefs))
		: schema;
}

function paramsSchema(op: Operation): Json {
	const group = (place: string) => {
		const params = op.params.filter((p) => p.in === place);
		return {
			type: 'object',
			properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
			required: params.filter((p) => p.required || place === 'path').map((p) => p.name),
		};
	};
	return { type: 'object', properties: { path: group('path'), query: group('query') } };
}

function describeErrors(errors: Ajv.ErrorObject[] | null | undefined, root?: string): string[] {
	return (errors ?? [])
		.filter((error) => error.keyword !== 'if')
		.map((error) => {
			const where = [root, ...error.dataPath.split('/').filter(Boolean)].filter(Boolean).join('.');
			const allowed =
				error.keyword === 'enum'
					? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
					: '';
			return `${where || 'request'} ${error.message ?? error.keyword}${allowed}`;
		});
}

// ---------------------------------------------------------------------------------------------
// Measuring across test files

/**
 * With `FAKE_SPEC_REPORT=<file>`, each fake platform appends one JSON line on close: requests
 * checked and violations (to count them over whole suites).
 */
export function reportSpecStats(checked: number, violations: string[]): void {
	const file = process.env.FAKE_SPEC_REPORT;
	if (!file) return;
	fs.appendFileSync(file, `${JSON.stringify({ checked, violations })}\n`);
}

// ---------------------------------------------------------------------------------------------
// Constraints, for generated bad input (test/reliability/badInput.cts)

/** What a spec constrains a request field to (the ones a client can break with a value). */
export interface SpecConstraint {
	/** `file: Schema.field` or `file: METHOD /path ?param`, where it was read. */
	source: string;
	minimum?: number;
	maximum?: number;
	format?: string;
	enum?: unknown[];
}

/**
 * The constrained request fields of the given spec files by name: query and path parameters and
 * the properties of request bodies (through `$ref`, `allOf` and array items). A name constrained
 * in several places keeps the first (the files in order, operations as written).
 */
export function requestConstraints(files: string[]): Map<string, SpecConstraint> {
	const found = new Map<string, SpecConstraint>();
	const specs = load();
	if (!specs) return found;
	const keep = (name: string, schema: Json, source: string) => {
		const s = derefSchema(schema);
		const c: SpecConstraint = { source };
		if (typeof s.minimum === 'number') c.minimum = s.minimum;
		if (typeof s.maximum === 'number') c.maximum = s.maximum;
		if (s.format === 'date-time' || s.format === 'date') c.format = s.format;
		if (Array.isArray(s.enum)) c.enum = s.enum;
		const items = s.type === 'array' && s.items ? derefSchema(s.items as Json) : undefined;
		if (items && Array.isArray(items.enum)) c.enum = items.enum;
		if (Object.keys(c).length > 1 && !found.has(name)) found.set(name, c);
	};
	const walk = (schema: Json | undefined, source: string, depth: number, seen: Set<Json>) => {
		if (!schema || depth > 4) return;
		const s = derefSchema(schema);
		if (seen.has(s)) return;
		seen.add(s);
		for (const part of (s.allOf as Json[] | undefined) ?? []) walk(part, source, depth, seen);
		if (s.items) walk(s.items as Json, source, depth + 1, seen);
		for (const [name, property] of Object.entries((s.properties as Record<string, Json>) ?? {})) {
			keep(name, property, `${source}.${name}`);
			walk(property, source, depth + 1, seen);
		}
	};
	for (const file of files)
		for (const op of specs.operations.filter((o) => o.file === file)) {
			for (const param of op.params.filter((p) => p.in !== 'header'))
				keep(param.name, param.schema, `${file}: ${op.method} ${op.template} ?${param.name}`);
			walk(op.body?.schema, `${file}: ${op.method} ${op.template} body`, 0, new Set());
		}
	return found;
}
