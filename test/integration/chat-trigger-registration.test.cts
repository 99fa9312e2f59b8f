/**
 * Tovie Chat Trigger's "Register Automatically": activation sets the Chat API channel's webhook to
 * the node's URL through the Bot channel API, deactivation restores the previous one, and the
 * platform's deliveries really go to the registered URL.
 */
import axios from 'axios';
import { HookContext } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { TovieChatTrigger } from '../../nodes/ChatTrigger/TovieChatTrigger.node';
import { searchChatApiChannels } from '../../nodes/common/search';
import { ChannelsModule } from '../helpers/fake-platform/channels.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { SEEN_MAX } from '../../nodes/ChatTrigger/guard';
import { callWebhook, hookContext } from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	SECRETS,
	useFastRetries,
} from '../helpers/integration.cts';
import { loadOptionsContext } from '../helpers/load-options.cts';

const TOKEN = SECRETS.chatApiToken;
let fake: FakePlatform;
let channels: ChannelsModule;
let credentials: ReturnType<typeof credentialsFor>;

useFastRetries();
beforeAll(async () => {
	fake = await startFakePlatform({
		chat: { tokens: [TOKEN] },
		modules: [(platform) => new ChannelsModule(platform, { tokens: [SECRETS.apiToken] })],
	});
	channels = fake.module(ChannelsModule);
	credentials = credentialsFor(fake);
});
afterEach(() => fake.reset());
afterAll(async () => await fake.close());

const methods = new TovieChatTrigger().webhookMethods.default;
const auto = {
	type: 'tovieChatTrigger',
	parameters: { registration: 'auto', triggerOn: ['botReply'] },
};
/** What n8n does with static data between calls: saves it, and hands each call a copy. */
const saved = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;
let questions = 0;
const event = () => ({
	token: TOKEN,
	clientId: 'c-1',
	questionId: `q-${++questions}`,
	data: { answer: 'Hi', replies: [{ type: 'text', text: 'Hi' }] },
	timestamp: '2026-05-01T10:00:00.000',
});
/** One webhook call of the published trigger; returns the static data n8n would save after it. */
async function deliver(events: IDataObject[], staticData: IDataObject) {
	const copy = saved(staticData);
	const body = JSON.stringify(events);
	const { answer, items } = await callWebhook(
		auto,
		{
			body: JSON.parse(body),
			rawBody: Buffer.from(body),
			headers: { 'content-type': 'application/json' },
		},
		credentials as never,
		copy,
	);
	expect(answer.statusCode).toBe(200);
	return { items, staticData: copy };
}
/** Publishes the workflow: registers, and returns the static data n8n saves then. */
async function publish(): Promise<IDataObject> {
	const staticData: IDataObject = {};
	await methods.create.call(hookContext(auto, credentials as never, staticData).context);
	return saved(staticData);
}
const unpublish = async (staticData: IDataObject) =>
	await methods.delete.call(hookContext(auto, credentials as never, saved(staticData)).context);

const picked = (id: number | string) => ({
	...auto,
	parameters: { ...auto.parameters, channel: { __rl: true, mode: 'list', value: String(id) } },
});

describe.each(['both', 'customData', 'webhookUrl'] as const)(
	'automatic webhook registration, a read channel showing the callback URL in %s',
	(shown) => {
		beforeEach(() => {
			channels.callbackUrlShown = shown;
		});

		it('registers on activation, keeps the channel settings, and restores the previous URL on deactivation', async () => {
			const channel = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
			const { context, url } = hookContext(auto, credentials as never);

			expect(await methods.checkExists.call(context)).toBe(false);
			expect(await methods.create.call(context)).toBe(true);
			expect(channels.urlOf(channel)).toBe(url);
			expect(await methods.checkExists.call(context)).toBe(true);
			const [put] = channels.updates;
			expect(put.body).toMatchObject({
				accessToken: TOKEN,
				channelName: 'Chat API',
				isAutoDeploy: true,
				isBlock: false,
				repositoryReference: { type: 'BRANCH', value: 'master' },
				// blockForm goes back as read; a platform that does not show it gets none.
				customData: {
					chatApi: {
						...(channels.callbackUrlShown === 'webhookUrl' ? {} : { blockForm: true }),
						callbackUrl: url,
					},
				},
			});
			expect(fake.requestsTo('PUT')[0].headers.authorization).toBe(`Bearer ${SECRETS.apiToken}`);

			expect(await methods.delete.call(context)).toBe(true);
			expect(channels.urlOf(channel)).toBe('https://old.example/hook');
			if (channels.callbackUrlShown !== 'webhookUrl')
				expect(JSON.parse(channel.customData!)).toEqual({
					chatApi: { blockForm: true, callbackUrl: 'https://old.example/hook' },
				});
		});

		it('while the editor listens for a test event, registers the Test URL and then puts the Production URL back', async () => {
			const channel = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
			const { context: production, workflow, url } = hookContext(auto, credentials as never);
			await methods.create.call(production);
			// What n8n's test webhooks do on "Listen for test event": the same methods, with isTest.
			const node = production.getNode();
			const description = new TovieChatTrigger().description.webhooks![0];
			const webhookData = {
				httpMethod: 'POST',
				node: node.name,
				path: 'webhook',
				webhookDescription: description,
				workflowId: workflow.id,
				isTest: true,
			};
			const test = new HookContext(
				workflow,
				node,
				production.additionalData,
				'manual',
				'manual',
				webhookData as never,
			);
			const testUrl = test.getNodeWebhookUrl('default')!;
			expect(testUrl).toMatch(/\/webhook-test\//);
			expect(await methods.checkExists.call(test)).toBe(false);
			await methods.create.call(test);
			expect(channels.urlOf(channel)).toBe(testUrl);
			await methods.delete.call(test);
			expect(channels.urlOf(channel)).toBe(url);
		});

		it('makes the platform deliver to the registered URL', async () => {
			channels.addProject('acme-bot', TOKEN);
			const { context, url } = hookContext(auto, credentials as never);
			await methods.create.call(context);
			fake.chat.webhookRetryDelayMs = 1;
			fake.chat.pushAgentReply(TOKEN, 'c-1', 'hello');
			await fake.chat.idle();
			expect(fake.chat.deliveries[0].url).toBe(url);
		});

		it('finds the channel when the list leaves accessToken out (optional in the spec)', async () => {
			const mine = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
			const { context, url } = hookContext(auto, credentials as never);
			// The list names the channels without their tokens; each is then read on its own.
			const { accessToken: _token, ...listed } = mine;
			fake.inject({
				method: 'GET',
				path: /^\/api\/v1\/bot-channels$/,
				status: 200,
				body: { items: [{ id: 999, channelType: 'CHAT_WIDGET' }, listed] },
			});
			expect(await methods.create.call(context)).toBe(true);
			expect(channels.urlOf(mine)).toBe(url);
			// Then read once more after the update: the platform kept the URL.
			expect(fake.requestsTo('GET', /^\/api\/v1\/bot-channels\/\d+$/).map((r) => r.path)).toEqual([
				`/api/v1/bot-channels/${mine.id}`,
				`/api/v1/bot-channels/${mine.id}`,
			]);
		});

		it('does not touch a URL someone else changed meanwhile, and logs a warning', async () => {
			const channel = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
			const { context } = hookContext(auto, credentials as never);
			await methods.create.call(context);
			channels.setCallbackUrl(channel, 'https://someone-else.example/hook');
			const warn = jest.spyOn(context.logger, 'warn');
			try {
				await methods.delete.call(context);
				expect(warn).toHaveBeenCalledWith(
					`Tovie Chat Trigger: the webhook address of channel ${channel.id} was changed since this node set it, so it is left as it is`,
				);
			} finally {
				warn.mockRestore();
			}
			expect(channels.urlOf(channel)).toBe('https://someone-else.example/hook');
			expect(channels.updates).toHaveLength(1);
		});

		it('restores the previous URL after the trigger received events, repeats included', async () => {
			const channel = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
			let staticData = await publish();
			const first = event();
			for (const events of [[first], [first, event()], [event(), event()], [first]]) {
				({ staticData } = await deliver(events, staticData));
			}
			const node = staticData['node:Trigger'] as IDataObject;
			expect(node.registration).toEqual({
				channelId: channel.id,
				previousUrl: 'https://old.example/hook',
			});
			expect(Object.keys(node.seen as IDataObject)).toHaveLength(4);
			await unpublish(staticData);
			expect(channels.urlOf(channel)).toBe('https://old.example/hook');
		});

		it('restores the previous URL after many deliveries, with the remembered events capped', async () => {
			const channel = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
			let staticData = await publish();
			let started = 0;
			for (let call = 0; call < 40; call++) {
				const delivery = await deliver(
					Array.from({ length: 20 }, () => event()),
					staticData,
				);
				started += delivery.items.length;
				staticData = delivery.staticData;
			}
			expect(started).toBe(800);
			const node = staticData['node:Trigger'] as IDataObject;
			expect(Object.keys(node.seen as IDataObject)).toHaveLength(SEEN_MAX);
			expect(node.registration).toEqual({
				channelId: channel.id,
				previousUrl: 'https://old.example/hook',
			});
			await unpublish(staticData);
			expect(channels.urlOf(channel)).toBe('https://old.example/hook');
		});

		it('restores the previous URL of a workflow published by an earlier version (flat static data)', async () => {
			const channel = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
			const { url } = hookContext(auto, credentials as never);
			channels.setCallbackUrl(channel, url);
			// What earlier versions saved: the registration and the delivered events side by side.
			let staticData: IDataObject = {
				'node:Trigger': {
					channelId: channel.id,
					previousUrl: 'https://old.example/hook',
					'q-0|c-1|2026-05-01T10:00:00.000|': Date.now(),
				},
			};
			({ staticData } = await deliver([event()], staticData));
			const node = staticData['node:Trigger'] as IDataObject;
			expect(Object.keys(node).sort()).toEqual(['channelId', 'previousUrl', 'seen']);
			await unpublish(staticData);
			expect(channels.urlOf(channel)).toBe('https://old.example/hook');
		});

		it('explains what is missing, and says when no channel uses the token', async () => {
			const noProject = hookContext(auto, credentialsFor(fake, { projectShortName: '' }) as never);
			await expect(methods.create.call(noProject.context)).rejects.toThrow(
				'Automatic registration needs the Chat API Token, the Unified API Token and the Project Short Name',
			);

			channels.addProject('acme-bot', 'Another1:0000000000000000000000000000000000000000');
			const { context } = hookContext(auto, credentials as never);
			await expect(methods.create.call(context)).rejects.toThrow(
				'No Chat API channel of project "acme-bot" uses the credential\'s Chat API Token',
			);

			const wrongToken = hookContext(
				auto,
				credentialsFor(fake, { apiToken: 'wrong-unified-token' }) as never,
			);
			const error = (await methods.create.call(wrongToken.context).catch((e: Error) => e)) as Error;
			expect(error.message).toMatch(/\[403 gateway.auth.invalid_token\]/);
			expectNoSecrets(
				[JSON.stringify(error, Object.getOwnPropertyNames(error))],
				[...Object.values(SECRETS), 'wrong-unified-token'],
			);
		});

		it('registers on the picked channel by its ID, without the project or the channel list', async () => {
			const channel = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
			// A second Chat API channel of the project: the token search would not need the field, the pick does.
			channels.addChannel('acme-bot', {
				channelType: 'CHAT_API',
				channelName: 'Chat API 2',
				accessToken: 'Second1:1111111111111111111111111111111111111111',
			});
			const { context, url } = hookContext(
				picked(channel.id),
				credentialsFor(fake, { projectShortName: '' }) as never,
			);

			expect(await methods.checkExists.call(context)).toBe(false);
			expect(await methods.create.call(context)).toBe(true);
			expect(channels.urlOf(channel)).toBe(url);
			expect(await methods.checkExists.call(context)).toBe(true);
			expect(fake.requestsTo('GET', /\/projects\//)).toHaveLength(0);
			expect(fake.requestsTo('GET', /^\/api\/v1\/bot-channels$/)).toHaveLength(0);
			expect(channels.updates.map((update) => update.id)).toEqual([channel.id]);

			expect(await methods.delete.call(context)).toBe(true);
			expect(channels.urlOf(channel)).toBe('https://old.example/hook');
		});

		it('deactivation restores the channel it changed, even after the Channel field changed', async () => {
			const first = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
			const second = channels.addChannel('acme-bot', {
				channelType: 'CHAT_API',
				channelName: 'Chat API 2',
				accessToken: TOKEN,
				webhookUrl: 'https://second.example/hook',
			});
			const { context, workflow, url } = hookContext(picked(first.id), credentials as never);
			await methods.create.call(context);
			expect(channels.urlOf(first)).toBe(url);
			workflow.getNode(context.getNode().name)!.parameters.channel = {
				__rl: true,
				mode: 'list',
				value: String(second.id),
			};
			await methods.delete.call(context);
			expect(channels.urlOf(first)).toBe('https://old.example/hook');
			expect(channels.urlOf(second)).toBe('https://second.example/hook');
		});

		it('refuses a picked channel that is not Chat API or has another token, before changing anything', async () => {
			const mine = channels.addProject('acme-bot', TOKEN);
			const other = channels.addChannel('acme-bot', {
				channelType: 'CHAT_API',
				channelName: 'Other chat',
				accessToken: 'Other1:2222222222222222222222222222222222222222',
			});
			const wrongToken = hookContext(picked(other.id), credentials as never);
			await expect(methods.create.call(wrongToken.context)).rejects.toThrow(
				`Channel Other chat (${other.id}) does not use the credential's Chat API Token`,
			);
			const widget = hookContext(picked(mine.id - 1), credentials as never);
			await expect(methods.create.call(widget.context)).rejects.toThrow(
				`Channel Web widget (${mine.id - 1}) is a CHAT_WIDGET channel, not a Chat API channel`,
			);
			const notANumber = hookContext(picked('acme-bot-49199'), credentials as never);
			await expect(methods.create.call(notANumber.context)).rejects.toThrow(
				'Channel must be a channel ID (a number), got "acme-bot-49199"',
			);
			expect(channels.updates).toHaveLength(0);
		});

		it("the Channel list shows the Chat API channels of the credential's project", async () => {
			const mine = channels.addProject('acme-bot', TOKEN);
			const second = channels.addChannel('acme-bot', {
				channelType: 'CHAT_API',
				channelName: 'Backup chat',
				accessToken: 'Second1:1111111111111111111111111111111111111111',
			});
			channels.addChannel('acme-bot', { channelType: 'TELEGRAM', channelName: 'Telegram' });
			const { ctx } = loadOptionsContext(
				credentials as never,
				{ registration: 'auto' },
				'n8n-nodes-tovie.tovieChatTrigger',
			);
			expect(await searchChatApiChannels.call(ctx)).toEqual({
				results: [
					{ name: 'Backup chat (CHAT_API)', value: String(second.id) },
					{ name: 'Chat API (CHAT_API)', value: String(mine.id) },
				],
			});
			expect((await searchChatApiChannels.call(ctx, 'backup')).results).toEqual([
				{ name: 'Backup chat (CHAT_API)', value: String(second.id) },
			]);
		});

		it('with "Paste the URL Myself" calls nothing', async () => {
			const { context } = hookContext(
				{ type: 'tovieChatTrigger', parameters: { triggerOn: ['botReply'] } },
				credentials as never,
			);
			expect(await methods.checkExists.call(context)).toBe(true);
			expect(await methods.create.call(context)).toBe(true);
			expect(await methods.delete.call(context)).toBe(true);
			expect(fake.requests).toHaveLength(0);
		});
	},
);

describe('automatic webhook registration: what the spec leaves open', () => {
	it('skips a removed channel that is still listed with the same token, and refuses it when picked', async () => {
		channels.removedChannelsListed = true;
		const old = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
		await axios.delete(`${fake.url}/api/v1/bot-channels/${old.id}`, {
			headers: { authorization: `Bearer ${SECRETS.apiToken}` },
		});
		expect(old.isRemoved).toBe(true);
		const live = channels.addChannel('acme-bot', {
			channelType: 'CHAT_API',
			channelName: 'Chat API, new',
			accessToken: TOKEN,
		});
		const { context, url } = hookContext(auto, credentials as never);
		await methods.create.call(context);
		expect(channels.urlOf(live)).toBe(url);
		expect(channels.updates.map((update) => update.id)).toEqual([live.id]);
		const { context: pickedRemoved } = hookContext(picked(old.id), credentials as never);
		await expect(methods.create.call(pickedRemoved)).rejects.toThrow(
			`Channel Chat API (${old.id}) was removed from the project`,
		);
	});

	it('says so when the platform takes the update but does not keep the address', async () => {
		const channel = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
		const { context } = hookContext(auto, credentials as never);
		// The PUT is answered 200 and changes nothing.
		fake.inject({ method: 'PUT', path: /^\/api\/v1\/bot-channels\/\d+$/, status: 200, body: {} });
		await expect(methods.create.call(context)).rejects.toThrow(
			`The platform did not keep the webhook address of channel ${channel.id}`,
		);
		expect(channels.urlOf(channel)).toBe('https://old.example/hook');
	});

	it('logs when the channel shows two different addresses, and goes by the one it writes', async () => {
		const channel = channels.addProject('acme-bot', TOKEN, 'https://old.example/hook');
		channel.webhookUrl = 'https://stale.example/hook';
		const { context, url } = hookContext(auto, credentials as never);
		const warn = jest.spyOn(context.logger, 'warn');
		await methods.create.call(context);
		expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(
			expect.stringContaining('reads customData.chatApi.callbackUrl and webhookUrl differently'),
		);
		expect(channels.urlOf(channel)).toBe(url);
	});
});
