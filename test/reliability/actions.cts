/**
 * The table over every operation of every action node: secrets under faults, retries within and
 * beyond the budget, bad input refused before any request.
 */
import type { IDataObject } from 'n8n-workflow';

import * as transport from '../../nodes/common/transport';
import type { FakePlatform, Injection } from '../helpers/fake-platform/server.cts';
import { SECRETS } from '../helpers/integration.cts';
import { loadPackageNodes, operationsOf, type OperationRow } from './catalog.cts';
import { FIXTURES } from './fixtures.cts';
import { checkRun, stats } from './leaks.cts';
import { prepare, runOperation, startEnv, type Env } from './platform.cts';

const CREDENTIAL_SECRETS = Object.values(SECRETS);
const { nodes } = loadPackageNodes();
export const ROWS = operationsOf(nodes);

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
	const index = Math.max(
		0,
		requests.findIndex((r) => r.method !== 'GET'),
	);
	// Segments with digits (tokens, generated ids) are matched by shape: each run prepares new ones.
	const shape = requests[index].path
		.split('/')
		.map((segment) => (/\d/.test(segment) ? '[^/]+' : escape(segment)))
		.join('/');
	return {
		method: requests[index].method,
		path: new RegExp(`^${shape}$`),
		safe: safeToRepeat(asked[index]),
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
			stats.operations = ROWS.length;
			expect(ROWS.length).toBeGreaterThan(100);
			expect(new Set(ROWS.map((r) => r.key)).size).toBe(ROWS.length);
			// A fixture for an operation that no longer exists is a mistake in the table.
			expect(
				Object.keys(FIXTURES).filter(
					(key) =>
						!ROWS.some((r) => r.key === key) && nodes.some((n) => key.startsWith(`${n.short}:`)),
				),
			).toEqual([]);
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
					const echo = fault.includes('echo')
						? faults(env, env.extraSecrets.slice(known))[0][1]
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
			const attemptsOn = () =>
				env.fake.requests.filter((r) => r.method === target.method && target.path.test(r.path))
					.length;
			const run = async (injection: Injection, times: number) => {
				env.fake.reset();
				const prepared = await prepare(env, row);
				// Paths with generated ids (a new pushback) are matched by shape after preparing.
				env.fake.inject({ method: target.method, path: target.path, ...injection, times });
				stats.faults += times;
				return await runOperation(env, row, prepared);
			};
			const fresh = await probe(env, row);
			if (typeof fresh !== 'string') Object.assign(target, fresh);

			// 429 means "not done": always repeated, with or without Retry-After.
			for (const injection of [{ status: 429 }, { status: 429, headers: { 'Retry-After': '1' } }]) {
				const result = await run(injection, 2);
				expect([row.key, result.error?.message]).toEqual([row.key, undefined]);
				expect(attemptsOn()).toBe(3);
			}
			const over = await run({ status: 429 }, 3);
			expect(over.error?.message).toMatch(/\(after 3 attempts\)/);

			// 502/503/reset: the request may have been received: repeated only when that is harmless.
			for (const injection of [{ status: 502 }, { status: 503 }, { drop: 'before' as const }]) {
				const result = await run(injection, 2);
				if (target.safe) {
					expect([row.key, result.error?.message]).toEqual([row.key, undefined]);
					expect(attemptsOn()).toBe(3);
				} else {
					expect(result.status).toBe('error');
					expect([row.key, attemptsOn()]).toEqual([row.key, 1]);
				}
			}
			if (target.safe) {
				const beyond = await run({ status: 503 }, 3);
				expect(beyond.error?.message).toMatch(/\[503.*\(after 3 attempts\)/);
			}
		});
	});
}

export type { FakePlatform, IDataObject };
