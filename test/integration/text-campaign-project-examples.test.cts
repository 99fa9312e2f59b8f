/**
 * The Tovie Text Campaign and Tovie Project nodes of examples/text-campaign-order-shipped.json and
 * examples/project-deploy-and-post.json, run with the examples' own parameters through n8n-core
 * against the end-to-end suite's fake platform and credential, so the examples keep working there
 * (the e2e suite runs the whole workflows in a real n8n).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { deployTiming } from '../../nodes/Project/helpers/deploy';
import { EXAMPLE_BOT_ID, startE2eFake } from '../e2e/fake.cts';
import { exampleCredential, SECRETS } from '../e2e/fixtures.cts';
import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import { runNode } from '../helpers/harness.cts';
import { expectNoSecrets } from '../helpers/integration.cts';

interface Example {
	nodes: Array<{ name: string; type: string; parameters: IDataObject; onError?: string }>;
}

const example = (file: string) =>
	JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8')) as Example;
const node = (workflow: Example, name: string) => workflow.nodes.find((n) => n.name === name)!;
const short = (type: string) => type.replace(/^n8n-nodes-tovie\./, '');

let fake: FakePlatform;
const saved = { ...deployTiming };
beforeAll(async () => {
	fake = await startE2eFake();
	Object.assign(deployTiming, { longPollSeconds: 1, firstPauseMs: 5 });
});
afterAll(async () => {
	Object.assign(deployTiming, saved);
	await fake.close();
});
beforeEach(() => fake.reset());

const run = async (workflow: Example, name: string, items: IDataObject[]) => {
	const { type, parameters } = node(workflow, name);
	const result = await runNode(short(type), parameters, items, exampleCredential(fake.url).data);
	expectNoSecrets([result.serialized], Object.values(SECRETS));
	expect([name, result.error?.message]).toEqual([name, undefined]);
	expect(fake.requests.filter((r) => r.status >= 400)).toEqual([]);
	return result;
};

it('order shipped → message in the bot’s channel: one send per order', async () => {
	const workflow = example('text-campaign-order-shipped.json');
	const orders = (
		JSON.parse(String(node(workflow, 'Shipped orders').parameters.jsonOutput)) as {
			orders: IDataObject[];
		}
	).orders;
	const result = await run(workflow, 'Send the shipping event', orders);
	expect(result.json()).toEqual(
		orders.map((order) =>
			expect.objectContaining({ clientId: order.clientId, accepted: true, botId: EXAMPLE_BOT_ID }),
		),
	);
	expect(fake.requests.map((r) => r.body)).toEqual(
		orders.map((order) =>
			expect.objectContaining({
				clientId: order.clientId,
				eventData: { orderId: order.orderId, carrier: order.carrier },
			}),
		),
	);
});

it('deploy the bot after a project change, then post the result', async () => {
	const workflow = example('project-deploy-and-post.json');
	expect(node(workflow, 'Deploy the bot').onError).toBe('continueErrorOutput');
	const change = JSON.parse(
		String(node(workflow, 'Project change').parameters.jsonOutput),
	) as IDataObject;
	const deployed = await run(workflow, 'Deploy the bot', [change]);
	expect(deployed.json()).toEqual([
		expect.objectContaining({
			status: 'deployed',
			botId: EXAMPLE_BOT_ID,
			projectShortName: 'e2e-project',
		}),
	]);
	fake.reset();
	const posted = await run(workflow, 'Post the result', [{ text: 'Bot deployed' }]);
	expect(posted.json()).toEqual([
		expect.objectContaining({ clientId: 'team-chat-4242', accepted: true }),
	]);
	expect(fake.requests[0].body).toMatchObject({
		textCampaignName: 'Team notices',
		replies: [{ type: 'text', text: 'Bot deployed' }],
	});
});
