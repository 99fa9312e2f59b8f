/**
 * Benchmark (not a test): Tovie Chat Trigger under a burst of webhook calls, and the time of the
 * seeded random-body fuzz that test/reliability/trigger.cts runs. The tests assert behaviour
 * (every answer 200, each event started once); the timings live here, with the machine's load,
 * because on a shared 2-core machine they depend on what else runs.
 *
 *   node bench/run.js bench/trigger.bench.cts [--count 1000] [--parallel 50] [--fuzz 600]
 */
import { createServer, request } from 'node:http';
import { loadavg } from 'node:os';

import { PACKAGE_NAME, callWebhook, registerNodeType } from '../test/helpers/harness.cts';
import { TovieChatTrigger } from '../nodes/ChatTrigger/TovieChatTrigger.node.ts';

registerNodeType(`${PACKAGE_NAME}.tovieChatTrigger`, new TovieChatTrigger());

const TOKEN = 'BenchTest:0123456789abcdef0123456789abcdef01234567';
const credentials = { server: 'custom', baseUrl: 'http://127.0.0.1:9', chatApiToken: TOKEN };
const node = { type: 'tovieChatTrigger', parameters: {} };

function arg(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

let n = 0;
const event = () => ({
	token: TOKEN,
	clientId: `bench-${n}`,
	questionId: `q-${++n}`,
	timestamp: '2026-05-01T10:00:00.123',
	data: { answer: 'Hi', replies: [{ type: 'text', text: 'Hi' }] },
});

async function post(url: string, body: string): Promise<{ status: number; ms: number }> {
	const started = performance.now();
	return await new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: 'POST', headers: { 'content-type': 'application/json' } },
			(res) => {
				res.resume();
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }),
				);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function burst(count: number, parallel: number) {
	// Like n8n's webhook server: the node's webhook() decides the answer, which is sent at once.
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', async () => {
			const rawBody = Buffer.concat(chunks);
			const { answer } = await callWebhook(
				node,
				{
					body: JSON.parse(rawBody.toString('utf8')),
					rawBody,
					headers: req.headers as Record<string, string>,
				},
				credentials,
			);
			res
				.writeHead(answer.statusCode ?? 200, { 'content-type': 'application/json' })
				.end(JSON.stringify(answer.body ?? {}));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhook`;
	const bodies = Array.from({ length: count }, () => JSON.stringify(event()));
	const started = performance.now();
	const answers: Array<{ status: number; ms: number }> = [];
	for (let i = 0; i < bodies.length; i += parallel)
		answers.push(
			...(await Promise.all(bodies.slice(i, i + parallel).map((body) => post(url, body)))),
		);
	const total = performance.now() - started;
	server.closeAllConnections();
	server.close();
	const times = answers.map((a) => a.ms).sort((a, b) => a - b);
	const failed = answers.filter((a) => a.status !== 200).length;
	console.log(
		`burst: ${count} events, ${parallel} at a time: ${total.toFixed(0)} ms in all; answer p50 ${percentile(times, 50).toFixed(1)} ms, ` +
			`p95 ${percentile(times, 95).toFixed(1)} ms, slowest ${times[times.length - 1].toFixed(1)} ms; non-200 answers: ${failed}`,
	);
}

async function fuzz(cases: number) {
	// The same shape of work as the reliability fuzz: random JSON through webhook() one at a time.
	let seed = 20260701;
	const next = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const started = performance.now();
	for (let i = 0; i < cases; i++) {
		const body =
			next() > 0.5
				? { ...event(), x: next() }
				: { token: next() > 0.5 ? TOKEN : 'x', data: [next()] };
		const raw = JSON.stringify(body);
		await callWebhook(
			node,
			{ body, rawBody: Buffer.from(raw), headers: { 'content-type': 'application/json' } },
			credentials,
		);
	}
	console.log(
		`fuzz: ${cases} bodies through webhook() in ${(performance.now() - started).toFixed(0)} ms`,
	);
}

async function main() {
	console.log(
		`load average before: ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')} (2 cores)`,
	);
	await burst(arg('count', 1000), arg('parallel', 50));
	await fuzz(arg('fuzz', 600));
	console.log(
		`load average after: ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`,
	);
}

void main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
