/**
 * Benchmark (not a test): one event sent to 5 000 clients on the fake platform with 20 ms of
 * latency per request. For the default Requests at Once (10) and for --batch (default 50):
 *   1. Tovie Text Campaign → Client → Send Event with that many requests at once, through n8n-core;
 *   2. the floor beside it: n8n's own cost of a node that only reads the same parameters per item
 *      (bench/floor.cts), plus the same send-event requests sent directly with the same
 *      concurrency over keep-alive connections; the node's time over that sum (target ≤ 1.2x).
 * Then (unless --node-only) one HTTP request per client, one after the other over a keep-alive
 * connection, as an HTTP Request node would.
 * The Text campaign API takes one client per request (send-event has a single `clientId`), so the
 * request count cannot go below one per client; what the node saves is wall time. Prints requests
 * sent, wall time, CPU and sendings stored for each. The fake platform checks every request
 * against the vendor OpenAPI spec (test/helpers/fake-platform/spec.cts): that cost is the fake's,
 * and weighs on the node's requests and on the floor's direct requests alike.
 *
 * With --runs N (default 3) the node, the floor node and the direct requests are measured N times,
 * interleaved, and the fastest run of each is shown.
 *
 *   node bench/run.js bench/text-campaign.bench.cts [--count 5000] [--latency 20] [--batch 50] [--runs 3] [--node-only]
 */
import * as http from 'node:http';

import { TovieTextCampaign } from '../nodes/TextCampaign/TovieTextCampaign.node.ts';
import { ChannelsModule } from '../test/helpers/fake-platform/channels.cts';
import { startFakePlatform } from '../test/helpers/fake-platform/server.cts';
import { TextCampaignModule } from '../test/helpers/fake-platform/textCampaigns.cts';
import { PACKAGE_NAME, registerNodeType, runNode } from '../test/helpers/harness.cts';
import { sendEvent } from '../nodes/TextCampaign/actions/client/sendEvent.operation.ts';
import { forgetRepeats } from '../nodes/common/repeats.ts';
import { interleaved, loadAverage, ratio, registerFloorNode, type Timing } from './floor.cts';

// bench/run.js resolves `TovieTextCampaign.node` to the codex file (.json before .ts): register it.
registerNodeType(`${PACKAGE_NAME}.tovieTextCampaign`, new TovieTextCampaign());
// The floor reads what Send Event reads per item: channel, campaign, client, event, event data.
const READ = ['botId', 'textCampaignName', 'clientId', 'event', 'eventData'];
const FLOOR = registerFloorNode(
	'TextCampaign',
	(sendEvent.properties ?? []).filter((p) => READ.includes(p.name)),
	READ,
);

const TOKEN = 'bench-unified-token-5c1d';
const PROJECT = 'acme-shop';
const BOT = '263-acme-shop-263-Wnu-49199';
const CAMPAIGN = 'Order updates';

function arg(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function post(agent: http.Agent, url: string, body: unknown): Promise<number> {
	return await new Promise((resolve, reject) => {
		const text = JSON.stringify(body);
		const headers = {
			'Content-Type': 'application/json',
			'Content-Length': Buffer.byteLength(text),
			Authorization: `Bearer ${TOKEN}`,
		};
		const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
		});
		request.on('error', reject);
		request.end(text);
	});
}

async function main() {
	const count = arg('count', 5_000);
	const latencyMs = arg('latency', 20);
	const batch = arg('batch', 50);
	const fake = await startFakePlatform({
		modules: [
			(platform) => new ChannelsModule(platform, { tokens: [TOKEN] }),
			(platform) =>
				new TextCampaignModule(platform, {
					tokens: [TOKEN],
					channels: platform.module(ChannelsModule),
					maxPageSize: 10_000,
				}),
		],
	});
	const channels = fake.module(ChannelsModule);
	const campaigns = fake.module(TextCampaignModule);
	const seed = () => {
		// A Telegram channel: the fake stores each sending without running a bot for it.
		channels.newProject(PROJECT, 'Acme shop');
		channels.addChannel(PROJECT, {
			channelType: 'TELEGRAM',
			accessToken: 'tg-bench',
			botId: BOT,
		});
		campaigns.addCampaign(PROJECT, CAMPAIGN);
	};
	const items = Array.from({ length: count }, (_, n) => ({
		clientId: String(500_000_000 + n),
		orderId: 10_000 + n,
	}));
	const credentials = {
		server: 'custom',
		baseUrl: fake.url,
		apiToken: TOKEN,
		projectShortName: PROJECT,
	};
	const parameters = {
		resource: 'client',
		operation: 'sendEvent',
		botId: { __rl: true, mode: 'id', value: BOT },
		textCampaignName: { __rl: true, mode: 'name', value: CAMPAIGN },
		clientId: '={{ $json.clientId }}',
		event: 'orderShipped',
		eventData: '={{ { orderId: $json.orderId } }}',
	};
	const load = loadAverage();
	const runs = arg('runs', 3);
	const rows: string[][] = [];
	const budgets: string[] = [];
	const reseed = () => {
		fake.reset();
		seed();
		fake.latencyMs = latencyMs;
	};
	const stored = () => {
		const list = campaigns.sendingList();
		return { sendings: list.length, clients: new Set(list.map((s) => s.clientId)).size };
	};
	interface Stats {
		requests: number;
		sendings: number;
		clients: number;
		inFlight: number;
	}
	const none = (): Stats => ({ requests: 0, sendings: 0, clients: 0, inFlight: 0 });
	const row = (label: string, stats: Stats, { wall, cpu }: Timing) => {
		rows.push([
			label,
			String(stats.requests),
			`${wall.toFixed(2)} s`,
			`${cpu.toFixed(2)} s`,
			String(stats.sendings),
			String(stats.clients),
			String(stats.inFlight),
		]);
		console.log(
			`${label}: ${stats.requests} requests, ${wall.toFixed(2)} s (CPU ${cpu.toFixed(2)} s), ${stats.sendings} sendings for ${stats.clients} clients, at most ${stats.inFlight} in flight`,
		);
	};
	/** Reseeds the fake, runs `task`, and notes what it did. */
	const counted = (stats: Stats, task: () => Promise<void>) => async () => {
		reseed();
		await task();
		Object.assign(stats, {
			requests: fake.requests.length,
			...stored(),
			inFlight: fake.maxInFlight,
		});
	};
	const viaNode = (requestsAtOnce?: number) => async () => {
		// Each run is new work: Repeat Protection would otherwise skip items a run before sent.
		forgetRepeats();
		const result = await runNode(
			'tovieTextCampaign',
			{ ...parameters, options: requestsAtOnce ? { requestsAtOnce } : {} },
			items,
			credentials,
		);
		const sent = result.json().filter((json) => json.accepted === true).length;
		if (result.status !== 'success' || sent !== count)
			throw new Error(`Send Event failed: ${result.error?.message ?? `${sent} sent`}`);
	};
	const viaFloor = async () => {
		const result = await runNode(FLOOR, parameters, items);
		if (result.status !== 'success' || result.json().length !== count)
			throw new Error(`Floor failed: ${result.error?.message}`);
	};
	const sendEventUrl = () => `${fake.url}/api/v1/text-campaign-service/dynamics/send-event`;
	const bodyOf = (item: (typeof items)[number]) => ({
		textCampaignName: CAMPAIGN,
		botId: BOT,
		clientId: item.clientId,
		event: 'orderShipped',
		eventData: { orderId: item.orderId },
	});
	/** The same send-event requests, `concurrency` at once over keep-alive connections. */
	const direct = (concurrency: number) => async () => {
		const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const status = await post(agent, sendEventUrl(), bodyOf(items[next++]));
				if (status !== 200) throw new Error(`HTTP ${status}`);
			}
		};
		await Promise.all(Array.from({ length: concurrency }, worker));
		agent.destroy();
	};

	try {
		// Warm-up (not measured): loading modules and compiling hot paths would be charged to
		// whichever row runs first.
		reseed();
		await viaNode()();
		await viaFloor();
		await direct(10)();

		for (const [concurrency, label] of [
			[10, 'Requests at Once 10, default'],
			[batch, `Requests at Once ${batch}`],
		] as const) {
			const node = none();
			const floor = none();
			const sent = none();
			const [nodeTime, floorTime, directTime] = await interleaved(runs, [
				counted(node, viaNode(concurrency === 10 ? undefined : concurrency)),
				counted(floor, viaFloor),
				counted(sent, direct(concurrency)),
			]);
			row(`Tovie Text Campaign → Send Event (${label})`, node, nodeTime);
			row('Floor: a node reading the same five parameters', floor, floorTime);
			row(
				`The same ${sent.requests} send-event requests, ${concurrency} at once, sent directly`,
				sent,
				directTime,
			);
			const total = floorTime.wall + directTime.wall;
			budgets.push(
				`${concurrency} at once: node ${nodeTime.wall.toFixed(2)} s against floor ${floorTime.wall.toFixed(2)} s + direct requests ${directTime.wall.toFixed(2)} s = ${total.toFixed(2)} s: ${ratio(nodeTime.wall, total)} (target ≤ 1.2x)`,
			);
		}
		if (!process.argv.includes('--node-only')) {
			const one = none();
			const [time] = await interleaved(1, [
				counted(one, async () => {
					const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
					for (const item of items) {
						const status = await post(agent, sendEventUrl(), bodyOf(item));
						if (status !== 200) throw new Error(`HTTP ${status}`);
					}
					agent.destroy();
				}),
			]);
			row('One HTTP request per client, one after the other', one, time);
		}
	} finally {
		await fake.close();
	}
	console.log(
		`\n${count} clients, one event each, ${latencyMs} ms latency per request, Node ${process.version}, fastest of ${runs} run(s)\n`,
	);
	console.log(`Load average before: ${load}\n`);
	console.log(
		'| Method | Requests | Wall time | CPU (process) | Sendings | Clients | Most in flight |\n|---|---|---|---|---|---|---|',
	);
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
	console.log('');
	for (const budget of budgets) console.log(budget);
	console.log(
		"\nThe fake platform checks every request against the vendor OpenAPI spec: that time is on the fake's side and is in the direct requests of the floor as much as in the node's.",
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
