/**
 * Reporter API and Async API module of the fake platform (specs /work/shared/specs/reporter-api.yml
 * and async-api.yml, routes as in nodes/Reporter/api.ts). A seeded project (`acme-bot` by default)
 * with two bots, clients, sessions and messages (generated on the fly, so a bench can ask for
 * 50 000 messages without storing them), message labels in groups, session labels, comments,
 * A/B experiments and report tasks that complete after `reportDelayMs` and serve a real file
 * (CSV, or a minimal XLSX written here; or whatever `reportFile` returns).
 * Quirks kept from the spec: the `scenario-exeperiments` path, DELETE with a JSON body, bare JSON
 * string answers (filter set id, experiment branch), the client-list report id in `Z-Request-id`.
 * Where the spec is silent: errors use the gateway shape `{error, message, args}`; a
 * missing/unknown Bearer token is 401, a token in `forbiddenTokens` 403; page sizes follow the
 * switch of paging.cts (any by default); the Async `timeout` is in seconds; taskId equals requestId; each async answer is
 * delivered once.
 */
import { Readable } from 'node:stream';
import { crc32 as zlibCrc32 } from 'node:zlib';

import {
	errors,
	type FakeModule,
	type FakePlatform,
	type FakeReply,
	type FakeRequest,
	type Route,
	json,
} from './server.cts';
import { servedSize } from './paging.cts';
import { specBinding } from './spec.cts';

type Obj = Record<string, unknown>;

export interface ReportFile {
	/** Bytes of the file, or a stream factory for very large files. */
	body: Buffer | (() => Readable);
	fileName?: string;
	contentType?: string;
	/** Length, for streams (sent as Content-Length). */
	size?: number;
}

export interface ReporterOptions {
	/** Accepted unified tokens. Default: the integration tests' token and `reporter-token-1`. */
	tokens?: string[];
	/** Tokens that are known but lack Reporter access: 403. */
	forbiddenTokens?: string[];
	project?: string;
	sessions?: number;
	messagesPerSession?: number;
	clients?: number;
	/** Largest `size` served. Default: none [the spec sets none] (paging.cts). */
	maxPageSize?: number;
	/** Above `maxPageSize`, serve that many instead of answering 400 (paging.cts). */
	clampPageSize?: boolean;
	/** Time a report takes, ms. Default 150. */
	reportDelayMs?: number;
	/** The file a completed task serves; default CSV/XLSX from the sessions. */
	reportFile?: (task: Obj) => ReportFile;
}

export const REPORTER_DEFAULT_TOKENS = ['intg-unified-6b2d81f5', 'reporter-token-1'];
const BASE_TIME = Date.parse('2026-01-01T00:00:00.000Z');
const R = '/api/v1/reporter';

const bad = (message: string, args: Obj = {}) =>
	errors.gateway(400, 'reporter.common.validation_error', message, args);
const notFound = (what: string, id: unknown) =>
	errors.gateway(404, 'reporter.common.not_found', `${what} ${String(id)} not found`, {
		id: String(id),
	});
const ok = (body?: unknown, headers?: Record<string, string>) => json(200, body, headers);

// ---------------------------------------------------------------------------------------------
// A minimal XLSX (one sheet of inline strings) in a ZIP with stored entries.

function crc32(data: Buffer): number {
	return zlibCrc32 ? zlibCrc32(data) >>> 0 : crcFallback(data);
}
function crcFallback(data: Buffer): number {
	let crc = -1;
	for (const byte of data) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return (crc ^ -1) >>> 0;
}

export function zip(files: Array<[name: string, content: string]>): Buffer {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of files) {
		const data = Buffer.from(content, 'utf8');
		const nameBytes = Buffer.from(name, 'utf8');
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt32LE(crc, 16);
		entry.writeUInt32LE(data.length, 20);
		entry.writeUInt32LE(data.length, 24);
		entry.writeUInt16LE(nameBytes.length, 28);
		entry.writeUInt32LE(offset, 42);
		parts.push(local, nameBytes, data);
		central.push(entry, nameBytes);
		offset += 30 + nameBytes.length + data.length;
	}
	const centralSize = central.reduce((sum, b) => sum + b.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...parts, ...central, end]);
}

const esc = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function xlsx(rows: string[][]): Buffer {
	const col = (n: number) => String.fromCharCode(65 + n);
	const sheet = rows
		.map(
			(row, r) =>
				`<row r="${r + 1}">${row.map((v, c) => `<c r="${col(c)}${r + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`,
		)
		.join('');
	return zip([
		[
			'[Content_Types].xml',
			'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
		],
		[
			'_rels/.rels',
			'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
		],
		[
			'xl/workbook.xml',
			'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Report" sheetId="1" r:id="rId1"/></sheets></workbook>',
		],
		[
			'xl/_rels/workbook.xml.rels',
			'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
		],
		[
			'xl/worksheets/sheet1.xml',
			`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
		],
	]);
}

// ---------------------------------------------------------------------------------------------

export interface Task extends Obj {
	taskId: string;
	status: string;
	reportType: string;
}

export class ReporterModule implements FakeModule {
	routes: Route[];

	/** Every request is checked against these (spec.cts). */
	readonly spec = specBinding(['reporter-api.yml', 'async-api.yml'], (status, message) =>
		errors.gateway(status, 'reporter.common.validation_error', message),
	);

	readonly options: Required<Omit<ReporterOptions, 'reportFile' | 'maxPageSize'>> &
		Pick<ReporterOptions, 'reportFile' | 'maxPageSize'>;

	bots: string[] = [];
	messageLabels = new Map<number, Obj>();
	groups = new Map<number, Obj>();
	sessionLabels = new Map<number, Obj>();
	messageLabelLinks = new Map<string, Set<number>>();
	sessionLabelLinks = new Map<string, Set<number>>();
	comments = new Map<string, string>();
	experiments = new Map<string, Obj>();
	joins = new Map<string, Map<string, string>>();
	filterSets = new Map<string, Obj>();
	tasks = new Map<string, Task & { readyAt: number; fail?: string }>();
	/** Undelivered async answers, by requestId. */
	pending = new Set<string>();
	/** Bytes served per task id (for comparison in tests). */
	served = new Map<string, Buffer>();
	/** Makes the next created report fail with this message. */
	failNextReport?: string;
	private nextId = 100;

	constructor(
		readonly platform: FakePlatform,
		options: ReporterOptions = {},
	) {
		this.options = {
			tokens: options.tokens ?? REPORTER_DEFAULT_TOKENS,
			forbiddenTokens: options.forbiddenTokens ?? ['reporter-no-access'],
			project: options.project ?? 'acme-bot',
			sessions: options.sessions ?? 300,
			messagesPerSession: options.messagesPerSession ?? 10,
			clients: options.clients ?? 40,
			maxPageSize: options.maxPageSize,
			clampPageSize: options.clampPageSize ?? false,
			reportDelayMs: options.reportDelayMs ?? 150,
			reportFile: options.reportFile,
		};
		this.reset();
		this.routes = this.buildRoutes();
	}

	reset(): void {
		const p = this.options.project;
		this.bots = [`263-${p}-263-Wnu-49199`, `263-${p}-263-Wnu-49200`];
		for (const map of [
			this.messageLabels,
			this.groups,
			this.sessionLabels,
			this.messageLabelLinks,
			this.sessionLabelLinks,
			this.comments,
			this.experiments,
			this.joins,
			this.filterSets,
			this.tasks,
			this.served,
		])
			map.clear();
		this.pending.clear();
		this.failNextReport = undefined;
		this.nextId = 100;
		this.groups.set(1, { id: 1, name: 'Quality', priority: 0 });
		this.groups.set(2, { id: 2, name: 'Topics', priority: 1 });
		this.messageLabels.set(11, {
			id: 11,
			name: 'Good answer',
			priority: 0,
			group: this.groups.get(1),
		});
		this.messageLabels.set(12, {
			id: 12,
			name: 'Bad answer',
			priority: 1,
			group: this.groups.get(1),
		});
		this.messageLabels.set(13, { id: 13, name: 'Billing', priority: 0, group: this.groups.get(2) });
		this.sessionLabels.set(21, { id: 21, name: 'Resolved', priority: 0 });
		this.sessionLabels.set(22, { id: 22, name: 'Escalated', priority: 1 });
		this.sessionLabelLinks.set('s-0', new Set([21]));
		this.messageLabelLinks.set('q-0-0', new Set([11]));
		this.experiments.set('greeting', {
			key: 'greeting',
			description: 'Greeting A/B',
			status: 'RUNNING',
			branches: [{ key: 'A' }, { key: 'B' }],
		});
	}

	// --- seeded data, generated on the fly --------------------------------------------------

	client(n: number): Obj {
		return {
			id: `client-${n}`,
			accountId: 263,
			projectShortName: this.options.project,
			channelType: n % 2 ? 'chatwidget' : 'telegram',
			botId: this.bots[n % 2],
			lastSessionId: `s-${n}`,
			joinDate: new Date(BASE_TIME + n * 60_000).toISOString(),
			lastVisitDate: new Date(BASE_TIME + n * 3_600_000).toISOString(),
			isBlocked: false,
			firstName: `Client${n}`,
			lastName: 'Test',
		};
	}

	session(n: number, withLabels = true, withData = false): Obj {
		const c = n % this.options.clients;
		const empty = n % 10 === 9;
		const session: Obj = {
			sessionId: `s-${n}`,
			projectShortName: this.options.project,
			channelType: c % 2 ? 'chatwidget' : 'telegram',
			botId: this.bots[c % 2],
			client: { id: `client-${c}`, firstName: `Client${c}`, lastName: 'Test' },
			startTime: new Date(BASE_TIME + n * 60_000).toISOString(),
			isLivechat: false,
			questionCount: empty ? 0 : this.options.messagesPerSession,
			duration: 120,
			sessionResult: n % 3 ? 'SUCCESS' : 'FAIL',
			firstQuestion: 'hello',
			lastQuestion: 'bye',
		};
		if (withLabels)
			session.labels = [...(this.sessionLabelLinks.get(`s-${n}`) ?? [])]
				.map((id) => this.sessionLabels.get(id))
				.filter(Boolean);
		if (withData) session.sessionData = { plan: n % 2 ? 'pro' : 'free' };
		return session;
	}

	message(i: number): Obj {
		const per = this.options.messagesPerSession;
		const n = Math.floor(i / per);
		const k = i % per;
		const c = n % this.options.clients;
		const questionId = `q-${n}-${k}`;
		return {
			sessionId: `s-${n}`,
			projectShortName: this.options.project,
			channelType: c % 2 ? 'chatwidget' : 'telegram',
			botId: this.bots[c % 2],
			client: { id: `client-${c}`, firstName: `Client${c}` },
			sessionStartTime: new Date(BASE_TIME + n * 60_000).toISOString(),
			timestamp: new Date(BASE_TIME + n * 60_000 + k * 1000).toISOString(),
			questionId,
			isLivechat: false,
			question: k % 2 ? `I need help with billing ${i}` : `hello ${i}`,
			textAnswer: `answer ${i}`,
			nlpInfo: { nlpState: k % 2 ? '/Billing' : '/Hello' },
			labels: [...(this.messageLabelLinks.get(questionId) ?? [])]
				.map((id) => this.messageLabels.get(id))
				.filter(Boolean),
			comment: this.comments.get(questionId),
		};
	}

	messageCount(): number {
		return this.options.sessions * this.options.messagesPerSession;
	}

	// --- helpers -----------------------------------------------------------------------------

	private auth(req: FakeRequest): FakeReply | undefined {
		const header = String(req.headers.authorization ?? '');
		const match = /^Bearer (.+)$/.exec(header);
		if (!match)
			return errors.gateway(
				401,
				'gateway.auth.missing_token',
				'Authorization: Bearer token required',
			);
		if (this.options.forbiddenTokens.includes(match[1]))
			return errors.gateway(
				403,
				'gateway.auth.access_denied',
				'The token has no REPORTER_API access',
			);
		if (!this.options.tokens.includes(match[1]))
			return errors.gateway(401, 'gateway.auth.invalid_token', `Token ${match[1]} is not valid`);
		const project = req.query.projectShortName;
		if (project && project !== this.options.project)
			return errors.gateway(
				403,
				'reporter.access.project_forbidden',
				`No access to project ${project}`,
			);
		return undefined;
	}

	private page(req: FakeRequest): { page: number; size: number } | FakeReply {
		const page = Number(req.query.page ?? 0);
		const asked = Number(req.query.size ?? 20);
		if (!Number.isInteger(page) || page < 0) return bad('page must be >= 0');
		const size = Number.isInteger(asked) && asked >= 1 ? servedSize(asked, this.options) : 0;
		if (!size)
			return bad(`size must be between 1 and ${this.options.maxPageSize ?? asked}`, {
				size: String(asked),
			});
		return { page, size };
	}

	private paged(
		req: FakeRequest,
		key: string,
		total: number,
		at: (index: number) => Obj | undefined,
		extra: Obj = {},
	): FakeReply {
		const p = this.page(req);
		if ('status' in p) return p;
		const list: Obj[] = [];
		for (let i = p.page * p.size; i < Math.min(total, (p.page + 1) * p.size); i++) {
			const item = at(i);
			if (item) list.push(item);
		}
		return ok({
			paging: { pageNum: p.page, pageSize: p.size, totalCount: total },
			[key]: list,
			...extra,
		});
	}

	/** The filters of a FiltersDto body, validated as the spec describes them. */
	private filters(req: FakeRequest): Obj[] | FakeReply {
		if (req.body === undefined) return [];
		const body = req.body as Obj;
		if (
			!body ||
			typeof body !== 'object' ||
			(body.filters !== undefined && !Array.isArray(body.filters))
		)
			return bad('filters must be an array');
		const types = [
			'TEXT',
			'DATE_TIME_RANGE',
			'NUMERIC_RANGE',
			'CHECKBOX',
			'RADIO',
			'TREE',
			'CUSTOM_FIELDS_IN_RESPONSE',
			'COMPOSITE_FILTER',
		];
		for (const filter of (body.filters ?? []) as Obj[]) {
			if (!filter?.key || !types.includes(String(filter.type)))
				return bad(`invalid filter ${JSON.stringify(filter)}`);
			if (filter.type === 'DATE_TIME_RANGE') {
				for (const edge of ['from', 'to']) {
					if (
						filter[edge] !== undefined &&
						!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(String(filter[edge]))
					)
						return bad(`${edge} must be yyyy-MM-ddTHH:mm:ss.SSSZ`);
				}
			}
		}
		return (body.filters ?? []) as Obj[];
	}

	/** Whether a session (and, for message keys, a message) passes the filters. */
	private passes(filters: Obj[], session: Obj, message?: Obj): boolean {
		return filters.every((f) => {
			const values = ((f.options ?? f.values ?? []) as string[]).map(String);
			const inList = (actual: string[]) => {
				const hit = actual.some((v) => values.includes(v));
				return f.comparisonType === 'NOT_CONTAINS'
					? !hit
					: f.comparisonType === 'EXISTS'
						? actual.length > 0
						: f.comparisonType === 'NOT_EXISTS'
							? actual.length === 0
							: hit;
			};
			switch (f.key) {
				case 'SESSION_START_TIME':
				case 'MESSAGE_TIME': {
					const t = Date.parse(
						String(f.key === 'MESSAGE_TIME' && message ? message.timestamp : session.startTime),
					);
					return (
						(!f.from || t >= Date.parse(String(f.from))) && (!f.to || t <= Date.parse(String(f.to)))
					);
				}
				case 'BOT_ID':
					return inList([String(session.botId)]);
				case 'CHANNEL_TYPE':
					return inList([String(session.channelType)]);
				case 'SESSION_LABELS':
					return inList(
						[...(this.sessionLabelLinks.get(String(session.sessionId)) ?? [])].map(String),
					);
				case 'LOG_LABELS':
					return (
						!message ||
						inList([...(this.messageLabelLinks.get(String(message.questionId)) ?? [])].map(String))
					);
				case 'WITHOUT_EMPTY_SESSIONS':
					return f.option !== 'YES' || Number(session.questionCount) > 0;
				case 'MESSAGE_COUNT':
					return (
						Number(session.questionCount) >= Number(f.from ?? 0) &&
						(f.to === undefined || Number(session.questionCount) <= Number(f.to))
					);
				case 'MESSAGE_TEXT':
				case 'ANSWER_TEXT':
				case 'MESSAGE_OR_ANSWER_TEXT':
				case 'CLIENT_ID_OR_NAME': {
					const text =
						f.key === 'CLIENT_ID_OR_NAME'
							? `${String((session.client as Obj).id)} ${String((session.client as Obj).firstName)}`
							: message
								? `${f.key !== 'ANSWER_TEXT' ? String(message.question) : ''} ${f.key !== 'MESSAGE_TEXT' ? String(message.textAnswer) : ''}`
								: String(session.firstQuestion);
					const norm = (s: string) => (f.isCaseSensitive ? s : s.toLowerCase());
					const hit = values.some((v) =>
						f.comparisonType === 'EQUALS'
							? norm(text.trim()) === norm(v)
							: norm(text).includes(norm(v)),
					);
					return f.comparisonType === 'NOT_CONTAINS' ? !hit : hit;
				}
				default:
					return true;
			}
		});
	}

	private filteredSessions(filters: Obj[]): number[] {
		const ids: number[] = [];
		for (let n = 0; n < this.options.sessions; n++)
			if (this.passes(filters, this.session(n, false))) ids.push(n);
		return ids;
	}

	private id(): number {
		return ++this.nextId;
	}

	private label(map: Map<number, Obj>, req: FakeRequest, what: string): Obj | FakeReply {
		const found = map.get(Number(req.params.id));
		return found ?? notFound(what, req.params.id);
	}

	private labelIdOf(req: FakeRequest, map: Map<number, Obj>): number | FakeReply {
		const labelId = Number((req.body as Obj | undefined)?.labelId);
		if (!Number.isInteger(labelId)) return bad('labelId required in the body');
		return map.has(labelId) ? labelId : notFound('Label', labelId);
	}

	// --- reports ------------------------------------------------------------------------------

	taskView(task: Task & { readyAt: number; fail?: string }): Task {
		const { readyAt, fail, ...view } = task;
		const now = Date.now();
		if (view.status === 'CREATED' || view.status === 'STARTED') {
			if (now >= readyAt) view.status = fail ? 'FAILED' : 'COMPLETED';
			else if (now >= readyAt - this.options.reportDelayMs / 2) view.status = 'STARTED';
			task.status = view.status;
		}
		if (view.status === 'COMPLETED') {
			view.writeCount = view.totalCount;
			view.fileName = `report-${view.taskId}.${String((view.settings as Obj | undefined)?.fileType ?? 'XLSX').toLowerCase()}`;
			view.fileUrl = `${this.platform.url}${R}/files/${view.taskId}/${String(view.fileName)}`;
		}
		return view;
	}

	private createTask(
		reportType: string,
		settings: Obj | undefined,
		project?: string,
	): Task & { readyAt: number; fail?: string } {
		const taskId = `task-${this.id()}-${reportType.toLowerCase()}`;
		const task = {
			taskId,
			accountId: 263,
			creationTime: new Date().toISOString(),
			status: 'CREATED',
			reportType,
			settings: settings ?? { fileType: 'XLSX' },
			projectShortName: project ?? this.options.project,
			writeCount: 0,
			totalCount: this.options.sessions,
			readyAt: Date.now() + this.options.reportDelayMs,
			fail: this.failNextReport,
		};
		this.failNextReport = undefined;
		this.tasks.set(taskId, task);
		this.pending.add(taskId);
		return task;
	}

	defaultFile(task: Obj): ReportFile {
		const header = ['sessionId', 'botId', 'client', 'startTime'];
		const rows = Array.from({ length: Math.min(50, this.options.sessions) }, (_v, n) => {
			const s = this.session(n, false);
			return [
				String(s.sessionId),
				String(s.botId),
				String((s.client as Obj).id),
				String(s.startTime),
			];
		});
		const settings = (task.settings ?? {}) as Obj;
		if (settings.fileType === 'CSV') {
			const d = String(settings.delimiter ?? ',');
			const lines = [...(settings.withHeader === false ? [] : [header]), ...rows].map((r) =>
				r.join(d),
			);
			return { body: Buffer.from(lines.join('\n') + '\n', 'utf8'), contentType: 'text/csv' };
		}
		return {
			body: xlsx([header, ...rows]),
			contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		};
	}

	private async asyncEvents(req: FakeRequest, signal: AbortSignal): Promise<FakeReply> {
		const requestId = req.query.requestId;
		const until = Date.now() + Math.min(Number(req.query.timeout ?? 0), 60) * 1000;
		for (;;) {
			const ready = [...this.pending].filter(
				(id) =>
					(!requestId || id === requestId) &&
					['COMPLETED', 'FAILED'].includes(this.taskView(this.tasks.get(id)!).status),
			);
			if (ready.length || Date.now() >= until || signal.aborted) {
				return ok({
					response: ready.map((id) => {
						this.pending.delete(id);
						const task = this.tasks.get(id)!;
						const view = this.taskView(task);
						const base = {
							requestId: id,
							requestTime: task.creationTime,
							responseTime: new Date().toISOString(),
						};
						return view.status === 'FAILED'
							? {
									...base,
									isOk: false,
									error: {
										error: 'reporter.report.generation_failed',
										message: task.fail,
										args: {},
									},
								}
							: { ...base, isOk: true, payload: view };
					}),
				});
			}
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}

	private createReport(type: string, withBody: 'report' | 'none' | 'daily' | 'reaction') {
		return (req: FakeRequest): FakeReply => {
			const body = (req.body ?? {}) as Obj;
			if (withBody === 'daily' && !/^\d{4}-\d{2}-\d{2}$/.test(String(body.date ?? '')))
				return bad('date must be YYYY-MM-DD');
			if (withBody === 'reaction') {
				if (!body.projectShortName || !body.botId)
					return bad('projectShortName and botId are required');
				for (const k of ['messageTimeFrom', 'messageTimeTo', 'reactionTimeFrom', 'reactionTimeTo'])
					if (body[k] !== undefined && typeof body[k] !== 'number')
						return bad(`${k} must be epoch ms`);
			}
			if (withBody === 'report') {
				const filters = this.filters(req);
				if (!Array.isArray(filters)) return filters;
			}
			const settings = body.settings as Obj | undefined;
			if (settings && !['XLSX', 'CSV'].includes(String(settings.fileType)))
				return bad('settings.fileType must be XLSX or CSV');
			const task = this.createTask(
				type,
				withBody === 'none' ? undefined : settings,
				req.query.projectShortName,
			);
			if (type === 'CLIENTS_LIST')
				return {
					status: 200,
					headers: { 'Z-Request-id': task.taskId, 'Z-Request-time': task.creationTime as string },
				};
			return ok({ requestId: task.taskId, requestTime: task.creationTime });
		};
	}

	private download(req: FakeRequest): FakeReply {
		const task = this.tasks.get(req.params.taskId);
		if (!task || this.taskView(task).status !== 'COMPLETED')
			return notFound('File', req.params.taskId);
		const file = this.options.reportFile?.(this.taskView(task)) ?? this.defaultFile(task);
		const headers: Record<string, string> = {
			'Content-Type': file.contentType ?? 'application/octet-stream',
			'Content-Disposition': `attachment; filename="${req.params.name}"`,
		};
		if (Buffer.isBuffer(file.body)) {
			this.served.set(task.taskId, file.body);
			return { status: 200, raw: file.body, headers };
		}
		if (file.size !== undefined) headers['Content-Length'] = String(file.size);
		return { status: 200, stream: file.body(), headers };
	}

	// --- routes -------------------------------------------------------------------------------

	private buildRoutes(): Route[] {
		const route = (
			method: Route['method'],
			pattern: string,
			handler: (req: FakeRequest, signal: AbortSignal) => FakeReply | Promise<FakeReply>,
		): Route => ({
			method,
			pattern,
			handler: async (req, ctx) => this.auth(req) ?? (await handler(req, ctx.signal)),
		});
		const stats = (req: FakeRequest): FakeReply => {
			const filters = this.filters(req);
			if (!Array.isArray(filters)) return filters;
			if (
				!['HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR', undefined].includes(
					req.query.intervalType,
				)
			)
				return bad('intervalType');
			// One point per interval (× step) from the first session on; sessions start a minute apart.
			const spans: Record<string, number> = {
				HOUR: 3_600_000,
				DAY: 86_400_000,
				WEEK: 7 * 86_400_000,
			};
			const span =
				(spans[req.query.intervalType ?? 'DAY'] ?? 30 * 86_400_000) *
				Math.max(1, Number(req.query.step ?? 1));
			const points = new Map<number, number>();
			for (const n of this.filteredSessions(filters)) {
				const ts = BASE_TIME + Math.floor((n * 60_000) / span) * span;
				points.set(ts, (points.get(ts) ?? 0) + 1);
			}
			const stats = [...points].map(([ts, value]) => ({ ts, value }));
			return ok({
				stats,
				totalCount: stats.reduce((sum, p) => sum + p.value, 0),
				filterSetId: 'fs-auto',
			});
		};
		const dated = (req: FakeRequest): FakeReply | undefined => {
			for (const k of ['dateFrom', 'dateTo'])
				if (!/^\d{4}-\d{2}-\d{2}$/.test(req.query[k] ?? '')) return bad(`${k} must be YYYY-MM-DD`);
			return undefined;
		};
		const labelsList = (map: Map<number, Obj>) =>
			[...map.values()].sort((a, b) => Number(a.priority) - Number(b.priority));
		const priorities =
			(map: Map<number, Obj>) =>
			(req: FakeRequest): FakeReply => {
				if (!Array.isArray(req.body)) return bad('body must be an array of {id, newPriority}');
				for (const e of req.body as Obj[]) {
					const item = map.get(Number(e.id));
					if (!item) return notFound('Item', e.id);
					item.priority = Number(e.newPriority);
				}
				return ok();
			};
		const links = (map: Map<string, Set<number>>) => (id: string) => {
			if (!map.has(id)) map.set(id, new Set());
			return map.get(id)!;
		};
		const msgLinks = links(this.messageLabelLinks);
		const sesLinks = links(this.sessionLabelLinks);
		const bulk =
			(
				labels: Map<number, Obj>,
				linksOf: (id: string) => Set<number>,
				allIds: (filters: Obj[]) => string[],
			) =>
			(req: FakeRequest): FakeReply => {
				const body = (req.body ?? {}) as Obj;
				if (!body.comparisonType || !Array.isArray(body.labels))
					return bad('comparisonType and labels are required');
				for (const id of body.labels as number[])
					if (!labels.has(Number(id))) return notFound('Label', id);
				const ids = Array.isArray(body.objectIds)
					? (body.objectIds as string[])
					: allIds(((body.filters as Obj | undefined)?.filters ?? []) as Obj[]);
				for (const id of ids)
					for (const label of body.labels as number[])
						body.comparisonType === 'NOT_CONTAINS'
							? linksOf(id).delete(Number(label))
							: linksOf(id).add(Number(label));
				return ok();
			};

		return [
			route(
				'GET',
				`${R}/stats/switched-sessions`,
				(req) =>
					dated(req) ??
					(['SWITCH', 'TEXT'].includes(req.query.transferToOperatorMethod ?? '')
						? ok({
								stats: [{ ts: Date.parse(`${req.query.dateFrom}T00:00:00Z`), value: 3 }],
								totalCount: 3,
							})
						: bad('transferToOperatorMethod')),
			),
			route(
				'GET',
				`${R}/stats/telephony`,
				(req) =>
					dated(req) ??
					ok({
						averageCallDurationInSeconds: 42.5,
						billingCount: [{ ts: BASE_TIME, value: 7 }],
						incomingCount: [{ ts: BASE_TIME, value: 4 }],
						outgoingCount: [{ ts: BASE_TIME, value: 3 }],
					}),
			),
			route('GET', `${R}/stats/unique-clients`, () =>
				ok([{ projectShortName: this.options.project, totalCount: this.options.clients }]),
			),
			route('POST', `${R}/stats/messages/with-advanced-filters`, stats),
			route('POST', `${R}/stats/sessions/with-advanced-filters`, stats),
			route('POST', `${R}/stats/session-labels`, () =>
				ok({
					stats: labelsList(this.sessionLabels).map((label) => ({
						label,
						tsToValues: [{ ts: BASE_TIME, value: 1 }],
						totalCount: 1,
					})),
				}),
			),
			route('POST', `${R}/stats/log-labels`, () =>
				ok({
					stats: labelsList(this.messageLabels).map((label) => ({
						label,
						tsToValues: [{ ts: BASE_TIME, value: 2 }],
						totalCount: 2,
					})),
				}),
			),
			route('POST', `${R}/sessions/filter`, (req) => {
				const filters = this.filters(req);
				if (!Array.isArray(filters)) return filters;
				const ids = this.filteredSessions(filters);
				return this.paged(req, 'sessions', ids.length, (i) =>
					this.session(
						ids[i],
						req.query.needToReturnSessionLabels === 'true',
						req.query.needToReturnSessionData === 'true',
					),
				);
			}),
			route('GET', `${R}/projects/sessions/count`, () =>
				ok([{ projectShortName: this.options.project, amount: this.options.sessions }]),
			),
			route('POST', `${R}/clients/filter`, (req) => {
				const filters = this.filters(req);
				if (!Array.isArray(filters)) return filters;
				const ids = Array.from({ length: this.options.clients }, (_v, n) => n).filter((n) =>
					this.passes(filters, { ...this.session(n, false), client: this.client(n) }),
				);
				return this.paged(req, 'clients', ids.length, (i) => this.client(ids[i]));
			}),
			route('POST', `${R}/clients/all-for-bot`, (req) => {
				if (!req.query.botId || !req.query.projectShortName || !req.query.dateTo)
					return bad('projectShortName, botId and dateTo are required');
				const ids = Array.from({ length: this.options.clients }, (_v, n) => n).filter(
					(n) =>
						this.client(n).botId === req.query.botId &&
						Date.parse(String(this.client(n).joinDate)) <= Date.parse(req.query.dateTo),
				);
				return this.paged(req, 'clients', ids.length, (i) => this.client(ids[i]));
			}),
			route('POST', `${R}/messages/filter`, (req) => {
				const filters = this.filters(req);
				if (!Array.isArray(filters)) return filters;
				if (filters.length === 0)
					return this.paged(req, 'messages', this.messageCount(), (i) => this.message(i));
				const ids: number[] = [];
				for (let i = 0; i < this.messageCount(); i++) {
					const m = this.message(i);
					if (
						this.passes(
							filters,
							this.session(Math.floor(i / this.options.messagesPerSession), false),
							m,
						)
					)
						ids.push(i);
				}
				return this.paged(req, 'messages', ids.length, (i) => this.message(ids[i]));
			}),
			route('GET', `${R}/messages/by-session`, (req) => {
				const n = Number(/^s-(\d+)$/.exec(req.query.sessionId ?? '')?.[1] ?? NaN);
				if (!(n >= 0 && n < this.options.sessions)) return notFound('Session', req.query.sessionId);
				const per = this.options.messagesPerSession;
				return this.paged(req, 'messages', per, (i) => this.message(n * per + i), {
					session: this.session(n),
				});
			}),
			route('GET', `${R}/messages/by-client`, (req) => {
				if (!req.query.botId || !req.query.clientId) return bad('botId and clientId are required');
				const c = Number(/^client-(\d+)$/.exec(req.query.clientId)?.[1] ?? NaN);
				if (!(c >= 0 && c < this.options.clients)) return notFound('Client', req.query.clientId);
				const per = this.options.messagesPerSession;
				const ids: number[] = [];
				for (let n = c; n < this.options.sessions; n += this.options.clients)
					for (let k = 0; k < per; k++) ids.push(n * per + k);
				if (req.query.sort === 'desc') ids.reverse();
				return this.paged(req, 'messages', ids.length, (i) => this.message(ids[i]), {
					client: this.client(c),
				});
			}),
			route('GET', `${R}/messages/page-in-session`, (req) => {
				const k = Number(/^q-\d+-(\d+)$/.exec(req.query.questionId ?? '')?.[1] ?? NaN);
				if (!req.query.sessionId || Number.isNaN(k))
					return bad('sessionId and questionId are required');
				return ok({ pageNumber: Math.floor(k / Number(req.query.size ?? 20)) });
			}),
			route('GET', `${R}/messages/page-in-client`, (req) => {
				const m = /^q-(\d+)-(\d+)$/.exec(req.query.questionId ?? '');
				if (!req.query.botId || !req.query.clientId || !m)
					return bad('botId, clientId and questionId are required');
				const index =
					Math.floor(Number(m[1]) / this.options.clients) * this.options.messagesPerSession +
					Number(m[2]);
				return ok({ pageNumber: Math.floor(index / Number(req.query.size ?? 20)) });
			}),
			route('POST', `${R}/state-routes/filter`, (req) => {
				const filters = this.filters(req);
				if (!Array.isArray(filters)) return filters;
				return this.paged(req, 'routes', 25, (i) => ({
					stateRoutes: ['/Start', `/Step${i}`],
					stateRouteResult: i % 2 ? 'SUCCESS' : 'FAIL',
					sessionsCount: 100 - i,
				}));
			}),
			// Message labels: literal segments before /{id}
			route('PUT', `${R}/message/labels/change-priority`, priorities(this.messageLabels)),
			route('PUT', `${R}/message/labels/groups/change-priority`, priorities(this.groups)),
			route('PUT', `${R}/message/labels/groups`, (req) => {
				if (!Array.isArray(req.body)) return bad('body must be an array');
				for (const e of req.body as Obj[])
					if (!this.groups.has(Number(e.id))) return notFound('Group', e.id);
				for (const e of req.body as Obj[])
					Object.assign(
						this.groups.get(Number(e.id))!,
						e.name !== undefined ? { name: e.name } : {},
						e.priority !== undefined ? { priority: e.priority } : {},
					);
				return ok();
			}),
			route('GET', `${R}/message/labels/groups/:id`, (req) => {
				const group = this.label(this.groups, req, 'Group');
				return 'status' in group && typeof group.status === 'number'
					? (group as FakeReply)
					: ok(group);
			}),
			route('PUT', `${R}/message/labels/groups/:id`, (req) => {
				const body = (req.body ?? {}) as Obj;
				if (typeof body.name !== 'string' || typeof body.priority !== 'number')
					return bad('name and priority are required');
				const group = this.groups.get(Number(req.params.id));
				if (!group) return notFound('Group', req.params.id);
				Object.assign(group, { name: body.name, priority: body.priority });
				return ok();
			}),
			route('DELETE', `${R}/message/labels/groups/:id`, (req) => {
				if (!this.groups.delete(Number(req.params.id))) return notFound('Group', req.params.id);
				for (const [id, label] of this.messageLabels)
					if ((label.group as Obj).id === Number(req.params.id)) this.messageLabels.delete(id);
				return ok();
			}),
			route('POST', `${R}/message/labels/by-list`, (req) => {
				if (!Array.isArray(req.body)) return bad('body must be an array');
				for (const e of req.body as Obj[])
					if (!e.name || e.priority === undefined || !(e.group as Obj | undefined)?.name)
						return bad('name, priority and group.name are required');
				for (const e of req.body as Obj[]) this.addMessageLabel(e);
				return ok();
			}),
			route('PUT', `${R}/message/labels/by-list`, (req) => {
				if (!Array.isArray(req.body)) return bad('body must be an array');
				for (const e of req.body as Obj[])
					if (!this.messageLabels.has(Number(e.id))) return notFound('Label', e.id);
				for (const e of req.body as Obj[]) {
					const label = this.messageLabels.get(Number(e.id))!;
					if (e.name !== undefined) label.name = e.name;
					if (e.priority !== undefined) label.priority = e.priority;
					if (e.groupId !== undefined)
						label.group = this.groups.get(Number(e.groupId)) ?? label.group;
				}
				return ok();
			}),
			route(
				'POST',
				`${R}/message/labels/logs/bulk-labeling`,
				bulk(this.messageLabels, msgLinks, () =>
					Array.from({ length: Math.min(this.messageCount(), 100) }, (_v, i) =>
						String(this.message(i).questionId),
					),
				),
			),
			route('POST', `${R}/message/labels/logs/set-by-list`, (req) => {
				if (!req.query.questionId || !req.query.sessionId || !Array.isArray(req.body))
					return bad('questionId, sessionId and a body array are required');
				const ids = (req.body as Obj[]).map((e) => Number(e.labelId));
				for (const id of ids) if (!this.messageLabels.has(id)) return notFound('Label', id);
				this.messageLabelLinks.set(req.query.questionId, new Set(ids));
				return ok();
			}),
			route('POST', `${R}/message/labels/logs`, (req) => {
				if (!req.query.questionId) return bad('questionId is required');
				const id = this.labelIdOf(req, this.messageLabels);
				if (typeof id !== 'number') return id;
				msgLinks(req.query.questionId).add(id);
				return ok();
			}),
			route('DELETE', `${R}/message/labels/logs`, (req) => {
				if (!req.query.questionId) return bad('questionId is required');
				const id = this.labelIdOf(req, this.messageLabels);
				if (typeof id !== 'number') return id;
				msgLinks(req.query.questionId).delete(id);
				return ok();
			}),
			route('POST', `${R}/message/labels`, (req) => {
				const body = (req.body ?? {}) as Obj;
				if (!body.name || body.priority === undefined || !(body.group as Obj | undefined)?.name)
					return bad('name, priority and group.name are required');
				return ok(this.addMessageLabel(body));
			}),
			route('GET', `${R}/message/labels`, () => ok(labelsList(this.messageLabels))),
			route('GET', `${R}/message/labels/:id`, (req) =>
				this.messageLabels.has(Number(req.params.id))
					? ok(this.messageLabels.get(Number(req.params.id)))
					: notFound('Label', req.params.id),
			),
			route('PUT', `${R}/message/labels/:id`, (req) => {
				const body = (req.body ?? {}) as Obj;
				const label = this.messageLabels.get(Number(req.params.id));
				if (!label) return notFound('Label', req.params.id);
				if (
					typeof body.name !== 'string' ||
					typeof body.groupId !== 'number' ||
					typeof body.priority !== 'number'
				)
					return bad('name, groupId and priority are required');
				if (!this.groups.has(body.groupId)) return notFound('Group', body.groupId);
				Object.assign(label, {
					name: body.name,
					priority: body.priority,
					group: this.groups.get(body.groupId),
				});
				return ok();
			}),
			route('DELETE', `${R}/message/labels/:id`, (req) =>
				this.messageLabels.delete(Number(req.params.id)) ? ok() : notFound('Label', req.params.id),
			),
			// Session labels
			route('PUT', `${R}/logs/labels/sessions/change-priority`, priorities(this.sessionLabels)),
			route('POST', `${R}/logs/labels/sessions`, (req) => {
				const body = (req.body ?? {}) as Obj;
				if (typeof body.name !== 'string' || !body.name || typeof body.priority !== 'number')
					return bad('name and priority are required');
				const label = { id: this.id(), name: body.name, priority: body.priority };
				this.sessionLabels.set(label.id, label);
				return ok(label);
			}),
			route('GET', `${R}/logs/labels/sessions/:id`, (req) =>
				this.sessionLabels.has(Number(req.params.id))
					? ok(this.sessionLabels.get(Number(req.params.id)))
					: notFound('Session label', req.params.id),
			),
			route('PUT', `${R}/logs/labels/sessions/:id`, (req) => {
				const body = (req.body ?? {}) as Obj;
				const label = this.sessionLabels.get(Number(req.params.id));
				if (!label) return notFound('Session label', req.params.id);
				if (typeof body.name !== 'string' || typeof body.priority !== 'number')
					return bad('name and priority are required');
				Object.assign(label, { name: body.name, priority: body.priority });
				return ok();
			}),
			route('DELETE', `${R}/logs/labels/sessions/:id`, (req) =>
				this.sessionLabels.delete(Number(req.params.id))
					? ok()
					: notFound('Session label', req.params.id),
			),
			route('PUT', `${R}/session-labels/by-list`, (req) => {
				if (!Array.isArray(req.body)) return bad('body must be an array');
				for (const e of req.body as Obj[])
					if (!this.sessionLabels.has(Number(e.id))) return notFound('Session label', e.id);
				for (const e of req.body as Obj[])
					Object.assign(
						this.sessionLabels.get(Number(e.id))!,
						e.name !== undefined ? { name: e.name } : {},
						e.priority !== undefined ? { priority: e.priority } : {},
					);
				return ok();
			}),
			route('POST', `${R}/session-labels/sessions/set-by-list`, (req) => {
				if (!req.query.sessionId || !Array.isArray(req.body))
					return bad('sessionId and a body array are required');
				const ids = (req.body as Obj[]).map((e) => Number(e.labelId));
				for (const id of ids) if (!this.sessionLabels.has(id)) return notFound('Session label', id);
				this.sessionLabelLinks.set(req.query.sessionId, new Set(ids));
				return ok();
			}),
			route(
				'POST',
				`${R}/session-labels/sessions/bulk-labeling`,
				bulk(this.sessionLabels, sesLinks, (filters) =>
					this.filteredSessions(filters).map((n) => `s-${n}`),
				),
			),
			route('POST', `${R}/session-labels/sessions`, (req) => {
				if (!req.query.sessionId) return bad('sessionId is required');
				const id = this.labelIdOf(req, this.sessionLabels);
				if (typeof id !== 'number') return id;
				sesLinks(req.query.sessionId).add(id);
				return ok();
			}),
			route('DELETE', `${R}/session-labels/sessions`, (req) => {
				if (!req.query.sessionId) return bad('sessionId is required');
				const id = this.labelIdOf(req, this.sessionLabels);
				if (typeof id !== 'number') return id;
				sesLinks(req.query.sessionId).delete(id);
				return ok();
			}),
			// Comments
			route('POST', `${R}/comments/:questionId`, (req) => {
				const body = (req.body ?? {}) as Obj;
				if (typeof body.comment !== 'string' || body.questionId !== req.params.questionId)
					return bad('questionId and comment are required');
				this.comments.set(req.params.questionId, body.comment);
				return ok();
			}),
			route('DELETE', `${R}/comments/:questionId`, (req) =>
				this.comments.delete(req.params.questionId)
					? ok()
					: notFound('Comment', req.params.questionId),
			),
			// Reports
			route('GET', `${R}/reports`, () =>
				ok({ tasks: [...this.tasks.values()].map((t) => this.taskView(t)) }),
			),
			route('DELETE', `${R}/reports`, () => {
				for (const [id, t] of this.tasks)
					if (this.taskView(t).status === 'COMPLETED') this.tasks.delete(id);
				return ok();
			}),
			route('DELETE', `${R}/reports/all`, () => {
				this.tasks.clear();
				return ok();
			}),
			route('GET', `${R}/reports/tasks/:taskId`, (req) =>
				this.tasks.has(req.params.taskId)
					? ok(this.taskView(this.tasks.get(req.params.taskId)!))
					: notFound('Task', req.params.taskId),
			),
			route('DELETE', `${R}/reports/tasks/:taskId`, (req) =>
				this.tasks.delete(req.params.taskId) ? ok() : notFound('Task', req.params.taskId),
			),
			// The task's `fileUrl`, handed out by the platform: not an operation of the spec.
			{ ...route('GET', `${R}/files/:taskId/:name`, (req) => this.download(req)), spec: false },
			route(
				'POST',
				'/api/v1/async/reporter/reports/sessions',
				this.createReport('SESSIONS', 'report'),
			),
			route(
				'POST',
				'/api/v1/async/reporter/reports/messages',
				this.createReport('MESSAGES', 'report'),
			),
			route(
				'POST',
				'/api/v1/async/reporter/reports/clients',
				this.createReport('CLIENTS', 'report'),
			),
			route(
				'POST',
				'/api/v1/async/reporter/reports/telephony',
				this.createReport('TELEPHONY', 'none'),
			),
			route('POST', '/api/v1/async/reporter/reports/daily', this.createReport('DAILY', 'daily')),
			route(
				'POST',
				'/api/v1/async/reporter/reports/client-list',
				this.createReport('CLIENTS_LIST', 'report'),
			),
			route(
				'POST',
				'/api/v1/async/reporter/reports/message-reaction',
				this.createReport('MESSAGE_REACTION', 'reaction'),
			),
			route('GET', '/api/v1/async/events', (req, signal) => this.asyncEvents(req, signal)),
			// Filters
			route('GET', `${R}/filters`, (req) =>
				req.query.analyticsSection
					? ok([
							{
								key: 'SESSION_START_TIME',
								type: 'DATE_TIME_RANGE',
								label: 'Period',
								isDefault: true,
								isRequired: true,
							},
							{
								key: 'BOT_ID',
								type: 'CHECKBOX',
								label: req.headers.language === 'ru' ? 'Бот' : 'Bot',
								isDefault: false,
								isRequired: false,
							},
							{
								key: 'WITHOUT_EMPTY_SESSIONS',
								type: 'RADIO',
								label: 'Without empty sessions',
								isDefault: false,
								isRequired: false,
							},
						])
					: bad('analyticsSection is required'),
			),
			route('POST', `${R}/filter-options`, (req) => {
				if (!req.query.filterKey || !req.query.analyticsSection)
					return bad('filterKey and analyticsSection are required');
				const all =
					req.query.filterKey === 'BOT_ID'
						? this.bots.map((b) => ({ value: b, label: `Bot ${b.slice(-5)}`, isSelected: false }))
						: req.query.filterKey === 'SESSION_LABELS'
							? [...this.sessionLabels.values()].map((l) => ({
									value: String(l.id),
									label: String(l.name),
									isSelected: false,
								}))
							: req.query.filterKey === 'LOG_LABELS'
								? [...this.messageLabels.values()].map((l) => ({
										value: String(l.id),
										label: String(l.name),
										isSelected: false,
									}))
								: req.query.filterKey === 'CHANNEL_TYPE'
									? ['chatwidget', 'telegram'].map((value) => ({
											value,
											label: value,
											isSelected: false,
										}))
									: Array.from({ length: 30 }, (_v, i) => ({
											value: `v${i}`,
											label: `Value ${i}`,
											isSelected: false,
										}));
				const p = this.page(req);
				if ('status' in p) return p;
				return ok(all.slice(p.page * p.size, (p.page + 1) * p.size));
			}),
			route('POST', `${R}/interval-filter-options`, (req) =>
				req.query.filterKey
					? ok({ minValue: 0, maxValue: this.options.messagesPerSession })
					: bad('filterKey is required'),
			),
			route('POST', `${R}/user-filter-sets/filterSetId`, (req) => {
				const filters = this.filters(req);
				if (!Array.isArray(filters)) return filters;
				const id = `fs-${this.id()}`;
				this.filterSets.set(id, {
					filterSetId: id,
					filters,
					intervalType: req.query.intervalType,
					step: 1,
				});
				return ok(id);
			}),
			route('GET', `${R}/user-filter-sets/:filterSetId`, (req) =>
				this.filterSets.has(req.params.filterSetId)
					? ok(this.filterSets.get(req.params.filterSetId))
					: notFound('Filter set', req.params.filterSetId),
			),
			// Experiments (the spec's spelling)
			route('POST', `${R}/scenario-exeperiments/join`, (req) => {
				const { experimentKey, sessionId, botId, projectShortName } = req.query;
				if (!experimentKey || !sessionId || !botId || !projectShortName)
					return bad('sessionId, experimentKey, projectShortName and botId are required');
				const experiment = this.experiments.get(experimentKey);
				if (!experiment) return notFound('Experiment', experimentKey);
				if (experiment.status === 'STOPPED')
					return errors.gateway(
						409,
						'reporter.experiment.stopped',
						`Experiment ${experimentKey} is stopped`,
					);
				if (!this.joins.has(experimentKey)) this.joins.set(experimentKey, new Map());
				const joined = this.joins.get(experimentKey)!;
				const branches = experiment.branches as Obj[];
				if (!joined.has(sessionId))
					joined.set(sessionId, String(branches[joined.size % branches.length].key));
				return ok(joined.get(sessionId));
			}),
			route('POST', `${R}/scenario-exeperiments/stop`, (req) => {
				if (!req.query.projectShortName) return bad('projectShortName is required');
				const experiment = this.experiments.get(req.query.experimentKey ?? '');
				if (!experiment) return notFound('Experiment', req.query.experimentKey);
				experiment.status = 'STOPPED';
				return ok();
			}),
			route('GET', `${R}/scenario-exeperiments/count-sessions`, (req) =>
				req.query.projectShortName
					? ok(
							[...this.experiments.keys()].map((key) => ({
								key,
								count: this.joins.get(key)?.size ?? 0,
							})),
						)
					: bad('projectShortName is required'),
			),
			route('POST', `${R}/scenario-exeperiments`, (req) => {
				const body = (req.body ?? {}) as Obj;
				if (!req.query.projectShortName) return bad('projectShortName is required');
				if (
					typeof body.key !== 'string' ||
					!Array.isArray(body.branches) ||
					body.branches.length === 0
				)
					return bad('key and branches are required');
				if (this.experiments.has(body.key))
					return errors.gateway(409, 'reporter.experiment.exists', `Experiment ${body.key} exists`);
				const experiment = { ...body, status: 'RUNNING' };
				this.experiments.set(body.key, experiment);
				return ok(experiment);
			}),
			route('GET', `${R}/scenario-exeperiments`, (req) =>
				req.query.projectShortName
					? ok([...this.experiments.values()])
					: bad('projectShortName is required'),
			),
			route('DELETE', `${R}/scenario-exeperiments`, (req) => {
				if (!req.query.projectShortName) return bad('projectShortName is required');
				return this.experiments.delete(req.query.experimentKey ?? '')
					? ok()
					: notFound('Experiment', req.query.experimentKey);
			}),
		];
	}

	private addMessageLabel(body: Obj): Obj {
		const groupIn = body.group as Obj;
		let group =
			groupIn.id !== undefined
				? this.groups.get(Number(groupIn.id))
				: [...this.groups.values()].find((g) => g.name === groupIn.name);
		if (!group) {
			group = { id: this.id(), name: groupIn.name, priority: groupIn.priority ?? this.groups.size };
			this.groups.set(group.id as number, group);
		}
		const label = { id: this.id(), name: body.name, priority: body.priority, group };
		this.messageLabels.set(label.id, label);
		return label;
	}
}
