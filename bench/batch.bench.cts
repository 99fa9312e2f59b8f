/**
 * Every batch operation but Calls → Add and NLP → Classify (they have their own benchmarks), with
 * N items (default 20 000) through n8n-core against the fake platforms with 20 ms latency per
 * request. Each row shows the node beside its floor: n8n's own cost of a node that only reads the
 * same parameters per item, plus the node's own requests sent again directly (the round trips).
 * Numbers, not assertions.
 * With --runs N the three are measured N times, interleaved, and the fastest run of each is shown.
 *   node bench/run.js bench/batch.bench.cts [--count 20000] [--latency 20] [--runs 1]
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { TovieNlp } from '../nodes/Nlp/TovieNlp.node.ts';
import { nlpResources } from '../nodes/Nlp/actions/index.ts';
import { TovieReporter } from '../nodes/Reporter/TovieReporter.node.ts';
import { reporterResources } from '../nodes/Reporter/actions/index.ts';
import type { Resource } from '../nodes/common/router.ts';
import { NlpModule } from '../test/helpers/fake-platform/nlp.cts';
import { ReporterModule } from '../test/helpers/fake-platform/reporter.cts';
import {
	startFakePlatform,
	type FakePlatform,
	type RecordedRequest,
} from '../test/helpers/fake-platform/server.cts';
import { PACKAGE_NAME, registerNodeType, runNode } from '../test/helpers/harness.cts';
import { credentialsFor, SECRETS } from '../test/helpers/integration.cts';
import { interleaved, loadAverage, ratio, registerFloorNode, replay } from './floor.cts';

// Outside jest, `require('…/X.node')` would find the codex `.node.json` first.
registerNodeType(`${PACKAGE_NAME}.tovieNlp`, new TovieNlp());
registerNodeType(`${PACKAGE_NAME}.tovieReporter`, new TovieReporter());

function arg(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

interface Case {
	label: string;
	node: 'tovieNlp' | 'tovieReporter';
	resources: Resource[];
	resource: string;
	operation: string;
	/** The operation's parameters (expressions over the item's `n`). */
	parameters: IDataObject;
	/** The parameters the floor reads per item. */
	read: string[];
}

const CASES: Case[] = [
	{
		label: 'NLP → Intent → Delete (by path)',
		node: 'tovieNlp',
		resources: nlpResources,
		resource: 'intent',
		operation: 'delete',
		parameters: {
			intent: { __rl: true, mode: 'path', value: '={{ "/Bench/intent-" + $json.n }}' },
		},
		read: ['intent'],
	},
	{
		label: 'NLP → Entity → Delete (by name)',
		node: 'tovieNlp',
		resources: nlpResources,
		resource: 'entity',
		operation: 'delete',
		parameters: { entity: { __rl: true, mode: 'name', value: '={{ "entity" + $json.n }}' } },
		read: ['entity'],
	},
	{
		label: 'NLP → Entity Record → Delete',
		node: 'tovieNlp',
		resources: nlpResources,
		resource: 'entityRecord',
		operation: 'delete',
		parameters: {
			entity: { __rl: true, mode: 'name', value: 'city' },
			record: { __rl: true, mode: 'id', value: '={{ 1000000 + $json.n }}' },
		},
		read: ['entity', 'record'],
	},
	{
		label: 'Reporter → Message Label → Create',
		node: 'tovieReporter',
		resources: reporterResources,
		resource: 'messageLabel',
		operation: 'create',
		parameters: { name: '={{ "label " + $json.n }}', priority: 1, groupName: 'Bench' },
		read: ['name', 'priority', 'groupName'],
	},
];

function propertiesOf({ resources, resource, operation }: Case): INodeProperties[] {
	return (
		resources.find((r) => r.value === resource)!.operations.find((o) => o.value === operation)!
			.properties ?? []
	);
}

async function main(): Promise<void> {
	const load = loadAverage();
	const count = arg('count', 20_000);
	const latencyMs = arg('latency', 20);
	const runs = arg('runs', 1);
	const nlp = await startFakePlatform({
		latencyMs,
		modules: [(platform) => new NlpModule(platform, { keys: [SECRETS.nlpApiKey] })],
	});
	const reporter = await startFakePlatform({
		latencyMs,
		modules: [(platform) => new ReporterModule(platform, {})],
	});
	const fakes: Record<Case['node'], FakePlatform> = { tovieNlp: nlp, tovieReporter: reporter };
	const items = Array.from({ length: count }, (_v, n) => ({ n }));

	console.log(
		`${count} items, ${latencyMs} ms latency per request, Node ${process.version}, fastest of ${runs} run(s), load average ${load}\n`,
	);
	console.log(
		'| Operation | Requests | Node (CPU) | Floor (CPU) | Round trips | Floor + round trips | Node / that |\n|---|---|---|---|---|---|---|',
	);
	for (const row of CASES) {
		const fake = fakes[row.node];
		const parameters = { resource: row.resource, operation: row.operation, ...row.parameters };
		const floorType = registerFloorNode(
			`${row.resource}${row.operation}`,
			propertiesOf(row),
			row.read,
		);
		const run = async (list: IDataObject[]) => {
			const result = await runNode(row.node, parameters, list, credentialsFor(fake));
			if (result.status !== 'success' || result.json().length !== list.length)
				throw new Error(`${row.label} failed: ${result.error?.message}`);
		};
		const floorRun = async (list: IDataObject[]) => {
			const result = await runNode(floorType, row.parameters, list);
			if (result.status !== 'success')
				throw new Error(`floor of ${row.label} failed: ${result.error?.message}`);
		};
		// Warm-up (not measured): module loading and compilation would be charged to the first row.
		await run(items.slice(0, 100));
		await floorRun(items.slice(0, 100));

		const requests: RecordedRequest[] = [];
		const [node, floor, direct] = await interleaved(runs, [
			async () => {
				fake.reset();
				await run(items);
				requests.splice(0, requests.length, ...fake.requests);
			},
			async () => await floorRun(items),
			async () => {
				fake.reset();
				await replay(fake.url, requests);
			},
		]);
		const budget = floor.wall + direct.wall;
		const s = (seconds: number) => `${seconds.toFixed(2)} s`;
		console.log(
			`| ${row.label} | ${requests.length} | ${s(node.wall)} (${s(node.cpu)}) | ${s(floor.wall)} (${s(floor.cpu)}) | ${s(direct.wall)} | ${s(budget)} | ${ratio(node.wall, budget)} |`,
		);
	}
	await nlp.close();
	await reporter.close();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
