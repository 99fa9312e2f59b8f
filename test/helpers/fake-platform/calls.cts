/**
 * Calls API module of the fake platform (vendor spec calls.yml v1.10.0 + common.yml; notes in
 * /work/shared/docs/api-chat-pushgate-calls.md §4). Mounted as
 * `(platform) => new CallsModule(platform, options)`, reached as `fake.module(CallsModule)`.
 *
 * Campaigns are keyed by token, hold call jobs and attempts, validate adds like the spec says,
 * apply the idempotence rules (same key within 24 hours → the same answer, nothing created) and the
 * CRM duplicate rule (same phone + payload within 24 hours without a key → `phone.duplicated`) on
 * an injectable clock, page reports, and refuse `addPhones` bodies above a configurable size.
 * Choices where the spec is silent are marked [chosen].
 */
import {
	errors,
	json,
	type FakeModule,
	type FakePlatform,
	type FakeReply,
	type FakeRequest,
	type Route,
	type RouteContext,
} from './server.cts';
import { servedSize } from './paging.cts';
import { specBinding } from './spec.cts';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const CAMPAIGN_STATUSES = [
	'new',
	'planned',
	'inProgress',
	'finished',
	'paused',
	'deleted',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface CallsOptions {
	/** Campaigns to create (token required). Default: one campaign with token `calls-token-1`. */
	campaigns?: Array<{ token: string; name?: string; status?: CampaignStatus }>;
	/** Largest `addPhones` body; larger ones get 413 [chosen: the spec gives no maximum]. Default 1000. */
	maxBatch?: number;
	/** Largest report page served. Default 200, the spec's maximum (above it: 400). */
	maxPageSize?: number;
	/** Between `maxPageSize` and 200, serve `maxPageSize` (answering it as `pageSize`) instead of 400. */
	clampPageSize?: boolean;
	/** The clock, epoch ms. Default `Date.now`. */
	now?: () => number;
	/** Answer `GET …/status` in the docs' spelling (`inProcess`) instead of the spec's. */
	docsStatusSpelling?: boolean;
	/** Answer `…/status` and CRM adds as bare text (`1234`) instead of JSON strings (`"1234"`). */
	bareText?: boolean;
}

export interface FakeCallJob {
	callJobId: string;
	phone: string;
	payload?: Record<string, unknown>;
	params: Record<string, unknown>;
	createdAt: number;
	finishedAt: number | null;
	jobStatus: string;
	attemptsCount: number;
	callDuration: number;
	redialNumber: number | null;
	reportData: Record<string, unknown>;
	/** How the job came in: `addPhones`, `crm`, `crmTest`. */
	source: string;
}

export interface FakeCallAttempt {
	callJobId: string;
	phone: string;
	attemptNumber: number;
	jobStatus: string;
	callResult: string;
	callDuration: number;
	startedAt: number;
	finishedAt: number;
	redialNumber: number | null;
	reportData: Record<string, unknown>;
}

export interface FakeCampaign {
	token: string;
	id: number;
	name: string;
	status: CampaignStatus;
	creationDate: number;
	jobs: FakeCallJob[];
	attempts: FakeCallAttempt[];
	/** Successful answers by `route + key`, with the time of the first request. */
	idempotence: Map<string, { at: number; reply: FakeReply }>;
	/** Replays answered from `idempotence`. */
	replays: number;
}

type Handler = (campaign: FakeCampaign, req: FakeRequest, ctx: RouteContext) => FakeReply;

function bad(type: string, message: string, extra: Record<string, unknown> = {}): FakeReply {
	return { status: 400, body: { type, message, ...extra } };
}

function normalize(phone: unknown): string {
	return String(phone ?? '')
		.trim()
		.replace(/^\+/, '');
}

/** ISO strings or Unix ms → ms; `undefined` when absent or not a time. */
function timeOf(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return value;
	const ms = /^\d+$/.test(String(value)) ? Number(value) : Date.parse(String(value));
	return Number.isFinite(ms) ? ms : undefined;
}

function validZone(zone: string): boolean {
	const offset = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
	if (offset) return Number(offset[2]) * 60 + Number(offset[3]) <= 18 * 60;
	try {
		Intl.DateTimeFormat('en-US', { timeZone: zone });
		return /\//.test(zone) || zone === 'UTC';
	} catch {
		return false;
	}
}

function intOutside(value: unknown, min: number, max: number): boolean {
	return (
		value !== undefined &&
		(!Number.isInteger(value) || (value as number) < min || (value as number) > max)
	);
}

/** Checks one `CallJobParameters`; a reply for the first problem, else undefined. */
function checkParams(item: Record<string, unknown>): FakeReply | undefined {
	const phone = normalize(item.phone);
	if (!/^\d{7,15}$/.test(phone))
		return bad(
			'phone.bad.format',
			`Phone number ${phone} does not comply with the regional format`,
			{ phone },
		);
	if (intOutside(item.dialerPriority, 1, 5)) {
		return bad(
			'invalid.dialer_priority',
			'The priority value must be an integer in the range between 1 and 5 inclusive',
		);
	}
	// [chosen] type for the other range checks: the spec lists none.
	if (intOutside(item.maxAttempts, 1, 50))
		return bad('invalid.parameters', 'maxAttempts must be between 1 and 50', { phone });
	if (intOutside(item.retryIntervalInMinutes, 1, 2880))
		return bad('invalid.parameters', 'retryIntervalInMinutes must be between 1 and 2880', {
			phone,
		});
	const start = timeOf(item.startDateTime);
	const finish = timeOf(item.finishDateTime);
	if (start !== undefined && finish !== undefined && start >= finish) {
		return bad('invalid.parameters', 'startDateTime must be before finishDateTime', { phone });
	}
	if (item.allowedDays !== undefined) {
		const days = item.allowedDays as unknown[];
		if (
			!Array.isArray(days) ||
			days.length < 1 ||
			days.length > 7 ||
			days.some((d) => !DAYS.includes(String(d)))
		) {
			return bad('invalid.parameters', 'allowedDays must hold 1 to 7 of mon…sun', { phone });
		}
	}
	if (item.gmtZone !== undefined && !validZone(String(item.gmtZone))) {
		return bad('phone.gmtZone.bad.format', `Time zone ${String(item.gmtZone)} has a bad format`, {
			phone,
			gmtZone: item.gmtZone,
		});
	}
	for (const [day, list] of Object.entries((item.allowedTime ?? {}) as Record<string, unknown>)) {
		const windows = (Array.isArray(list) ? list : []).map((w: Record<string, string>) => {
			const [fh, fm] = String(w.localTimeFrom).split(':').map(Number);
			const [th, tm] = String(w.localTimeTo).split(':').map(Number);
			return [fh * 60 + fm, th * 60 + tm];
		});
		windows.sort((a, b) => a[0] - b[0]);
		if (windows.some(([from, to], n) => !(from < to) || (n > 0 && from < windows[n - 1][1]))) {
			return bad('invalid.call.allowed.time', `Intervals of ${day} must not overlap`);
		}
	}
	return undefined;
}

export class CallsModule implements FakeModule {
	readonly routes: Route[];

	/** calls.yml (with common.yml): every request is checked against it (spec.cts). */
	readonly spec = specBinding(['calls.yml', 'common.yml'], (status, message) =>
		errors.calls(status, 'request.validation', message),
	);

	maxBatch: number;

	now: () => number;

	docsStatusSpelling: boolean;

	bareText: boolean;

	readonly campaigns = new Map<string, FakeCampaign>();

	/** The page-size switch of paging.cts, settable by tests (the spec's 200 is always enforced). */
	maxPageSize: number | undefined;

	clampPageSize: boolean;

	private nextJobId = 1000;

	private nextCampaignId = 1;

	private offsetMs = 0;

	constructor(
		readonly platform: FakePlatform,
		private readonly options: CallsOptions = {},
	) {
		this.maxBatch = options.maxBatch ?? 1000;
		this.maxPageSize = options.maxPageSize;
		this.clampPageSize = options.clampPageSize ?? false;
		const clock = options.now ?? Date.now;
		this.now = () => clock() + this.offsetMs;
		this.docsStatusSpelling = options.docsStatusSpelling ?? false;
		this.bareText = options.bareText ?? false;
		this.reset();
		const calls = '/api/calls/campaign/:token';
		const crm = '/api/crmCalls/campaign/:token';
		this.routes = [
			this.route('POST', `${calls}/addPhones`, (c, r, x) =>
				this.keyed(c, r, x, 'addPhones', () => this.addPhones(c, r)),
			),
			this.route('GET', `${crm}/addPhone`, (c, r, x) =>
				this.keyed(c, r, x, 'crm', () => this.addCrm(c, r.query, 'crm')),
			),
			this.route('POST', `${crm}/addPhone`, (c, r, x) =>
				this.keyed(c, r, x, 'crm', () => this.addCrm(c, this.formOf(r), 'crm')),
			),
			this.route('GET', `${crm}/test/addPhone`, (c, r, x) =>
				this.keyed(c, r, x, 'crmTest', () => this.addCrm(c, r.query, 'crmTest')),
			),
			this.route('POST', `${calls}/callJob/cancel`, (c, r, x) =>
				this.keyed(c, r, x, 'cancel', () => this.cancel(c, r)),
			),
			this.route('POST', `${calls}/callJob/getReport`, (c, r) =>
				this.select(c, r, c.jobs, (job) => this.jobReport(job)),
			),
			this.route('POST', `${calls}/callJob/getReportByDate`, (c, r) =>
				this.page(
					r,
					c.jobs
						.filter((job) => this.inRange(r, job.createdAt, job.finishedAt, 'createdAt'))
						.map((job) => this.jobReport(job)),
					true,
				),
			),
			this.route('POST', `${calls}/callJob/getUnfinished`, (c, r) =>
				this.page(
					r,
					c.jobs.filter((job) => job.finishedAt === null).map((job) => this.jobReport(job)),
					false,
				),
			),
			this.route('POST', `${calls}/callAttempt/getReport`, (c, r) =>
				this.select(c, r, c.attempts, (attempt) => ({ ...attempt })),
			),
			this.route('POST', `${calls}/callAttempt/getReportByDate`, (c, r) =>
				this.page(
					r,
					c.attempts
						.filter((a) => this.inRange(r, a.startedAt, a.finishedAt, 'startedAt'))
						.map((a) => ({ ...a })),
					true,
				),
			),
			this.route('GET', calls, (c) => json(200, this.campaignData(c))),
			this.route('GET', `${calls}/status`, (c) =>
				this.text(this.docsStatusSpelling && c.status === 'inProgress' ? 'inProcess' : c.status),
			),
			this.route('POST', `${calls}/control/:action`, (c, r, x) =>
				this.keyed(c, r, x, `control:${r.params.action}`, () => this.control(c, r.params.action)),
			),
		];
	}

	reset(): void {
		this.campaigns.clear();
		this.offsetMs = 0;
		this.maxBatch = this.options.maxBatch ?? 1000;
		this.docsStatusSpelling = this.options.docsStatusSpelling ?? false;
		this.bareText = this.options.bareText ?? false;
		for (const campaign of this.options.campaigns ?? [{ token: 'calls-token-1' }])
			this.addCampaign(campaign.token, campaign);
	}

	addCampaign(token: string, init: { name?: string; status?: CampaignStatus } = {}): FakeCampaign {
		const campaign: FakeCampaign = {
			token,
			id: this.nextCampaignId++,
			name: init.name ?? `Campaign ${token.slice(0, 4)}`,
			status: init.status ?? 'inProgress',
			creationDate: this.now(),
			jobs: [],
			attempts: [],
			idempotence: new Map(),
			replays: 0,
		};
		this.campaigns.set(token, campaign);
		return campaign;
	}

	campaign(token: string): FakeCampaign {
		const campaign = this.campaigns.get(token);
		if (!campaign) throw new Error(`No fake campaign ${token}`);
		return campaign;
	}

	/** Moves the clock forward (the 24-hour windows). */
	advance(ms: number): void {
		this.offsetMs += ms;
	}

	/** Adds numbers as if through `addPhones`, at the current fake time; returns the jobs. */
	seed(token: string, phones: string[]): FakeCallJob[] {
		return phones.map((phone) => this.createJob(this.campaign(token), { phone }, 'addPhones'));
	}

	/** Dials a job once: an attempt with the given result; `finish` ends the job. */
	dial(
		token: string,
		callJobId: string,
		outcome: {
			jobStatus?: string;
			callResult?: string;
			durationSec?: number;
			finish?: boolean;
			reportData?: Record<string, unknown>;
		} = {},
	): FakeCallAttempt {
		const campaign = this.campaign(token);
		const job = campaign.jobs.find((j) => j.callJobId === callJobId);
		if (!job) throw new Error(`No call job ${callJobId}`);
		const now = this.now();
		const duration = outcome.durationSec ?? 30;
		job.attemptsCount += 1;
		job.callDuration += duration;
		job.jobStatus = outcome.jobStatus ?? 'longCallWithResult';
		Object.assign(job.reportData, outcome.reportData ?? {});
		if (outcome.finish !== false) job.finishedAt = now;
		const attempt: FakeCallAttempt = {
			callJobId,
			phone: job.phone,
			attemptNumber: job.attemptsCount,
			jobStatus: job.jobStatus,
			callResult: outcome.callResult ?? 'DONE',
			callDuration: duration,
			startedAt: now - duration * 1000,
			finishedAt: now,
			redialNumber: null,
			reportData: { ...(outcome.reportData ?? {}) },
		};
		campaign.attempts.push(attempt);
		return attempt;
	}

	private route(method: Route['method'], pattern: string, handler: Handler): Route {
		return {
			method,
			pattern,
			handler: (req, ctx) => {
				const campaign = this.campaigns.get(req.params.token);
				if (!campaign) return errors.calls(404, 'invalid.token', 'Campaign is not found');
				return handler(campaign, req, ctx);
			},
		};
	}

	/** Header `Idempotence-Key` (spec) or query parameter of that name (docs, GET). */
	private keyed(
		campaign: FakeCampaign,
		req: FakeRequest,
		ctx: RouteContext,
		scope: string,
		create: () => FakeReply,
	): FakeReply {
		const header = req.headers['idempotence-key'];
		const key = (Array.isArray(header) ? header[0] : header) ?? req.query['Idempotence-Key'];
		if (!key) return create();
		const stored = campaign.idempotence.get(`${scope}|${key}`);
		if (stored && this.now() - stored.at < DAY_MS) {
			campaign.replays += 1;
			ctx.replay(); // nothing new created: not a side effect
			return stored.reply;
		}
		const reply = create();
		if (reply.status < 300) campaign.idempotence.set(`${scope}|${key}`, { at: this.now(), reply });
		return reply;
	}

	private text(value: string): FakeReply {
		return this.bareText
			? { status: 200, raw: value, headers: { 'Content-Type': 'text/plain' } }
			: json(200, value);
	}

	private formOf(req: FakeRequest): Record<string, string> {
		const form: Record<string, string> = {};
		new URLSearchParams(req.rawBody).forEach((value, key) => (form[key] = value));
		return form;
	}

	private refusesAdds(campaign: FakeCampaign): FakeReply | undefined {
		if (campaign.status !== 'finished' && campaign.status !== 'deleted') return undefined;
		return bad('invalid.call.task.state', 'Campaign is stopped', {
			state: campaign.status.toUpperCase(),
		});
	}

	private createJob(
		campaign: FakeCampaign,
		params: Record<string, unknown>,
		source: string,
	): FakeCallJob {
		const job: FakeCallJob = {
			callJobId: String(this.nextJobId++),
			phone: normalize(params.phone),
			params,
			payload: params.payload as Record<string, unknown> | undefined,
			createdAt: this.now(),
			finishedAt: null,
			jobStatus: 'planned',
			attemptsCount: 0,
			callDuration: 0,
			redialNumber: null,
			reportData: {},
			source,
		};
		campaign.jobs.push(job);
		return job;
	}

	private addPhones(campaign: FakeCampaign, req: FakeRequest): FakeReply {
		const refusal = this.refusesAdds(campaign);
		if (refusal) return refusal;
		if (!Array.isArray(req.body))
			return errors.spring(400, 'Request body must be a JSON array', req.path);
		const items = req.body as Array<Record<string, unknown>>;
		if (items.length > this.maxBatch) {
			return {
				status: 413,
				body: { type: 'request.too.large', message: `At most ${this.maxBatch} phones per request` },
			};
		}
		const seen = new Map<string, number>();
		for (const item of items)
			seen.set(normalize(item.phone), (seen.get(normalize(item.phone)) ?? 0) + 1);
		const duplicates = [...seen].filter(([, count]) => count > 1).map(([phone]) => phone);
		if (duplicates.length) {
			return bad('phone.duplicated', 'There are duplicated phone numbers in the phone list', {
				phone: duplicates[0],
				phonesDuplicates: duplicates,
			});
		}
		for (const item of items) {
			const problem = checkParams(item);
			if (problem) return problem;
		}
		return json(
			200,
			items.map((item) => this.createJob(campaign, item, 'addPhones').callJobId),
		);
	}

	private addCrm(
		campaign: FakeCampaign,
		params: Record<string, string>,
		source: 'crm' | 'crmTest',
	): FakeReply {
		const refusal = this.refusesAdds(campaign);
		if (refusal) return refusal;
		const { phone, gmtZone, 'Idempotence-Key': _key, ...payload } = params;
		const problem = checkParams({ phone, ...(gmtZone ? { gmtZone } : {}) });
		if (problem) return problem;
		const hasPayload = Object.keys(payload).length > 0;
		if (source === 'crm') {
			const repeat = campaign.jobs.find(
				(job) =>
					job.source === 'crm' &&
					job.phone === normalize(phone) &&
					this.now() - job.createdAt < DAY_MS &&
					JSON.stringify(job.payload ?? null) === JSON.stringify(hasPayload ? payload : null),
			);
			if (repeat)
				return bad('phone.duplicated', 'The phone number was added in the last 24 hours', {
					phone: normalize(phone),
					phonesDuplicates: [normalize(phone)],
				});
		}
		const job = this.createJob(
			campaign,
			{ phone, ...(gmtZone ? { gmtZone } : {}), ...(hasPayload ? { payload } : {}) },
			source,
		);
		return this.text(job.callJobId);
	}

	private selection(req: FakeRequest): { ids: string[]; phones: string[] } {
		const body = (req.body ?? {}) as { ids?: unknown[]; phones?: unknown[] };
		return { ids: (body.ids ?? []).map(String), phones: (body.phones ?? []).map(normalize) };
	}

	/** Report by ids/phones; an unknown one → `id.not.found` / `phone.not.found`. */
	private select<T extends { callJobId: string; phone: string }>(
		campaign: FakeCampaign,
		req: FakeRequest,
		list: T[],
		view: (entry: T) => unknown,
	): FakeReply {
		const { ids, phones } = this.selection(req);
		const missingId = ids.find((id) => !campaign.jobs.some((job) => job.callJobId === id));
		if (missingId)
			return bad('id.not.found', `Call job ${missingId} was not found in the campaign`);
		const missingPhone = phones.find((phone) => !campaign.jobs.some((job) => job.phone === phone));
		if (missingPhone)
			return bad('phone.not.found', `Phone ${missingPhone} was not found in the campaign`);
		return json(
			200,
			list
				.filter((entry) => ids.includes(entry.callJobId) || phones.includes(entry.phone))
				.map(view),
		);
	}

	private cancel(campaign: FakeCampaign, req: FakeRequest): FakeReply {
		const check = this.select(campaign, req, campaign.jobs, (job) => job);
		if (check.status !== 200) return check;
		const cancelled: string[] = [];
		for (const job of check.body as FakeCallJob[]) {
			if (job.finishedAt !== null) continue;
			job.jobStatus = 'cancelledByUser';
			job.finishedAt = this.now();
			cancelled.push(job.callJobId);
		}
		return json(200, cancelled);
	}

	private inRange(
		req: FakeRequest,
		first: number,
		finished: number | null,
		firstName: string,
	): boolean {
		const filter = ((req.body ?? {}) as { filter?: Record<string, unknown> }).filter ?? {};
		const within = (value: number | null, from: unknown, to: unknown) => {
			const min = timeOf(from);
			const max = timeOf(to);
			if (min === undefined && max === undefined) return true;
			return (
				value !== null && (min === undefined || value >= min) && (max === undefined || value <= max)
			);
		};
		return (
			within(first, filter[`${firstName}From`], filter[`${firstName}To`]) &&
			within(finished, filter.finishedAtFrom, filter.finishedAtTo)
		);
	}

	/** `PaginationRequest` (page 0–199, pageSize 1–200) at the top level or under `pagination`. */
	private page(req: FakeRequest, all: unknown[], nested: boolean): FakeReply {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const pagination = ((nested ? body.pagination : body) ?? {}) as {
			page?: number;
			pageSize?: number;
		};
		const page = pagination.page ?? 0;
		const asked = pagination.pageSize ?? 20;
		if (
			!Number.isInteger(page) ||
			page < 0 ||
			page > 199 ||
			!Number.isInteger(asked) ||
			asked < 1 ||
			asked > 200
		) {
			return errors.spring(400, 'page must be 0–199 and pageSize 1–200', req.path);
		}
		const pageSize = servedSize(asked, this);
		if (pageSize === undefined)
			return errors.spring(400, `pageSize must be at most ${this.maxPageSize}`, req.path);
		return json(200, {
			items: all.slice(page * pageSize, (page + 1) * pageSize),
			pagination: { page, pageSize },
		});
	}

	private jobReport(job: FakeCallJob): Record<string, unknown> {
		const { params: _params, payload: _payload, source: _source, ...report } = job;
		return { ...report, reportData: { ...job.reportData } };
	}

	private campaignData(campaign: FakeCampaign): Record<string, unknown> {
		const finished = campaign.jobs.filter((job) => job.finishedAt !== null);
		return {
			id: campaign.id,
			name: campaign.name,
			projectName: 'acme-project',
			creationDate: campaign.creationDate,
			botId: 'acme-project-1-phone-42',
			startTime: campaign.creationDate,
			status: campaign.status,
			maxSimultaneousCalls: 5,
			shortReport: {
				totalNumbers: campaign.jobs.length,
				processedNumbers: finished.length,
				usedTalkingTime: campaign.jobs.reduce((sum, job) => sum + job.callDuration, 0),
				usedAsrSeconds: 0,
				inProcessCalls: campaign.jobs.filter((job) => job.jobStatus === 'inProcess').length,
				retryCalls: campaign.attempts.filter((a) => a.attemptNumber > 1).length,
			},
		};
	}

	/** pause: running → paused; resume: paused → inProgress; stop: not ended → finished. [chosen] */
	private control(campaign: FakeCampaign, action: string): FakeReply {
		const from = campaign.status;
		const next: Record<string, [CampaignStatus[], CampaignStatus]> = {
			pause: [['new', 'planned', 'inProgress'], 'paused'],
			resume: [['paused'], 'inProgress'],
			stop: [['new', 'planned', 'inProgress', 'paused'], 'finished'],
		};
		const rule = next[action];
		if (!rule)
			return errors.gateway(
				400,
				'calls.campaign.control.unknown.action',
				`Unknown action ${action}`,
				{ action },
			);
		if (!rule[0].includes(from)) {
			return errors.gateway(
				400,
				'calls.campaign.invalid.state.transition',
				`Cannot ${action} a campaign that is ${from}`,
				{ action, status: from },
			);
		}
		campaign.status = rule[1];
		return { status: 200 };
	}
}
