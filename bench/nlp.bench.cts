/**
 * Classify N phrases (default 5 000) through the Tovie NLP node in n8n-core against the fake
 * platform with 20 ms latency per request: batched (inference-multiple) versus one request per
 * phrase (Batch Size 1). Prints request counts and wall time.
 *   node bench/run.js bench/nlp.bench.cts [phrases=5000] [latencyMs=20]
 */
import { startNlpPlatform } from '../test/helpers/fake-platform/nlp.cts';
import { PACKAGE_NAME, registerNodeType, runNode } from '../test/helpers/harness.cts';
import { TovieNlp } from '../nodes/Nlp/TovieNlp.node.ts';

// Outside jest, `require('…/TovieNlp.node')` would find the codex `.node.json` first.
registerNodeType(`${PACKAGE_NAME}.tovieNlp`, new TovieNlp());

const KEY = 'bench-0000-4000-8000-nlp-direct-key';
const count = Number(process.argv[3] ?? 5000);
const latencyMs = Number(process.argv[4] ?? 20);
const SAMPLES = ['hello', 'I want to book a table', 'see you later', 'reserve a table for two please', 'good morning team', 'what is the weather'];

async function main(): Promise<void> {
	const { fake } = await startNlpPlatform({ keys: [KEY], maxBatch: 1000 }, { latencyMs });
	const items = Array.from({ length: count }, (_v, i) => ({ text: `${SAMPLES[i % SAMPLES.length]} ${i % 7 === 0 ? 'now' : ''}`.trim() }));
	const credentials = { server: 'custom', baseUrl: fake.url, nlpApiKey: KEY };
	console.log(`Classify ${count} phrases, fake platform latency ${latencyMs} ms per request`);
	console.log('mode                          requests   wall time   phrases/s   matched');
	for (const [label, batchSize] of [['batched, Batch Size 1000', 1000], ['batched, Batch Size 100', 100], ['one request per phrase', 1]] as const) {
		fake.reset();
		const started = process.hrtime.bigint();
		const result = await runNode('tovieNlp', { resource: 'text', operation: 'classify', text: '={{ $json.text }}', options: { batchSize } }, items, credentials);
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		if (result.status !== 'success') throw new Error(`run failed: ${result.error?.message}`);
		const out = result.json();
		const matched = out.filter((item) => item.intent).length;
		const paired = result.output().every((item, index) => (item.pairedItem as { item: number }).item === index);
		if (out.length !== count || !paired) throw new Error('results not mapped back to their items');
		console.log(
			`${label.padEnd(30)}${String(fake.requests.length).padStart(8)}${`${(ms / 1000).toFixed(2)} s`.padStart(12)}${String(Math.round((count / ms) * 1000)).padStart(12)}${String(matched).padStart(10)}`,
		);
	}
	await fake.close();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
