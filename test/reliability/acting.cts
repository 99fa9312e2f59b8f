/**
 * Operations that act (a message reaches a bot, a pushback fires, a call job or a label is
 * created) act at most once per logical action, whatever goes wrong on the way: 5xx answers,
 * timeouts and dropped connections, each before and after the platform did the work. The fake
 * platform marks every request it committed (test/helpers/fake-platform/server.cts); a request
 * answered from an idempotence store is a replay, not a second side effect.
 *
 * Which operations act is read from what they ask the transport: a route flagged `acts` (the
 * route tables in nodes/<Node>/api.ts), or a POST not declared safe to repeat.
 */
import type { IDataObject } from 'n8n-workflow';

import type { TovieRequest } from '../../nodes/common/transport';
import type { Injection, RecordedRequest } from '../helpers/fake-platform/server.cts';
import { asked, capTimeouts, ROWS } from './actions.cts';
import type { OperationRow } from './catalog.cts';
import { stats } from './leaks.cts';
import { forgetRepeats } from '../../nodes/common/repeats';
import { prepare, runOperation, type Env } from './platform.cts';

/** Whether a request acts on the platform: its route says so, or it is a POST not declared safe. */
export const acts = (request: TovieRequest): boolean =>
	request.acts === true || (request.method === 'POST' && request.idempotent !== true);

/**
 * The same operations with options that pick another acting request: every row runs with its
 * defaults, these run as well.
 */
const VARIANTS: Array<[key: string, parameters: IDataObject]> = [
	// GET /chatapi/{token}: the bot receives the message, although it is a GET.
	['tovieChat:message:send', { options: { useGet: true } }],
	// The default fires by GET; with data it is a POST.
	['toviePushgate:pushback:fire', { dataMode: 'json', dataJson: '{"step": 2}' }],
	// The CRM GETs create call jobs: with the idempotence key, without it, and the test method.
	['tovieCalls:phone:addCrm', { options: { method: 'GET' } }],
	['tovieCalls:phone:addCrm', { options: { method: 'GET', idempotent: false } }],
	['tovieCalls:phone:addCrm', { options: { test: true } }],
	['tovieCalls:phone:addCrm', { options: { idempotent: false } }],
	// Tovie Text Campaign → Template → Send: as it is by GET; with data by POST.
	['tovieTextCampaign:template:send', { eventData: '{"week": 2}' }],
];

/**
 * Platform calls that act, from the API pages rather than from the node code (docs/platform-
 * assumptions.md, "Requests that act"): each must reach the transport as acting, so a route table
 * that loses its `acts` flag fails here instead of hiding its request from the table.
 */
const PLATFORM_ACTS: Array<[method: string, path: RegExp]> = [
	['POST', /^\/chatapi\/[^/]+$/], // the bot receives the message
	['GET', /^\/chatapi\/[^/]+$/], // the same, simplified
	['POST', /^\/chatapi\/[^/]+\/async$/],
	['GET', /^\/pushgate\/push_[^/]+$/], // the bot event fires
	['POST', /^\/pushgate\/push_[^/]+$/],
	['POST', /^\/api\/calls\/campaign\/[^/]+\/addPhones$/], // call jobs are created
	['GET', /^\/api\/crmCalls\/campaign\/[^/]+(\/test)?\/addPhone$/],
	['POST', /^\/api\/crmCalls\/campaign\/[^/]+\/addPhone$/],
];
const platformActs = (r: RecordedRequest) =>
	PLATFORM_ACTS.some(([method, path]) => r.method === method && path.test(r.path));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface ActingTarget {
	method: string;
	path: RegExp;
	/** Side effects of one fault-free run on that route (several for a batch with several requests). */
	baseline: number;
	/** Requests on that route in one fault-free run. */
	sent: number;
	/** Side effects of that run that repeat one before them (same request, same body): normally 0. */
	baselineRepeats: number;
	/** Protected by an idempotence key: may be repeated, the platform answers a replay. */
	keyed: boolean;
}

/**
 * The clock-free timeout fault: the client gives up after 250 ms, the platform answers after 500.
 * Not shorter: on a loaded machine a request can take longer than a short timeout just to arrive,
 * and would then time out before acting and land in the next fault's count (seen at 60 ms).
 */
const CLIENT_TIMEOUT_MS = 250;

/** Faults on the acting request; `commit`: the platform acted, then the answer was lost. */
export const ACTING_FAULTS: Array<[string, Injection]> = [
	['502 before acting', { status: 502 }],
	['503 before acting', { status: 503 }],
	['500 after acting', { status: 500, commit: true }],
	['502 after acting', { status: 502, commit: true }],
	['504 after acting', { status: 504, commit: true }],
	['timeout before acting', { delayMs: 2 * CLIENT_TIMEOUT_MS }],
	['timeout after acting', { delayMs: 2 * CLIENT_TIMEOUT_MS, commit: true }],
	['connection dropped before acting', { drop: 'before' }],
	['connection dropped after acting', { drop: 'after' }],
];

const matches = (target: ActingTarget) => (r: RecordedRequest) =>
	r.method === target.method && target.path.test(r.path);
const sideEffects = (env: Env, target: ActingTarget) =>
	env.fake.requests.filter(matches(target)).filter((r) => r.committed).length;
/** Requests on the route identical to one before them (method, path, body), of those `which`. */
const repeats = (env: Env, target: ActingTarget, which: (r: RecordedRequest) => boolean) => {
	const seen = env.fake.requests
		.filter(matches(target))
		.filter(which)
		.map((r) => `${r.path} ${r.rawBody}`);
	return seen.length - new Set(seen).size;
};
const committed = (r: RecordedRequest) => Boolean(r.committed);

/** Runs the operation once without faults; finds its first acting request, if any. */
async function actingTarget(
	env: Env,
	row: OperationRow,
	parameters: IDataObject,
): Promise<ActingTarget | string | undefined> {
	env.fake.reset();
	asked.length = 0;
	const result = await runOperation(env, row, await prepare(env, row), { parameters });
	if (result.status !== 'success') return undefined; // reported by the catalogue test
	const requests = env.fake.requests;
	if (requests.length !== asked.length)
		return `sends ${requests.length} requests for ${asked.length} calls`;
	const unflagged = requests.findIndex((request, n) => platformActs(request) && !acts(asked[n]));
	if (unflagged >= 0)
		return `${asked[unflagged].method} ${asked[unflagged].path} acts on the platform, but reaches the transport as safe to repeat`;
	const index = asked.findIndex(acts);
	if (index < 0) return undefined;
	// Segments with digits (tokens, generated ids) are matched by shape: each run prepares new ones.
	const shape = requests[index].path
		.split('/')
		.map((segment) => (/\d/.test(segment) ? '[^/]+' : escape(segment)))
		.join('/');
	const target: ActingTarget = {
		method: requests[index].method,
		path: new RegExp(`^${shape}$`),
		baseline: 0,
		sent: 0,
		baselineRepeats: 0,
		keyed: Boolean(asked[index].idempotenceKey),
	};
	target.baseline = sideEffects(env, target);
	target.sent = env.fake.requests.filter(matches(target)).length;
	target.baselineRepeats = repeats(env, target, committed);
	if (target.baseline < 1) return `its ${target.method} was not committed by the fake platform`;
	return target;
}

export function describeActing(getEnv: () => Env): void {
	let env: Env;
	beforeAll(() => {
		env = getEnv();
	});
	afterAll(() => capTimeouts(undefined));

	const cases = [
		...ROWS.map((row) => [row.key, row, {}] as const),
		...VARIANTS.map(
			([key, parameters]) =>
				[
					`${key} ${JSON.stringify(parameters)}`,
					ROWS.find((row) => row.key === key)!,
					parameters,
				] as const,
		),
	];
	it.each(cases)('%s', async (_name, row, variant) => {
		expect(row).toBeDefined();
		capTimeouts(undefined);
		const target = await actingTarget(env, row, variant);
		// A variant exists because it acts: it must be found acting.
		if (Object.keys(variant).length && typeof target !== 'object')
			throw new Error(`${row.key} ${JSON.stringify(variant)}: ${target ?? 'does not act'}`);
		if (target === undefined) return;
		if (typeof target === 'string') throw new Error(`${row.key}: ${target}`);
		// Variant rows (several input items) are counted apart from the operations.
		if (row.variant) stats.actingVariants += 1;
		else stats.acting += 1;
		const problems: string[] = [];
		for (const [fault, injection] of ACTING_FAULTS) {
			env.fake.reset();
			const prepared = await prepare(env, row);
			// Twice: with three attempts, a repeat (if any) meets the fault once more, then gets through.
			env.fake.inject({ method: target.method, path: target.path, ...injection, times: 2 });
			stats.faults += 1;
			capTimeouts(injection.delayMs ? CLIENT_TIMEOUT_MS : undefined);
			const result = await runOperation(env, row, prepared, {
				parameters: { ...variant, requestOptions: { maxAttempts: 3 } },
			});
			capTimeouts(undefined);
			// More side effects than without faults, or (several items: one may have failed before
			// acting) the same request acting twice.
			const extra = Math.max(
				sideEffects(env, target) - target.baseline,
				repeats(env, target, committed) - target.baselineRepeats,
			);
			if (extra > 0) {
				stats.duplicates += extra;
				problems.push(`${fault}: acted ${extra} more time(s)`);
			}
			const sent = env.fake.requests.filter(matches(target)).length;
			if (!target.keyed) {
				// Not repeated, and the user learns that it may or may not have happened. With several
				// items: each request once at most, none beyond those of a run without faults.
				const again = repeats(env, target, () => true) - target.baselineRepeats;
				if (sent < 1 || sent > target.sent || again > 0)
					problems.push(`${fault}: sent ${sent} times (${again} repeated)`);
				if (result.status !== 'error') problems.push(`${fault}: reported success`);
			} else if (result.error) {
				problems.push(
					`${fault}: failed although the idempotence key allows repeating (${result.error.message})`,
				);
			}
		}
		problems.push(...(await repeatsOfTheSameWork(env, row, variant, target)));
		expect([row.key, problems]).toEqual([row.key, []]);
	});
}

let workflowCount = 0;

/**
 * The same work run again by n8n: Retry On Fail after the platform acted and the answer was lost,
 * a retried execution (another process: only the saved static data is shared) after a fault-free
 * run, and, for rows of several items, Retry On Fail after one item was refused mid-batch. Each
 * must leave no more side effects than one fault-free run.
 */
async function repeatsOfTheSameWork(
	env: Env,
	row: OperationRow,
	variant: IDataObject,
	target: ActingTarget,
): Promise<string[]> {
	const problems: string[] = [];
	const check = (column: keyof typeof stats.repeatChecks, label: string) => {
		stats.repeatChecks[column] += 1;
		const extra = Math.max(
			sideEffects(env, target) - target.baseline,
			repeats(env, target, committed) - target.baselineRepeats,
		);
		if (extra > 0) {
			stats.duplicates += extra;
			problems.push(`${label}: acted ${extra} more time(s)`);
		}
	};

	env.fake.reset();
	let prepared = await prepare(env, row);
	env.fake.inject({ method: target.method, path: target.path, status: 502, commit: true });
	await runOperation(env, row, prepared, { parameters: variant, retryOnFail: 3 });
	check('retryOnFail', 'Retry On Fail after the platform acted');

	env.fake.reset();
	prepared = await prepare(env, row);
	const saved = { staticData: {} as IDataObject, workflowId: `acting-${++workflowCount}` };
	await runOperation(env, row, prepared, { parameters: variant, ...saved });
	forgetRepeats();
	const retried = await runOperation(env, row, prepared, { parameters: variant, ...saved });
	if (retried.status !== 'success') problems.push(`retried execution: ${retried.error?.message}`);
	check('retriedExecution', 'a retried execution');

	if (prepared.items.length > 1) {
		env.fake.reset();
		prepared = await prepare(env, row);
		// The second acting request is refused (a 400: the platform did nothing).
		env.fake.inject({ method: target.method, path: target.path, times: 1 });
		env.fake.inject({ method: target.method, path: target.path, status: 400, times: 1 });
		await runOperation(env, row, prepared, { parameters: variant, retryOnFail: 3 });
		check('midBatch', 'Retry On Fail after a failure mid-batch');
	}
	return problems;
}
