/**
 * Tovie Reporter benchmark: `node bench/run.js bench/reporter.bench.cts [messages] [reportMB]`.
 * 1. Message → Get Many (filters, Return All) over 50 000 messages: requests, wall time, peak memory.
 * 2. Report → Create with Wait for File over a 100 MB CSV served as a stream, stored by n8n's
 *    filesystem binary-data mode (n8n's default for self-hosted): peak memory against file size.
 * 3. Statistic → Get by Interval by hour: one request, one item per hour.
 * The fake platform runs in the same process, so the figures include it. Numbers, not assertions.
 * The report runs first, on a fresh heap, so its RSS growth is not hidden by memory freed earlier.
 * Optional arguments: [messages=50000] [reportMB=100] [binaryMode=filesystem|default].
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

import { reportTiming } from '../nodes/Reporter/helpers/report';
// With the explicit extension: bench/run.js's require would otherwise resolve
// `TovieReporter.node` to the codex file TovieReporter.node.json.
import { TovieReporter } from '../nodes/Reporter/TovieReporter.node.ts';
import { ReporterModule } from '../test/helpers/fake-platform/reporter.cts';
import { startFakePlatform } from '../test/helpers/fake-platform/server.cts';
import { registerNodeType, runNode } from '../test/helpers/harness.cts';
import { credentialsFor } from '../test/helpers/integration.cts';

const MB = 1024 * 1024;
// argv: node, bench/run.js, this script, then the arguments.
const messages = Number(process.argv[3] ?? 50_000);
const reportBytes = Number(process.argv[4] ?? 100) * MB;
/** `default` keeps binary data in memory (n8n's old default) for comparison. */
const binaryMode = process.argv[5] ?? 'filesystem';

function sampler() {
	let peakRss = 0;
	let peakHeap = 0;
	const take = () => {
		const { rss, heapUsed } = process.memoryUsage();
		peakRss = Math.max(peakRss, rss);
		peakHeap = Math.max(peakHeap, heapUsed);
	};
	take();
	const timer = setInterval(take, 10);
	return () => {
		clearInterval(timer);
		take();
		return { peakRss, peakHeap };
	};
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** A CSV of exactly `size` bytes, produced in 64 KiB chunks (never held whole). */
function csvStream(size: number): Readable {
	const line =
		's-000000,263-acme-bot-263-Wnu-49199,client-00000,2026-01-01T00:00:00.000Z,some answer text\n';
	const chunk = Buffer.from(line.repeat(Math.ceil(65_536 / line.length)));
	let sent = 0;
	return new Readable({
		read() {
			if (sent >= size) return void this.push(null);
			const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
			sent += part.length;
			this.push(part);
		},
	});
}

async function main() {
	registerNodeType('n8n-nodes-tovie.tovieReporter', new TovieReporter());
	// n8n's filesystem binary-data mode, as on a self-hosted n8n (the harness set N8N_USER_FOLDER).
	const core = require.resolve('n8n-core');
	const { Container } = require(require.resolve('@n8n/di', { paths: [core] }));
	const { BinaryDataService } = require('n8n-core');
	const binaryData = Container.get(BinaryDataService);
	if (binaryMode === 'filesystem') await binaryData.init();
	Object.assign(reportTiming, { longPollSeconds: 1, minIntervalMs: 20 });

	const perSession = 2;
	const fake = await startFakePlatform({
		modules: [
			(platform) =>
				new ReporterModule(platform, {
					sessions: Math.ceil(messages / perSession),
					messagesPerSession: perSession,
					reportDelayMs: 300,
					reportFile: () => ({
						body: () => csvStream(reportBytes),
						size: reportBytes,
						contentType: 'text/csv',
					}),
				}),
		],
	});
	const credentials = credentialsFor(fake);

	// 1. a large report, streamed to n8n's binary store
	global.gc?.();
	const base2 = process.memoryUsage().rss;
	let stop = sampler();
	let started = Date.now();
	const made = await runNode(
		'tovieReporter',
		{
			resource: 'report',
			operation: 'create',
			reportType: 'sessions',
			settings: { fileType: 'CSV' },
		},
		[{}],
		credentials,
	);
	let wall = Date.now() - started;
	let peak = stop();
	const binary = made.output()[0]?.binary?.data;
	console.log(
		`Report → Create + Wait for File: ${mb(reportBytes)} CSV (status ${made.status}, binary mode ${binaryMode})`,
	);
	if (!binary) console.log('  no file:', made.error?.message);
	else {
		const path = binary.id ? binaryData.getPath(binary.id) : undefined;
		const hash = createHash('sha256');
		if (path) for await (const part of createReadStream(path)) hash.update(part as Buffer);
		else hash.update(Buffer.from(binary.data, 'base64'));
		const expected = createHash('sha256');
		for await (const part of csvStream(reportBytes)) expected.update(part as Buffer);
		console.log(
			`  stored: ${binary.fileSize} as ${binary.id ?? 'base64 in the item'}; bytes match: ${hash.digest('hex') === expected.digest('hex')}`,
		);
	}
	console.log(
		`  wall time: ${wall} ms; peak RSS: ${mb(peak.peakRss)} (start ${mb(base2)}, growth ${mb(peak.peakRss - base2)}), peak heap: ${mb(peak.peakHeap)}`,
	);
	console.log(
		`  peak RSS growth / file size: ${((peak.peakRss - base2) / reportBytes).toFixed(2)} (must stay well below 2)`,
	);
	fake.reset();

	// 2. 50 000 messages
	global.gc?.();
	const base1 = process.memoryUsage().rss;
	stop = sampler();
	started = Date.now();
	const list = await runNode(
		'tovieReporter',
		{
			resource: 'message',
			operation: 'getAll',
			source: 'filter',
			returnAll: true,
			simplify: false,
		},
		[{}],
		credentials,
	);
	wall = Date.now() - started;
	peak = stop();
	const pages = fake.requestsTo(/messages\/filter$/);
	console.log(
		`Message → Get Many, Return All: ${list.json().length} messages (status ${list.status})`,
	);
	console.log(
		`  requests: ${pages.length} (page size ${pages[0]?.query.size}), wall time: ${wall} ms`,
	);
	console.log(
		`  peak RSS: ${mb(peak.peakRss)} (start ${mb(base1)}), peak heap: ${mb(peak.peakHeap)}`,
	);
	fake.reset();

	// 3. Statistics by hour: one request, one output item per hour, dates written in the workflow zone.
	started = Date.now();
	const hours = await runNode(
		'tovieReporter',
		{
			resource: 'statistics',
			operation: 'getByInterval',
			metric: 'sessions',
			intervalType: 'HOUR',
		},
		[{}],
		credentials,
	);
	wall = Date.now() - started;
	console.log(
		`Statistic → Get by Interval (hour): ${hours.json().length} items (status ${hours.status}), requests: ${fake.requestsTo(/stats\/sessions/).length}, wall time: ${wall} ms`,
	);

	await fake.close();
	process.exit(0);
}

void main().catch((error) => {
	console.error(error);
	process.exit(1);
});
