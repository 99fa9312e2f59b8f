/**
 * Benchmark (not a test): 10 000 numbers into a call campaign on the fake platform with 20 ms of
 * latency per request:
 *   1. Tovie Calls → Phone → Add (batched, default Batch Size 500), through n8n-core;
 *   2. the floor beside it: n8n's own cost of a node that only reads the same two expressions
 *      per item, plus the same batched requests sent directly; the node's time over that sum;
 *   3. (unless --node-only) one HTTP request per number (`addPhones` with a one-element array),
 *      sent one after the other over a keep-alive connection, as an HTTP Request node would;
 *   4. (with --crm) Tovie Calls → Phone → Add Number (CRM Format), one request per item, through n8n-core.
 * Prints requests sent and wall time for each.
 *
 * With --runs N the node, the floor and the direct requests are measured N times, interleaved,
 * and the fastest run of each is shown (a shared machine's noise only ever adds time); the load
 * average is printed beside the table.
 *
 *   node bench/run.js bench/calls.bench.cts [--count 10000] [--latency 20] [--batch 500] [--runs 1] [--crm] [--node-only]
 */
import * as http from 'node:http';

import { CallsModule } from '../test/helpers/fake-platform/calls.cts';
import { startFakePlatform } from '../test/helpers/fake-platform/server.cts';
import { PACKAGE_NAME, registerNodeType, runNode } from '../test/helpers/harness.cts';
import { TovieCalls } from '../nodes/Calls/TovieCalls.node.ts';
import { payloadFields, phoneField } from '../nodes/Calls/actions/phone/common.ts';
import { interleaved, loadAverage, ratio, registerFloorNode, type Timing } from './floor.cts';

// bench/run.js resolves `TovieCalls.node` to the codex file TovieCalls.node.json (Node tries .json
// before the .ts it registers), so the harness registry cannot load the node here: register it.
registerNodeType(`${PACKAGE_NAME}.tovieCalls`, new TovieCalls());
const FLOOR = registerFloorNode(
	'Calls',
	[phoneField, ...payloadFields],
	['phone', 'payloadFields'],
);

const TOKEN = '8231.7056.benchSecretToken';

function arg(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function post(agent: http.Agent, url: string, body: unknown): Promise<number> {
	return await new Promise((resolve, reject) => {
		const text = JSON.stringify(body);
		const request = http.request(
			url,
			{
				method: 'POST',
				agent,
				headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
			},
		);
		request.on('error', reject);
		request.end(text);
	});
}

async function main() {
	const load = loadAverage();
	const count = arg('count', 10_000);
	const latencyMs = arg('latency', 20);
	const batchSize = arg('batch', 500);
	const runs = arg('runs', 1);
	const fake = await startFakePlatform({
		modules: [
			(platform) => new CallsModule(platform, { campaigns: [{ token: TOKEN }], maxBatch: 10_000 }),
		],
	});
	const calls = fake.module(CallsModule);
	const items = Array.from({ length: count }, (_, n) => ({
		phone: String(16500000000 + n),
		name: `Customer ${n}`,
	}));
	const credentials = { server: 'custom', baseUrl: fake.url, callsApiToken: TOKEN };
	const rows: string[][] = [];
	let budget = { node: NaN, floor: NaN };
	const parameters = {
		phone: '={{ $json.phone }}',
		payloadMode: 'fields',
		payloadFields: { field: [{ name: 'name', value: '={{ $json.name }}' }] },
	};
	const row = (label: string, requests: number, jobs: number, { wall, cpu }: Timing) => {
		rows.push([
			label,
			String(requests),
			`${wall.toFixed(2)} s`,
			`${cpu.toFixed(2)} s`,
			String(jobs),
		]);
		console.log(
			`${label}: ${requests} requests, ${wall.toFixed(2)} s (CPU ${cpu.toFixed(2)} s), ${jobs} call jobs`,
		);
	};
	/** Resets the fake, runs `task`, and notes the requests and call jobs it made. */
	const counted =
		(stats: { requests: number; jobs: number }, task: () => Promise<void>) => async () => {
			fake.reset();
			fake.latencyMs = latencyMs;
			await task();
			stats.requests = fake.requests.length;
			stats.jobs = calls.campaign(TOKEN).jobs.length;
		};
	const measure = async (label: string, task: () => Promise<void>) => {
		const stats = { requests: 0, jobs: 0 };
		const [timing] = await interleaved(1, [counted(stats, task)]);
		row(label, stats.requests, stats.jobs, timing);
	};

	const node = { requests: 0, jobs: 0 };
	const floor = { requests: 0, jobs: 0 };
	const direct = { requests: 0, jobs: 0 };
	try {
		// Warm-up (not measured): loading modules and compiling hot paths would be charged to
		// whichever row runs first.
		await runNode(
			'tovieCalls',
			{ resource: 'phone', operation: 'add', ...parameters },
			items.slice(0, 200),
			credentials,
		);
		await runNode(FLOOR, parameters, items.slice(0, 200));

		const [nodeTime, floorTime, directTime] = await interleaved(runs, [
			counted(node, async () => {
				const result = await runNode(
					'tovieCalls',
					{ resource: 'phone', operation: 'add', ...parameters, options: { batchSize } },
					items,
					credentials,
				);
				if (result.status !== 'success' || result.json().length !== count)
					throw new Error(`Add failed: ${result.error?.message}`);
			}),
			counted(floor, async () => {
				const result = await runNode(FLOOR, parameters, items);
				if (result.status !== 'success' || result.json().length !== count)
					throw new Error(`Floor failed: ${result.error?.message}`);
			}),
			counted(direct, async () => {
				const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
				for (let n = 0; n < count; n += batchSize) {
					const body = items
						.slice(n, n + batchSize)
						.map((item) => ({ phone: item.phone, payload: { name: item.name } }));
					const status = await post(
						agent,
						`${fake.url}/api/calls/campaign/${encodeURIComponent(TOKEN)}/addPhones`,
						body,
					);
					if (status !== 200) throw new Error(`HTTP ${status}`);
				}
				agent.destroy();
			}),
		]);
		row(`Tovie Calls → Add (batch ${batchSize})`, node.requests, node.jobs, nodeTime);
		row('Floor: a node reading the same two expressions', floor.requests, floor.jobs, floorTime);
		row(
			`The same ${direct.requests} batched requests, sent directly`,
			direct.requests,
			direct.jobs,
			directTime,
		);
		budget = { node: nodeTime.wall, floor: floorTime.wall + directTime.wall };

		if (!process.argv.includes('--node-only'))
			await measure('One HTTP request per number', async () => {
				const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
				for (const item of items) {
					const status = await post(
						agent,
						`${fake.url}/api/calls/campaign/${encodeURIComponent(TOKEN)}/addPhones`,
						[{ phone: item.phone, payload: { name: item.name } }],
					);
					if (status !== 200) throw new Error(`HTTP ${status}`);
				}
				agent.destroy();
			});

		if (process.argv.includes('--crm')) {
			await measure('Tovie Calls → Add Number (CRM Format), one per item', async () => {
				const result = await runNode(
					'tovieCalls',
					{
						resource: 'phone',
						operation: 'addCrm',
						phone: '={{ $json.phone }}',
						payloadMode: 'fields',
						payloadFields: { field: [{ name: 'name', value: '={{ $json.name }}' }] },
					},
					items,
					credentials,
				);
				if (result.status !== 'success')
					throw new Error(`Add Number (CRM Format) failed: ${result.error?.message}`);
			});
		}
	} finally {
		await fake.close();
	}
	console.log(
		`\n${count} numbers, ${latencyMs} ms latency per request, Node ${process.version}, fastest of ${runs} run(s)\n`,
	);
	console.log(`Load average before: ${load}\n`);
	console.log(
		'| Method | Requests | Wall time | CPU (process) | Call jobs |\n|---|---|---|---|---|',
	);
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
	console.log(
		`\nNode ${budget.node.toFixed(2)} s against floor + round trips ${budget.floor.toFixed(2)} s: ${ratio(budget.node, budget.floor)} (target ≤ 1.2x)`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
