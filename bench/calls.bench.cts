/**
 * Benchmark (not a test): 10 000 numbers into a call campaign on the fake platform with 20 ms of
 * latency per request, three ways:
 *   1. Tovie Calls → Phone → Add (batched, default Batch Size 500), through n8n-core;
 *   2. one HTTP request per number (`addPhones` with a one-element array), sent one after the
 *      other over a keep-alive connection, as an HTTP Request node would;
 *   3. (with --crm) Tovie Calls → Phone → Add One (CRM), one request per item, through n8n-core.
 * Prints requests sent and wall time for each.
 *
 *   node bench/run.js bench/calls.bench.cts [--count 10000] [--latency 20] [--batch 500] [--crm] [--node-only]
 */
import * as http from 'node:http';

import { callsModule, type CallsModule } from '../test/helpers/fake-platform/calls.cts';
import { startFakePlatform } from '../test/helpers/fake-platform/server.cts';
import { PACKAGE_NAME, registerNodeType, runNode } from '../test/helpers/harness.cts';
import { TovieCalls } from '../nodes/Calls/TovieCalls.node.ts';

// bench/run.js resolves `TovieCalls.node` to the codex file TovieCalls.node.json (Node tries .json
// before the .ts it registers), so the harness registry cannot load the node here: register it.
registerNodeType(`${PACKAGE_NAME}.tovieCalls`, new TovieCalls());

const TOKEN = '8231.7056.benchSecretToken';

function arg(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function post(agent: http.Agent, url: string, body: unknown): Promise<number> {
	return await new Promise((resolve, reject) => {
		const text = JSON.stringify(body);
		const request = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) } }, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
		});
		request.on('error', reject);
		request.end(text);
	});
}

async function main() {
	const count = arg('count', 10_000);
	const latencyMs = arg('latency', 20);
	const batchSize = arg('batch', 500);
	const holder: { calls?: CallsModule } = {};
	const fake = await startFakePlatform({ modules: [callsModule({ campaigns: [{ token: TOKEN }], maxBatch: 10_000 }, holder)] });
	const calls = holder.calls!;
	const items = Array.from({ length: count }, (_, n) => ({ phone: String(16500000000 + n), name: `Customer ${n}` }));
	const credentials = { server: 'custom', baseUrl: fake.url, callsApiToken: TOKEN };
	const rows: string[][] = [];
	const measure = async (label: string, task: () => Promise<void>) => {
		fake.reset();
		fake.latencyMs = latencyMs;
		const started = process.hrtime.bigint();
		await task();
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		const jobs = calls.campaign(TOKEN).jobs.length;
		rows.push([label, String(fake.requests.length), `${(ms / 1000).toFixed(2)} s`, String(jobs)]);
		console.log(`${label}: ${fake.requests.length} requests, ${(ms / 1000).toFixed(2)} s, ${jobs} call jobs`);
	};

	try {
		await measure(`Tovie Calls → Add (batch ${batchSize})`, async () => {
			const result = await runNode(
				'tovieCalls',
				{ resource: 'phone', operation: 'add', phone: '={{ $json.phone }}', payloadMode: 'fields', payloadFields: { field: [{ name: 'name', value: '={{ $json.name }}' }] }, options: { batchSize } },
				items,
				credentials,
			);
			if (result.status !== 'success' || result.json().length !== count) throw new Error(`Add failed: ${result.error?.message}`);
		});

		if (!process.argv.includes('--node-only')) await measure('One HTTP request per number', async () => {
			const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
			for (const item of items) {
				const status = await post(agent, `${fake.url}/api/calls/campaign/${encodeURIComponent(TOKEN)}/addPhones`, [{ phone: item.phone, payload: { name: item.name } }]);
				if (status !== 200) throw new Error(`HTTP ${status}`);
			}
			agent.destroy();
		});

		if (process.argv.includes('--crm')) {
			await measure('Tovie Calls → Add One (CRM), one per item', async () => {
				const result = await runNode(
					'tovieCalls',
					{ resource: 'phone', operation: 'addOne', phone: '={{ $json.phone }}', payloadMode: 'fields', payloadFields: { field: [{ name: 'name', value: '={{ $json.name }}' }] } },
					items,
					credentials,
				);
				if (result.status !== 'success') throw new Error(`Add One failed: ${result.error?.message}`);
			});
		}
	} finally {
		await fake.close();
	}
	console.log(`\n${count} numbers, ${latencyMs} ms latency per request, Node ${process.version}\n`);
	console.log('| Method | Requests | Wall time | Call jobs |\n|---|---|---|---|');
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
