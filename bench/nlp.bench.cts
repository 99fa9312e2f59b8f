/**
 * Classify N phrases (default 5 000) through the Tovie NLP node in n8n-core against the fake
 * platform with 20 ms latency per request: batched (inference-multiple) versus one request per
 * phrase (Batch Size 1). Prints request counts and wall time, and for each batched mode the floor
 * beside it: n8n's own cost of a node that only reads the same expression per item, plus the same
 * batched requests sent directly; the node's time over that sum.
 *   node bench/run.js bench/nlp.bench.cts [phrases=5000] [latencyMs=20] [--runs 1] [--batched-only]
 * With --runs N the node, the floor and the direct requests are measured N times, interleaved, and
 * the fastest run of each is shown.
 */
import { NlpModule } from '../test/helpers/fake-platform/nlp.cts';
import { startFakePlatform, type RecordedRequest } from '../test/helpers/fake-platform/server.cts';
import { PACKAGE_NAME, registerNodeType, runNode } from '../test/helpers/harness.cts';
import { TovieNlp } from '../nodes/Nlp/TovieNlp.node.ts';
import { textField } from '../nodes/Nlp/actions/text/common.ts';
import { interleaved, loadAverage, ratio, registerFloorNode, replay } from './floor.cts';

// Outside jest, `require('…/TovieNlp.node')` would find the codex `.node.json` first.
registerNodeType(`${PACKAGE_NAME}.tovieNlp`, new TovieNlp());
const FLOOR = registerFloorNode('Nlp', [textField], ['text']);

const KEY = 'bench-0000-4000-8000-nlp-direct-key';
const positional = process.argv
	.slice(3)
	.filter((arg, n, all) => !arg.startsWith('--') && all[n - 1] !== '--runs');
const count = Number(positional[0] ?? 5000);
const latencyMs = Number(positional[1] ?? 20);
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 1;
const SAMPLES = [
	'hello',
	'I want to book a table',
	'see you later',
	'reserve a table for two please',
	'good morning team',
	'what is the weather',
];

async function main(): Promise<void> {
	const load = loadAverage();
	const fake = await startFakePlatform({
		latencyMs,
		modules: [(platform) => new NlpModule(platform, { keys: [KEY], maxBatch: 1000 })],
	});
	const items = Array.from({ length: count }, (_v, i) => ({
		text: `${SAMPLES[i % SAMPLES.length]} ${i % 7 === 0 ? 'now' : ''}`.trim(),
	}));
	const credentials = { server: 'custom', baseUrl: fake.url, nlpApiKey: KEY };
	const classify = async (batchSize: number, list = items) =>
		await runNode(
			'tovieNlp',
			{
				resource: 'text',
				operation: 'classify',
				text: '={{ $json.text }}',
				options: { batchSize },
			},
			list,
			credentials,
		);
	const row = (
		label: string,
		requests: number | string,
		seconds: number,
		cpu: number,
		extra = '',
	) =>
		console.log(
			`${label.padEnd(44)}${String(requests).padStart(8)}${`${seconds.toFixed(2)} s`.padStart(12)}${`${cpu.toFixed(2)} s`.padStart(10)}${extra}`,
		);

	// Warm-up (not measured): module loading and compilation would be charged to the first row.
	await classify(100, items.slice(0, 200));
	await runNode(FLOOR, { text: '={{ $json.text }}' }, items.slice(0, 200));

	console.log(
		`Classify ${count} phrases, fake platform latency ${latencyMs} ms per request, fastest of ${runs} run(s), load average ${load}`,
	);
	console.log(
		`${'mode'.padEnd(44)}${'requests'.padStart(8)}${'wall time'.padStart(12)}${'CPU'.padStart(10)}   phrases/s   matched`,
	);
	const floorRun = async () => {
		const result = await runNode(FLOOR, { text: '={{ $json.text }}' }, items);
		if (result.status !== 'success' || result.json().length !== count)
			throw new Error(`floor failed: ${result.error?.message}`);
	};
	const modes: Array<[string, number]> = [
		['batched, Batch Size 1000', 1000],
		['batched, Batch Size 100', 100],
	];
	if (!process.argv.includes('--batched-only')) modes.push(['one request per phrase', 1]);
	for (const [label, batchSize] of modes) {
		let matched = 0;
		const requests: RecordedRequest[] = [];
		const nodeRun = async () => {
			fake.reset();
			const result = await classify(batchSize);
			if (result.status !== 'success') throw new Error(`run failed: ${result.error?.message}`);
			const out = result.json();
			matched = out.filter((item) => item.intent).length;
			const paired = result
				.output()
				.every((item, index) => (item.pairedItem as { item: number }).item === index);
			if (out.length !== count || !paired)
				throw new Error('results not mapped back to their items');
			requests.splice(0, requests.length, ...fake.requests);
		};
		if (batchSize === 1) {
			const [node] = await interleaved(1, [nodeRun]);
			row(
				label,
				requests.length,
				node.wall,
				node.cpu,
				`${String(Math.round(count / node.wall)).padStart(12)}${String(matched).padStart(10)}`,
			);
			continue;
		}
		// The node's own requests, sent again directly: its round trips without the node.
		const directRun = async () => {
			fake.reset();
			await replay(fake.url, requests);
		};
		const [node, floor, direct] = await interleaved(runs, [nodeRun, floorRun, directRun]);
		row(
			label,
			requests.length,
			node.wall,
			node.cpu,
			`${String(Math.round(count / node.wall)).padStart(12)}${String(matched).padStart(10)}`,
		);
		row('  floor: a node reading the same expression', 0, floor.wall, floor.cpu);
		row(
			`  the same ${requests.length} requests, sent directly`,
			requests.length,
			direct.wall,
			direct.cpu,
		);
		row(
			'  floor + round trips',
			'',
			floor.wall + direct.wall,
			floor.cpu + direct.cpu,
			`   node: ${ratio(node.wall, floor.wall + direct.wall)} of it (target ≤ 1.2x)`,
		);
	}
	await fake.close();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
