/**
 * What each example must produce beyond the generic checks of package.e2e.cts (no node error,
 * every package node outputs items, the fake got requests and answered none with an error).
 * Examples without an entry here get only the generic checks.
 */
import { PushgateModule } from '../helpers/fake-platform/pushgate.cts';
import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import { EXAMPLE_BOT_ID } from './fake.cts';
import { SECRETS } from './fixtures.cts';
import { itemsOf, type RunData } from './n8n.cts';

type Check = (run: { runData: RunData; fake: FakePlatform }) => void;

const token = encodeURIComponent(SECRETS.chatApiToken);

const checks: Record<string, Check> = {
	'text-campaign-order-shipped.json': ({ runData, fake }) => {
		// One send per order, each to its client, all accepted.
		expect(itemsOf(runData, 'Send the shipping event')).toEqual(
			['512345678', '512345679', '512345680'].map((clientId) =>
				expect.objectContaining({ clientId, accepted: true, sendingId: expect.any(String) }),
			),
		);
		// The sends go out several at once, so they may reach the platform in any order.
		const sends = fake.requests.filter((r) => r.path.endsWith('/dynamics/send-event'));
		const byClient = (a: { clientId?: string }, b: { clientId?: string }) =>
			String(a.clientId).localeCompare(String(b.clientId));
		expect(sends.map((r) => r.body as { clientId?: string }).sort(byClient)).toEqual([
			expect.objectContaining({
				clientId: '512345678',
				event: 'orderShipped',
				eventData: { orderId: 1042, carrier: 'DHL' },
				textCampaignName: 'Order updates',
			}),
			expect.objectContaining({
				clientId: '512345679',
				eventData: { orderId: 1043, carrier: 'UPS' },
			}),
			expect.objectContaining({
				clientId: '512345680',
				eventData: { orderId: 1044, carrier: 'DHL' },
			}),
		]);
	},
	'project-deploy-and-post.json': ({ runData, fake }) => {
		expect(itemsOf(runData, 'Deploy the bot')).toEqual([
			expect.objectContaining({ status: 'deployed', botId: EXAMPLE_BOT_ID }),
		]);
		const [posted] = fake.requests.filter((r) => r.path.endsWith('/dynamics/send-replies'));
		expect(posted.body).toMatchObject({
			clientId: 'team-chat-4242',
			textCampaignName: 'Team notices',
			replies: [{ type: 'text', text: expect.stringContaining('Bot deployed') }],
		});
	},
	'pushgate-fire-pushback.json': ({ fake }) => {
		const [firing] = fake.module(PushgateModule).firings;
		expect(firing).toMatchObject({
			id: '0f8fad5b-d9cb-469f-a165-70867728950e',
			data: { orderId: 1042, carrier: 'DHL' },
		});
	},
	'chat-send-and-history.json': ({ runData, fake }) => {
		const [answer] = itemsOf(runData, 'Ask the bot');
		expect(answer).toMatchObject({
			clientId: 'example-client-1',
			questionId: expect.any(String),
			answer: expect.any(String),
		});
		expect(itemsOf(runData, 'Mark the answer read')).toEqual([
			expect.objectContaining({
				clientId: 'example-client-1',
				questionId: answer.questionId,
				status: 'READ',
			}),
		]);
		const history = itemsOf(runData, 'Read the history');
		expect(history.length).toBeGreaterThanOrEqual(2);
		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST /chatapi/${token}`,
			`POST /chatapi/${token}/client/example-client-1/message/${String(answer.questionId)}/status`,
			`GET /chatapi/${token}/client/example-client-1/history`,
		]);
		expect(fake.requests[0].body).toMatchObject({
			clientId: 'example-client-1',
			query: 'Hello, where is my order?',
		});
		expect(
			fake.chat
				.client(SECRETS.chatApiToken, 'example-client-1')
				?.statuses.get(String(answer.questionId)),
		).toBe('READ');
	},
};

/** State an example needs on the fake platform before it runs (after `fake.reset()`). */
const setups: Record<string, (fake: FakePlatform) => void> = {
	'pushgate-fire-pushback.json': (fake) => {
		// The example's Set node carries this pushback id, as a bot script would have created it.
		const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
		const pushgate = fake.module(PushgateModule);
		pushgate.pushbacks.set(id, {
			...pushgate.create(SECRETS.chatApiToken, 'example-client-1', 'orderShipped'),
			id,
		});
	},
};

export function setUpExample(file: string, fake: FakePlatform): void {
	setups[file]?.(fake);
}

export function expectExample(file: string, run: { runData: RunData; fake: FakePlatform }): void {
	checks[file]?.(run);
}
