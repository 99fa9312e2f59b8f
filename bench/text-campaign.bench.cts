/**
 * Benchmark (not a test): one event sent to 5 000 clients on the fake platform with 20 ms of
 * latency per request, three ways:
 *   1. Tovie Text Campaign → Client → Send Event with the default Requests at Once (10 requests
 *      in flight), through n8n-core;
 *   2. the same with --batch requests at once (default 50);
 *   3. one HTTP request per client (`send-event`), one after the other over a keep-alive
 *      connection, as an HTTP Request node would.
 * The Text campaign API takes one client per request (send-event has a single `clientId`), so the
 * request count cannot go below one per client; what the node saves is wall time. Prints requests
 * sent, wall time and sendings stored for each.
 *
 *   node bench/run.js bench/text-campaign.bench.cts [--count 5000] [--latency 20] [--batch 50] [--node-only]
 */
import * as http from 'node:http';

import { TovieTextCampaign } from '../nodes/TextCampaign/TovieTextCampaign.node.ts';
import { ChannelsModule } from '../test/helpers/fake-platform/channels.cts';
import { startFakePlatform } from '../test/helpers/fake-platform/server.cts';
import { TextCampaignModule } from '../test/helpers/fake-platform/textCampaigns.cts';
import { PACKAGE_NAME, registerNodeType, runNode } from '../test/helpers/harness.cts';

// bench/run.js resolves `TovieTextCampaign.node` to the codex file (.json before .ts): register it.
registerNodeType(`${PACKAGE_NAME}.tovieTextCampaign`, new TovieTextCampaign());

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
	const rows: string[][] = [];
	const measure = async (label: string, task: () => Promise<void>) => {
		fake.reset();
		seed();
		fake.latencyMs = latencyMs;
		const started = process.hrtime.bigint();
		await task();
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		const stored = campaigns.sendingList().length;
		const clients = new Set(campaigns.sendingList().map((s) => s.clientId)).size;
		rows.push([
			label,
			String(fake.requests.length),
			`${(ms / 1000).toFixed(2)} s`,
			String(stored),
			String(clients),
			String(fake.maxInFlight),
		]);
		console.log(
			`${label}: ${fake.requests.length} requests, ${(ms / 1000).toFixed(2)} s, ${stored} sendings for ${clients} clients, at most ${fake.maxInFlight} in flight`,
		);
	};
	const viaNode = (requestsAtOnce?: number) => async () => {
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

	try {
		await measure('Tovie Text Campaign → Send Event (Requests at Once 10, default)', viaNode());
		await measure(`Tovie Text Campaign → Send Event (Requests at Once ${batch})`, viaNode(batch));
		if (!process.argv.includes('--node-only')) {
			await measure('One HTTP request per client, one after the other', async () => {
				const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
				for (const item of items) {
					const status = await post(
						agent,
						`${fake.url}/api/v1/text-campaign-service/dynamics/send-event`,
						{
							textCampaignName: CAMPAIGN,
							botId: BOT,
							clientId: item.clientId,
							event: 'orderShipped',
							eventData: { orderId: item.orderId },
						},
					);
					if (status !== 200) throw new Error(`HTTP ${status}`);
				}
				agent.destroy();
			});
		}
	} finally {
		await fake.close();
	}
	console.log(
		`\n${count} clients, one event each, ${latencyMs} ms latency per request, Node ${process.version}\n`,
	);
	console.log(
		'| Method | Requests | Wall time | Sendings | Clients | Most in flight |\n|---|---|---|---|---|---|',
	);
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
