/**
 * Batched operations (phones, phrases) interrupted mid-way and re-run from the start: no
 * duplicates (content-derived idempotence keys) and no lost item.
 */
import { ROWS } from './actions.cts';
import { stats } from './leaks.cts';
import { prepare, runOperation, type Env } from './platform.cts';

export function describeBatches(getEnv: () => Env): void {
	it('Tovie Calls → Phone → Add: the connection drops after the 2nd batch was stored; the re-run adds each number once', async () => {
		const env = getEnv();
		const row = ROWS.find((r) => r.key === 'tovieCalls:phone:add')!;
		env.fake.reset();
		const prepared = await prepare(env, row);
		const items = Array.from({ length: 6 }, (_v, i) => ({ phone: `7912000030${i}` }));
		const parameters = { options: { batchSize: 2 } };
		// 2nd request: stored by the platform, then the answer is lost, on every attempt.
		env.fake.inject({ method: 'POST', path: /\/addPhones$/, times: 1 });
		env.fake.inject({ method: 'POST', path: /\/addPhones$/, drop: 'after', times: 3 });
		stats.faults += 3;
		const interrupted = await runOperation(env, row, prepared, {
			items,
			parameters,
			workflowId: 'batches',
		});
		expect(interrupted.status).toBe('error');
		const rerun = await runOperation(env, row, prepared, {
			items,
			parameters,
			workflowId: 'batches',
		});
		expect(rerun.status).toBe('success');
		const jobs = env.calls.campaign(env.credentials.callsApiToken).jobs;
		expect(jobs.map((job) => job.phone).sort()).toEqual(items.map((item) => item.phone));
		expect(rerun.json().map((json) => json.phone)).toEqual(items.map((item) => item.phone));
		expect(rerun.json().every((json) => typeof json.callJobId === 'string')).toBe(true);
	});

	it('Tovie NLP → Text → Classify: an interrupted batch of phrases re-runs with every phrase answered once', async () => {
		const env = getEnv();
		const row = ROWS.find((r) => r.key === 'tovieNlp:text:classify')!;
		env.fake.reset();
		const prepared = await prepare(env, row);
		const items = ['hello', 'book a table', 'bye', 'hi there', 'table for two', 'goodbye'].map(
			(text) => ({ text }),
		);
		const parameters = { text: '={{ $json.text }}' };
		env.fake.inject({
			method: 'POST',
			path: /\/nlu\/inference(-multiple)?$/,
			drop: 'after',
			times: 3,
		});
		stats.faults += 3;
		expect(
			(await runOperation(env, row, prepared, { items, parameters, workflowId: 'batches' })).status,
		).toBe('error');
		const rerun = await runOperation(env, row, prepared, {
			items,
			parameters,
			workflowId: 'batches',
		});
		expect(rerun.status).toBe('success');
		expect(rerun.output().map((item) => item.pairedItem)).toEqual(
			items.map((_item, item) => ({ item })),
		);
		expect(rerun.json().map((json) => json.text)).toEqual(items.map((item) => item.text));
	});
}
