/**
 * The table over every operation of every action node: secrets under faults, retries within and
 * beyond the budget, bad input refused before any request. The rows include the variants of
 * fixtures.cts (every batch operation with several input items, Calls Get Many with Unfinished
 * Only): each goes through every table like an operation.
 */
import type { IDataObject } from 'n8n-workflow';

import * as transport from '../../nodes/common/transport';
import type { FakePlatform, Injection } from '../helpers/fake-platform/server.cts';
import { SECRETS } from '../helpers/integration.cts';
import { loadPackageNodes, operationsOf, withVariants, type OperationRow } from './catalog.cts';
import { FIXTURES, VARIANT_LABELS } from './fixtures.cts';
import { checkRun, stats } from './leaks.cts';
import { prepare, runOperation, startEnv, type Env } from './platform.cts';

const CREDENTIAL_SECRETS = Object.values(SECRETS);
const { nodes } = loadPackageNodes();
export const ROWS = withVariants(operationsOf(nodes), Object.keys(FIXTURES));

// The transport, observed: what each operation asked for (method, idempotence) and a short
// client timeout so that "no answer in time" does not take a minute.
const realFull = transport.tovieRequestFull;
export const asked: transport.TovieRequest[] = [];
let timeoutCapMs: number | undefined;
/** Shortens every client timeout to `ms` (undefined: back to the operation's own). */
export function capTimeouts(ms: number | undefined): void {
	timeoutCapMs = ms;
}
const capped = (request: transport.TovieRequest) =>
	timeoutCapMs
		? { ...request, timeoutMs: Math.min(request.timeoutMs ?? timeoutCapMs, timeoutCapMs) }
		: request;
jest.spyOn(transport, 'tovieRequestFull').mockImplementation(async (ctx, request, options) => {
	asked.push(request);
	return await realFull(ctx, capped(request), options);
});
jest.spyOn(transport, 'tovieRequest').mockImplementation(async (ctx, request, options) => {
	asked.push(request);
	return (await realFull(ctx, capped(request), options)).body;
});

/** Operations that succeed against the fake platform without faults. */
export const WORKING = new Set<string>();

/** Written out here rather than taken from the transport, so the table checks the transport. */
export const safeToRepeat = (r: transport.TovieRequest) =>
	Boolean(r.idempotenceKey) ||
	(r.acts !== true &&
		(['GET', 'HEAD', 'PUT', 'DELETE'].includes(r.method) || r.idempotent === true));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Probe {
	/** The request faults are aimed at: the first that changes something, else the first. */
	method: string;
	path: RegExp;
	safe: boolean;
	/** Requests on that route in a run without faults (several for a batch sent in chunks or one per item). */
	count: number;
}

/** Runs the operation once without faults and finds the request to aim faults at. */
async function probe(env: Env, row: OperationRow): Promise<Probe | string> {
	env.fake.reset();
	asked.length = 0;
	const result = await runOperation(env, row, await prepare(env, row));
	if (result.status !== 'success') return `fails without faults: ${result.error?.message}`;
	const requests = env.fake.requests;
	if (requests.length === 0 || requests.length !== asked.length)
		return `sends ${requests.length} requests for ${asked.length} calls`;
	const { uses, items = [{}] } = FIXTURES[row.key] ?? {};
	if (uses && !requests.some((r) => uses.test(r.path)))
		return `does not send the request it is for (${uses}): ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`;
	if (row.variant === 'many') {
		// Every input item comes out answered, paired with its own input item.
		const out = result.output();
		const answered = new Set(
			out
				.filter((item) => item.json.error === undefined)
				.map((item) => (item.pairedItem as { item: number } | undefined)?.item),
		);
		const missing = items.map((_item, n) => n).filter((n) => !answered.has(n));
		if (missing.length) return `items ${missing.join(', ')} of ${items.length} were not answered`;
	}
	const index = Math.max(
		0,
		requests.findIndex((r) => r.method !== 'GET'),
	);
	// Segments with digits (tokens, generated ids) are matched by shape: each run prepares new ones.
	const shape = requests[index].path
		.split('/')
		.map((segment) => (/\d/.test(segment) ? '[^/]+' : escape(segment)))
		.join('/');
	const path = new RegExp(`^${shape}$`);
	const { method } = requests[index];
	return {
		method,
		path,
		safe: safeToRepeat(asked[index]),
		count: requests.filter((r) => r.method === method && path.test(r.path)).length,
	};
}

function faults(env: Env, typed: string[] = []): Array<[string, Injection]> {
	const echoed = [...CREDENTIAL_SECRETS, ...typed];
	return [
		[
			'400 echoing the secrets',
			{
				status: 400,
				body: {
					error: 'reliability.echo',
					type: 'reliability.echo',
					message: `Refused ${echoed.join(' ')}`,
					args: { token: echoed[0], url: `${env.fake.url}/x/${encodeURIComponent(echoed[0])}` },
				},
			},
		],
		['404 with the path in the body', { status: 404 }],
		['401 without a body', { status: 401, emptyBody: true }],
		['500', { status: 500 }],
		['timeout', { delayMs: 120 }],
		['dropped connection', { drop: 'before' }],
		['invalid JSON answer', { invalidJson: true }],
	];
}

export function describeActions(getEnv: () => Env): void {
	const probes = new Map<string, Probe>();
	let env: Env;
	beforeAll(() => {
		env = getEnv();
	});

	describe('catalogue', () => {
		it('lists every operation of every action node from the descriptions', () => {
			stats.operations = ROWS.filter((r) => !r.variant).length;
			stats.variants = {};
			for (const { variant } of ROWS.filter((r) => r.variant)) {
				const label = VARIANT_LABELS[variant!] ?? variant!;
				stats.variants[label] = (stats.variants[label] ?? 0) + 1;
			}
			expect(stats.operations).toBeGreaterThan(100);
			expect(new Set(ROWS.map((r) => r.key)).size).toBe(ROWS.length);
			// A fixture for an operation that no longer exists is a mistake in the table.
			expect(
				Object.keys(FIXTURES).filter(
					(key) =>
						!ROWS.some((r) => r.key === key) && nodes.some((n) => key.startsWith(`${n.short}:`)),
				),
			).toEqual([]);
			// Variants of kinds the summary does not name would be counted under their raw names.
			expect(ROWS.filter((r) => r.variant && !VARIANT_LABELS[r.variant]).map((r) => r.key)).toEqual(
				[],
			);
		});

		it('every batch operation has a many-item variant: three input items or more, each its own', () => {
			const batched = ROWS.filter((r) => r.batch && !r.variant);
			// The nodes that batch today (a loader that found none would leave the batch paths unchecked).
			expect(batched.length).toBeGreaterThanOrEqual(14);
			const problems = batched.flatMap((row) => {
				const many = FIXTURES[`${row.key}#many`];
				if (!many) return [`${row.key}: no #many fixture`];
				if ((many.items ?? []).length < 3) return [`${row.key}#many: fewer than 3 items`];
				return [];
			});
			// A many-item variant of an operation that does not batch tests nothing new.
			problems.push(
				...ROWS.filter((r) => r.variant === 'many' && !r.batch).map(
					(r) => `${r.key}: the operation does not batch`,
				),
			);
			expect(problems).toEqual([]);
		});

		it('every operation succeeds against the fake platform without faults', async () => {
			const broken: string[] = [];
			for (const row of ROWS) {
				const found = await probe(env, row);
				if (typeof found === 'string') {
					// Operations of nodes without a fixture yet (a node that just landed) are noted, not failed.
					if (FIXTURES[row.key] || !row.node.description.name.startsWith('tovieOperator'))
						broken.push(`${row.key} ${found}`);
					else
						console.warn(
							`[reliability] ${row.key}: no working fixture yet (${found}); retry checks skipped`,
						);
				} else {
					probes.set(row.key, found);
					WORKING.add(row.key);
				}
			}
			expect(broken).toEqual([]);
		});
	});

	describe('secrets never leak, whatever the platform answers', () => {
		afterAll(() => {
			timeoutCapMs = undefined;
		});

		it.each(ROWS.map((row) => [row.key, row] as const))('%s', async (_key, row) => {
			timeoutCapMs = 60;
			for (const [fault, injection] of faults(env)) {
				for (const continueOnFail of [false, true]) {
					env.fake.reset();
					const known = env.extraSecrets.length;
					const prepared = await prepare(env, row);
					// The platform echoes the secrets of this call (a pushback id only to Pushgate calls).
					const typed = env.extraSecrets.slice(known);
					if (fault.includes('echo') && typed.length > 1) {
						// Several items, each with its own secret (three pushbacks): each request is
						// echoed the secret it carries in its path, never another item's.
						for (const secret of typed) {
							const inPath = new RegExp(`${escape(secret)}|${escape(encodeURIComponent(secret))}`);
							env.fake.inject({
								...injection,
								...faults(env, [secret])[0][1],
								path: inPath,
								times: 1000,
							});
						}
					}
					const echo = fault.includes('echo')
						? faults(env, typed.length > 1 ? [] : typed)[0][1]
						: {};
					env.fake.inject({ ...injection, ...echo, times: 1000 });
					stats.faults += 1;
					const result = await runOperation(env, row, prepared, {
						continueOnFail,
						parameters: { requestOptions: { maxAttempts: 2 } },
					});
					checkRun(
						`${row.key} / ${fault}${continueOnFail ? ' / continueOnFail' : ''}`,
						result,
						CREDENTIAL_SECRETS,
						env.extraSecrets,
					);
					if (
						continueOnFail &&
						result.status === 'success' &&
						fault !== 'invalid JSON answer' &&
						fault !== 'timeout'
					) {
						const out = result.output();
						// With continueOnFail every input item is accounted for, each paired with its input.
						expect(out.length).toBeGreaterThanOrEqual(prepared.items.length);
						expect(out.every((item) => item.pairedItem !== undefined)).toBe(true);
					}
				}
			}
		});
	});

	describe('faults are survived within the retry budget', () => {
		const retryable = (row: OperationRow) => probes.get(row.key);
		beforeAll(async () => {
			// When run alone (jest -t), the catalogue test has not probed yet.
			for (const row of ROWS)
				if (!probes.has(row.key)) {
					const found = await probe(env, row);
					if (typeof found !== 'string') probes.set(row.key, found);
				}
		});

		it.each(ROWS.map((row) => [row.key, row] as const))('%s', async (_key, row) => {
			const target = retryable(row);
			if (!target) return;
			const onTarget = () =>
				env.fake.requests.filter((r) => r.method === target.method && target.path.test(r.path));
			const attemptsOn = () => onTarget().length;
			// Several requests on the route (a batch in chunks, one request per item): the injected
			// faults may meet any of them, so beyond the budget they are armed for each request.
			const repeated = () => {
				const seen = onTarget().map((r) => `${r.path} ${r.rawBody}`);
				return seen.length - new Set(seen).size;
			};
			/** `perRequest`: `times` is armed for each request; only the faults that met one count. */
			const run = async (injection: Injection, times: number, perRequest = false) => {
				env.fake.reset();
				const prepared = await prepare(env, row);
				const armed = perRequest ? times * target.count : times;
				// Paths with generated ids (a new pushback) are matched by shape after preparing.
				env.fake.inject({ method: target.method, path: target.path, ...injection, times: armed });
				const result = await runOperation(env, row, prepared);
				stats.faults += perRequest ? Math.min(armed, attemptsOn()) : times;
				return result;
			};
			const fresh = await probe(env, row);
			if (typeof fresh !== 'string') Object.assign(target, fresh);

			// 429 means "not done": always repeated, with or without Retry-After.
			for (const injection of [{ status: 429 }, { status: 429, headers: { 'Retry-After': '1' } }]) {
				const result = await run(injection, 2);
				expect([row.key, result.error?.message]).toEqual([row.key, undefined]);
				expect(attemptsOn()).toBe(target.count + 2);
			}
			const over = await run({ status: 429 }, 3, true);
			expect(over.error?.message).toMatch(/\(after 3 attempts\)/);

			// 502/503/reset: the request may have been received: repeated only when that is harmless.
			for (const injection of [{ status: 502 }, { status: 503 }, { drop: 'before' as const }]) {
				const result = await run(injection, 2);
				if (target.safe) {
					expect([row.key, result.error?.message]).toEqual([row.key, undefined]);
					expect(attemptsOn()).toBe(target.count + 2);
				} else {
					// Not repeated: each request sent once at most (the batch stops at the failure, or
					// its requests already in flight end), and the run fails.
					expect(result.status).toBe('error');
					expect([row.key, repeated()]).toEqual([row.key, 0]);
					expect(attemptsOn()).toBeGreaterThanOrEqual(1);
					expect(attemptsOn()).toBeLessThanOrEqual(target.count);
				}
			}
			if (target.safe) {
				const beyond = await run({ status: 503 }, 3, true);
				expect(beyond.error?.message).toMatch(/\[503.*\(after 3 attempts\)/);
			}
		});
	});
}

export type { FakePlatform, IDataObject };
