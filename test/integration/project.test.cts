/**
 * Tovie Project through n8n-core against the fake platform: every Project API and Bot channel API
 * operation (7 + 7) with the requests they send, the pickers, deploy with Wait for Completion
 * (an async task that takes time and can fail), and a failure case per resource.
 */
import type { IDataObject } from 'n8n-workflow';

import { deployTiming } from '../../nodes/Project/helpers/deploy';
import { searchBots, searchChannels, searchProjects } from '../../nodes/common/search';
import { ChannelsModule, type FakeChannel } from '../helpers/fake-platform/channels.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { runNode } from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	SECRETS,
	useFastRetries,
} from '../helpers/integration.cts';
import { loadOptionsContext } from '../helpers/load-options.cts';

let fake: FakePlatform;
let channels: ChannelsModule;
let chat: FakeChannel;
useFastRetries();

const rl = (value: unknown, mode = 'id') => ({ __rl: true, mode, value });
const run = async (
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	continueOnFail = false,
	credentials = credentialsFor(fake),
) => {
	const result = await runNode('tovieProject', parameters, items, credentials, { continueOnFail });
	expectNoSecrets([result.serialized]);
	return result;
};
const project = (p: IDataObject) => run({ resource: 'project', ...p });
const channel = (p: IDataObject) => run({ resource: 'channel', ...p });
const bearer = `Bearer ${SECRETS.apiToken}`;

const saved = { ...deployTiming };
beforeAll(async () => {
	fake = await startFakePlatform({
		modules: [
			(platform) => new ChannelsModule(platform, { tokens: [SECRETS.apiToken], deployMs: 80 }),
		],
	});
	channels = fake.module(ChannelsModule);
	Object.assign(deployTiming, { longPollSeconds: 1, firstPauseMs: 5, maxPauseMs: 20 });
});
// Every request the node sends must be one the vendor specs allow (spec.cts).
afterEach(() => expect(fake.takeSpecViolations()).toEqual([]));
afterAll(async () => {
	Object.assign(deployTiming, saved);
	await fake.close();
});
beforeEach(() => {
	fake.reset();
	chat = channels.addProject(
		'acme-bot',
		SECRETS.chatApiToken,
		undefined,
		'263-acme-bot-263-Wnu-49199',
	);
	channels.newProject('staging-bot', 'Staging bot');
});

describe('Project', () => {
	it('Create sends the ProjectCreateDto and outputs the simplified project', async () => {
		const result = await project({
			operation: 'create',
			name: 'Acme support',
			additionalFields: {
				botChannelsType: 'CHAT_BOT',
				template: 'zb-echo-cailapub-template_ru',
				language: 'en',
				classificationAlgorithm: 'logreg',
				gitUrl: 'https://git.example/acme.git',
				gitLogin: 'acme',
				gitPassword: 'git-secret',
			},
		});
		expect(fake.requestsTo('POST', /\/api\/v1\/projects$/)[0].body).toEqual({
			name: 'Acme support',
			botChannelsType: 'CHAT_BOT',
			template: { name: 'zb-echo-cailapub-template_ru' },
			gitRepository: {
				url: 'https://git.example/acme.git',
				authType: 'PERSONAL_USER',
				login: 'acme',
				password: 'git-secret',
			},
			projectSettingsData: { language: 'en', classificationAlgorithm: 'logreg' },
		});
		const [created] = result.json();
		expect(created).toMatchObject({
			name: 'Acme support',
			shortName: expect.stringMatching(/^acme_support-263-\w{3}$/),
			language: 'en',
			templateName: 'zb-echo-cailapub-template_ru',
		});
		expect(Object.keys(created).length).toBeLessThanOrEqual(10);
		expect(fake.requests[0].headers.authorization).toBe(bearer);
	});

	it('Get by short name (one request) and by ID; dates come out as ISO 8601', async () => {
		const byName = await project({
			operation: 'get',
			project: rl('acme-bot', 'list'),
			simplify: false,
		});
		expect(fake.requests.map((r) => r.path)).toEqual([
			'/api/v1/projects/acme-bot/by-project-short-name',
		]);
		const id = byName.json()[0].id as number;
		const byId = await project({ operation: 'get', project: rl(String(id)) });
		expect(fake.requests[1].path).toBe(`/api/v1/projects/${id}`);
		expect(byId.json()[0]).toMatchObject({
			id,
			shortName: 'acme-bot',
			channelIds: [chat.id - 1, chat.id],
			lastModificationTime: expect.stringMatching(
				/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/,
			),
		});
	});

	it('Get Many walks the pages at the largest size, falling back when the platform refuses it', async () => {
		for (let n = 0; n < 5; n++) channels.newProject(`p-${n}`, `Project ${n}`);
		const all = await project({
			operation: 'getAll',
			returnAll: true,
			options: { sortingField: 'SHORT_NAME', sortingOrder: 'DESC' },
		});
		expect(all.json().map((p) => p.shortName)).toEqual([
			'staging-bot',
			'p-4',
			'p-3',
			'p-2',
			'p-1',
			'p-0',
			'acme-bot',
		]);
		expect(fake.requests[0].query).toEqual({
			page: '0',
			size: '1000',
			sortingField: 'SHORT_NAME',
			sortingOrder: 'DESC',
		});
		fake.reset();
		for (let n = 0; n < 150; n++) channels.newProject(`p-${n}`, `Project ${n}`);
		fake.inject({
			path: /\/api\/v1\/projects$/,
			status: 400,
			body: { error: 'botadmin.common.validation_error', message: 'size must be at most 100' },
		});
		const paged = await project({ operation: 'getAll', returnAll: true });
		expect(paged.json()).toHaveLength(150);
		expect(fake.requests.map((r) => r.query.size)).toEqual(['1000', '100', '100']);
		const limited = await project({ operation: 'getAll', limit: 3 });
		expect(limited.json()).toHaveLength(3);
		expect(fake.requests[fake.requests.length - 1].query).toMatchObject({ page: '0', size: '3' });
	});

	it('Update keeps the name and the settings it does not change', async () => {
		const result = await project({
			operation: 'update',
			project: rl('acme-bot', 'shortName'),
			updateFields: { description: 'Support', spellingCorrection: true },
		});
		const put = fake.requestsTo('PUT')[0];
		expect(put.body).toEqual({
			name: 'acme-bot',
			description: 'Support',
			projectSettingsData: {
				language: 'en',
				spellingCorrection: true,
				classificationAlgorithm: 'sts',
				timezone: 'UTC',
				shared: false,
			},
		});
		expect(result.json()[0]).toMatchObject({ description: 'Support', name: 'acme-bot' });
		const empty = await project({ operation: 'update', project: rl('acme-bot', 'shortName') });
		expect(empty.error?.message).toBe('Update Fields is empty [item 0]');
	});

	it('Delete repeated after a 503 from an attempt that did delete succeeds and says so', async () => {
		const clone = await project({
			operation: 'clone',
			project: rl('acme-bot', 'list'),
			name: 'Acme tmp',
		});
		const copy = clone.json()[0];
		fake.inject({ method: 'DELETE', path: /projects\//, status: 503, commit: true });
		const removed = await project({ operation: 'delete', project: rl(String(copy.id)) });
		expect(removed.json()).toEqual([{ deleted: true, id: copy.id, alreadyInState: true }]);
		expect(channels.projects.has(String(copy.shortName))).toBe(false);
	});

	it('Clone copies into a new project; Delete answers {deleted: true}', async () => {
		const clone = await project({
			operation: 'clone',
			project: rl('acme-bot', 'list'),
			name: 'Acme staging',
		});
		expect(fake.requestsTo('POST', /clone$/)[0].query).toEqual({ name: 'Acme staging' });
		const copy = clone.json()[0];
		expect(copy).toMatchObject({ name: 'Acme staging', channelIds: [] });
		const removed = await project({ operation: 'delete', project: rl(String(copy.id)) });
		expect(removed.json()).toEqual([{ deleted: true, id: copy.id, shortName: copy.shortName }]);
		expect(channels.projects.has(String(copy.shortName))).toBe(false);
	});

	it('Create sends every optional group in the shape of ProjectCreateDto (D16)', async () => {
		const result = await project({
			operation: 'create',
			name: 'Acme calls',
			simplify: false,
			additionalFields: {
				botChannelsType: 'CALLS_BOT',
				callsBotChannelsType: 'IVR',
				voiceUniqueName: 'alena',
				gitUrl: 'https://git.example/acme-calls.git',
				gitAuthType: 'GUEST_USER',
				gitJustAiKey: 'guest-key-1',
				gitIntegration: {
					integration: {
						name: '0b7c5f7e-2a5d-4c1b-9f0e-3d6a1b2c4e5f',
						repositoryName: 'acme-calls',
						repositoryUrl: 'https://bitbucket.example/acme/acme-calls.git',
						repositoryIsPrivate: false,
						workspaceId: 'acme',
						projectId: 'BOTS',
					},
				},
				cleanupDialogs: true,
				cleanupOlderThanDays: 90,
				isJaicfProject: true,
				jaicfWebhookUrl: 'https://bot.example/jaicf',
				jaicfExternalBotToken: 'jaicf-token-1',
				phraseValidationEnabled: true,
				phraseValidationThreshold: 0.7,
				answerValidationEnabled: false,
				extendedSettings: '{"patternsEnabled": true, "stsSettings": {"exactMatch": 1}}',
			},
		});
		expect(result.status).toBe('success');
		expect(fake.requestsTo('POST', /\/api\/v1\/projects$/)[0].body).toEqual({
			name: 'Acme calls',
			botChannelsType: 'CALLS_BOT',
			gitRepository: {
				url: 'https://git.example/acme-calls.git',
				authType: 'GUEST_USER',
				justAiKey: 'guest-key-1',
			},
			gitIntegration: {
				name: '0b7c5f7e-2a5d-4c1b-9f0e-3d6a1b2c4e5f',
				repositoryName: 'acme-calls',
				repositoryUrl: 'https://bitbucket.example/acme/acme-calls.git',
				repositoryIsPrivate: false,
				workspaceId: 'acme',
				projectId: 'BOTS',
			},
			projectSettingsData: {
				validation: {
					phraseValidationEnabled: true,
					phraseValidationThreshold: 0.7,
					answerValidationEnabled: false,
				},
				extendedSettings: { patternsEnabled: true, stsSettings: { exactMatch: 1 } },
			},
			telephonyParams: { callsBotChannelsType: 'IVR', voiceUniqueName: 'alena' },
			cleanup: { dialogs: true, olderThenDays: 90 },
			jaicf: {
				isJaicfProject: true,
				webHookUrl: 'https://bot.example/jaicf',
				externalBotToken: 'jaicf-token-1',
			},
		});
		expect(result.json()[0]).toMatchObject({
			repository: { authType: 'GUEST_USER' },
			telephonyParams: { callsBotChannelsType: 'IVR' },
			cleanup: { olderThenDays: 90 },
		});
	});

	it('Create refuses, before any request, a Calls field on a chatbot, a key without a URL and an unknown enum value', async () => {
		const chatbot = await project({
			operation: 'create',
			name: 'Acme',
			additionalFields: { callsBotChannelsType: 'DIALER' },
		});
		expect(chatbot.error?.message).toBe(
			'Calls Bot Type and Voice are for a Voice Bot (Calls) project [item 0]',
		);
		const key = await project({
			operation: 'create',
			name: 'Acme',
			additionalFields: { gitAuthType: 'GUEST_USER', gitJustAiKey: 'k' },
		});
		expect(key.error?.message).toBe('Git Repository URL is empty [item 0]');
		const unknown = await project({
			operation: 'create',
			name: 'Acme',
			additionalFields: { gitUrl: 'https://git.example/a.git', gitAuthType: '={{ "TEAM" }}' },
		});
		expect(unknown.error?.message).toMatch(
			/^Git Access must be one of "PERSONAL_USER", "GUEST_USER", not "TEAM"/,
		);
		const threshold = await project({
			operation: 'create',
			name: 'Acme',
			additionalFields: { answerValidationThreshold: '={{ 1.5 }}' },
		});
		expect(threshold.error?.message).toMatch(/^Answer Validation Threshold must be/);
		expect(fake.requests).toHaveLength(0);
	});

	it('Update changes one validation setting and one extended setting, keeping the others', async () => {
		const acme = channels.projects.get('acme-bot')!;
		acme.projectSettingsData = {
			...acme.projectSettingsData,
			validation: { phraseValidationEnabled: true, phraseValidationThreshold: 0.6 },
			extendedSettings: { patternsEnabled: true, luceneAnalyzer: 'en' },
		};
		await project({
			operation: 'update',
			project: rl('acme-bot', 'shortName'),
			updateFields: {
				phraseValidationThreshold: 0.8,
				extendedSettings: { patternsEnabled: false },
			},
		});
		expect(fake.requestsTo('PUT')[0].body).toMatchObject({
			projectSettingsData: {
				language: 'en',
				validation: { phraseValidationEnabled: true, phraseValidationThreshold: 0.8 },
				extendedSettings: { patternsEnabled: false, luceneAnalyzer: 'en' },
			},
		});
	});

	it('failure: an unknown project is a 404 with the platform message; continueOnFail keeps the other items', async () => {
		const result = await project({ operation: 'get', project: rl('nope', 'shortName') });
		expect(result.error?.name).toBe('NodeApiError');
		expect(fake.requests).toHaveLength(1);
		const mixed = await run(
			{ resource: 'project', operation: 'get', project: rl('={{ $json.name }}', 'shortName') },
			[{ name: 'nope' }, { name: 'acme-bot' }],
			true,
		);
		expect(mixed.json()[0].error).toBe(
			'The platform did not find the resource (or does not know the token) [404 botadmin.project.not_found]: Project nope not found',
		);
		expect(mixed.json()[1]).toMatchObject({ shortName: 'acme-bot' });
		const badId = await project({ operation: 'delete', project: rl('={{ "acme" }}') });
		expect(badId.error?.message).toBe('Project must be a number, got "acme" [item 0]');
		expect(fake.requestsTo('DELETE')).toHaveLength(0);
	});
});

describe('Channel', () => {
	it('Create: the project comes from the credential, the body is a BotChannelCreateDto', async () => {
		const result = await channel({
			operation: 'create',
			channelType: 'TELEGRAM',
			channelName: 'Support on Telegram',
			additionalFields: {
				accessToken: 'tg-bot-token-1',
				branch: 'release',
				isAutoDeploy: false,
				customData: '{"telegram": {}}',
			},
		});
		const projectId = channels.projects.get('acme-bot')!.id;
		expect(fake.requests.map((r) => `${r.method} ${r.rawPath}`)).toEqual([
			'GET /api/v1/projects/acme-bot/by-project-short-name',
			`POST /api/v1/bot-channels?projectId=${projectId}`,
		]);
		expect(fake.requests[1].body).toEqual({
			channelType: 'TELEGRAM',
			channelName: 'Support on Telegram',
			accessToken: 'tg-bot-token-1',
			isAutoDeploy: false,
			repositoryReference: { type: 'BRANCH', value: 'release' },
			customData: { telegram: {} },
		});
		expect(result.json()[0]).toMatchObject({
			channelName: 'Support on Telegram',
			channelType: 'TELEGRAM',
			branch: 'release',
			isAutoDeploy: false,
		});
		expect(result.json()[0].accessToken).toBeUndefined();
	});

	it('Create in another project (Options → Project by ID) sends no look-up', async () => {
		const staging = channels.projects.get('staging-bot')!;
		await channel({
			operation: 'create',
			channelType: 'CHAT_API',
			options: { project: rl(String(staging.id)) },
		});
		expect(fake.requests.map((r) => r.rawPath)).toEqual([
			`/api/v1/bot-channels?projectId=${staging.id}`,
		]);
		expect(staging.channels[0]).toMatchObject({
			channelType: 'CHAT_API',
			accessToken: expect.stringMatching(/^chat_api-/),
		});
	});

	it('Create with a tag and Update to a revision send the RefType as the spec names it (D16)', async () => {
		const created = await channel({
			operation: 'create',
			channelType: 'TELEGRAM',
			additionalFields: { accessToken: 'tg-1', branch: 'v1.2.0', referenceType: 'TAG' },
		});
		expect(fake.requestsTo('POST', /bot-channels$/)[0].body).toMatchObject({
			repositoryReference: { type: 'TAG', value: 'v1.2.0' },
		});
		await channel({
			operation: 'update',
			channel: rl(String(created.json()[0].id)),
			updateFields: { branch: '3f2a9c1', referenceType: 'REVISION' },
		});
		expect(channels.updates[0].body.repositoryReference).toEqual({
			type: 'REVISION',
			value: '3f2a9c1',
		});
		const alone = await channel({
			operation: 'update',
			channel: rl(String(chat.id)),
			updateFields: { referenceType: 'TAG' },
		});
		expect(alone.error?.message).toBe('Reference Type needs Branch, Tag or Revision [item 0]');
	});

	it('Get Many filters by type; Get by bot ID and by ID', async () => {
		const many = await channel({
			operation: 'getAll',
			returnAll: true,
			filters: { channelTypes: ['CHAT_API'] },
		});
		expect(many.json()).toEqual([
			expect.objectContaining({ id: chat.id, botId: chat.botId, channelType: 'CHAT_API' }),
		]);
		const byBot = await channel({
			operation: 'get',
			channel: rl(chat.botId, 'botId'),
			simplify: false,
		});
		expect(fake.requests[fake.requests.length - 1].path).toBe(
			`/api/v1/bot-channels/${chat.botId}/by-bot-id`,
		);
		// The Chat API channel's token is the credential's: redacted in the raw output.
		expect(byBot.json()[0]).toMatchObject({ id: chat.id, accessToken: '***' });
		const byId = await channel({ operation: 'get', channel: rl(String(chat.id), 'list') });
		expect(byId.json()[0]).toMatchObject({
			botId: chat.botId,
			creationTime: expect.stringMatching(/T.*[+-]\d\d:\d\d$/),
		});
	});

	it('Update sends the whole channel back with only the changes, token included', async () => {
		const result = await channel({
			operation: 'update',
			channel: rl(chat.botId, 'botId'),
			updateFields: {
				channelName: 'Website chat',
				customData: '{"chatApi": {"blockForm": false}}',
			},
		});
		expect(channels.updates[0].body).toEqual({
			accessToken: SECRETS.chatApiToken,
			channelName: 'Website chat',
			isAutoDeploy: true,
			repositoryReference: { type: 'BRANCH', value: 'master' },
			customData: { chatApi: { blockForm: false } },
			isBlock: false,
		});
		expect(result.json()[0]).toMatchObject({ channelName: 'Website chat' });
	});

	it('Delete answers {deleted: true}; the channel is gone', async () => {
		const result = await channel({ operation: 'delete', channel: rl(String(chat.id)) });
		expect(result.json()).toEqual([{ deleted: true, id: chat.id, botId: chat.botId }]);
		expect(channels.findChannel(String(chat.id))).toBeUndefined();
	});

	it('Delete repeated after a timeout-like 504 from an attempt that did delete succeeds and says so', async () => {
		fake.inject({ method: 'DELETE', path: /bot-channels\//, status: 504, commit: true });
		const result = await channel({ operation: 'delete', channel: rl(String(chat.id)) });
		expect(result.json()).toEqual([{ deleted: true, id: chat.id, alreadyInState: true }]);
		expect(channels.findChannel(String(chat.id))).toBeUndefined();
	});

	it('Deploy with Wait for Completion: POST, then the Async API until the task is done', async () => {
		const result = await channel({
			operation: 'deploy',
			channel: rl(String(chat.id)),
			options: { skipTests: true },
		});
		expect(result.status).toBe('success');
		const deploy = fake.requestsTo('POST', /deploy$/)[0];
		expect(deploy.body).toEqual({
			projectShortName: 'acme-bot',
			botId: chat.botId,
			skipTests: true,
		});
		const [item] = result.json();
		expect(item).toMatchObject({
			status: 'deployed',
			botId: chat.botId,
			projectShortName: 'acme-bot',
			requestId: expect.any(String),
			result: { status: 'DEPLOYED' },
		});
		expect(item.finishedAt).toMatch(/^\d{4}-.*[+-]\d\d:\d\d$/);
		expect(fake.requestsTo('GET', /async\/events$/)[0].query).toEqual({
			requestId: item.requestId,
			timeout: '1',
		});
	});

	it("Deploy of another project's channel, by ID or bot ID, deploys that channel's project (D18)", async () => {
		const staging = channels.addChannel('staging-bot', {
			channelType: 'TELEGRAM',
			accessToken: 't',
		});
		const byId = await channel({ operation: 'deploy', channel: rl(String(staging.id)) });
		expect(byId.json()[0]).toMatchObject({ status: 'deployed', projectShortName: 'staging-bot' });
		expect(fake.requests.map((r) => `${r.method} ${r.path}`).slice(0, 4)).toEqual([
			`GET /api/v1/bot-channels/${staging.id}`,
			'GET /api/v1/projects/acme-bot/by-project-short-name',
			'GET /api/v1/projects',
			'POST /api/v1/async/bot-channels/deploy',
		]);
		expect(fake.requestsTo('POST', /deploy$/)[0].body).toEqual({
			projectShortName: 'staging-bot',
			botId: staging.botId,
		});
		// Options → Project naming another project does not win over the channel's own.
		fake.requests.length = 0;
		const other = channels.addChannel('staging-bot', { channelType: 'VK', accessToken: 'v' });
		const byBot = await channel({
			operation: 'deploy',
			channel: rl(other.botId, 'botId'),
			waitForCompletion: false,
			options: { project: rl('acme-bot', 'shortName') },
		});
		expect(byBot.json()[0]).toMatchObject({ status: 'started', projectShortName: 'staging-bot' });
		// The channel's project given first costs no list; no project anywhere: the list decides.
		fake.requests.length = 0;
		const own = channels.addChannel('staging-bot', { channelType: 'VK', accessToken: 'v' });
		await run(
			{
				resource: 'channel',
				operation: 'deploy',
				channel: rl(String(own.id)),
				waitForCompletion: false,
			},
			[{}],
			false,
			credentialsFor(fake, { projectShortName: '' }),
		);
		expect(fake.requestsTo('GET', /projects$/)).toHaveLength(1);
		expect(fake.requestsTo('POST', /deploy$/)[0].body).toMatchObject({
			projectShortName: 'staging-bot',
		});
		fake.requests.length = 0;
		await channel({
			operation: 'deploy',
			channel: rl(String(chat.id)),
			waitForCompletion: false,
		});
		expect(fake.requestsTo('GET', /projects$/)).toHaveLength(0);
	});

	it('Deploy of a channel no project lists fails before the deploy POST', async () => {
		fake.inject({
			method: 'GET',
			path: /\/api\/v1\/projects$/,
			status: 200,
			body: { projects: [], paging: { pageNum: 0, pageSize: 1000, totalCount: 0 } },
		});
		const staging = channels.addChannel('staging-bot', { channelType: 'VK', accessToken: 'v' });
		const result = await channel({ operation: 'deploy', channel: rl(String(staging.id)) });
		expect(result.error?.message).toBe(`No project lists channel ${staging.id} [item 0]`);
		expect(fake.requestsTo('POST', /deploy$/)).toHaveLength(0);
	});

	it('Deploy waits to the end under each reading of the Async API: timeout in ms, answers kept (D9)', async () => {
		channels.asyncTimeoutUnit = 'milliseconds';
		const ms = await channel({ operation: 'deploy', channel: rl(String(chat.id)) });
		expect(ms.json()[0]).toMatchObject({ status: 'deployed', result: { status: 'DEPLOYED' } });
		// The polls came back at once: the node paused between them instead of hammering.
		expect(fake.requestsTo('GET', /async\/events$/).length).toBeGreaterThan(1);
		fake.requests.length = 0;
		channels.asyncAnswersKept = true;
		const kept = await channel({ operation: 'deploy', channel: rl(String(chat.id)) });
		expect(kept.json()[0]).toMatchObject({ status: 'deployed' });
	});

	it('Deploy answered without isOk is "unknown" with the raw answer, never "deployed" (D9)', async () => {
		channels.deployIsOk = false;
		const result = await channel({ operation: 'deploy', channel: rl(String(chat.id)) });
		const [item] = result.json();
		expect(item).toMatchObject({
			status: 'unknown',
			message: expect.stringContaining('without isOk'),
			answer: { requestId: item.requestId, payload: { status: 'DEPLOYED' } },
		});
		channels.projects.get('acme-bot')!.brokenScript = 'main.sc: syntax error';
		const broken = await channel({ operation: 'deploy', channel: rl(String(chat.id)) });
		expect(broken.json()[0]).toMatchObject({
			status: 'unknown',
			answer: { error: { message: 'main.sc: syntax error' } },
		});
	});

	it('Deploy without waiting answers the request ID at once', async () => {
		const result = await channel({
			operation: 'deploy',
			channel: rl(chat.botId, 'botId'),
			waitForCompletion: false,
		});
		expect(result.json()[0]).toMatchObject({
			status: 'started',
			requestId: [...channels.deploys.keys()][0],
		});
		expect(fake.requestsTo('GET', /async\/events$/)).toHaveLength(0);
	});

	it('failure: a failed deploy fails its item with the platform message; a slow one times out with the request ID', async () => {
		channels.projects.get('acme-bot')!.brokenScript = 'main.sc: syntax error at line 3';
		const failed = await channel({ operation: 'deploy', channel: rl(chat.botId, 'botId') });
		expect(failed.error?.message).toBe(
			`The deploy of bot ${chat.botId} failed: main.sc: syntax error at line 3 [item 0]`,
		);
		channels.projects.get('acme-bot')!.brokenScript = undefined;
		channels.deployMs = 5000;
		const slow = await channel({
			operation: 'deploy',
			channel: rl(chat.botId, 'botId'),
			waitSeconds: 1,
		});
		expect(slow.error?.message).toBe(
			`The deploy of bot ${chat.botId} did not finish within 1 seconds [item 0]`,
		);
		expect(slow.error?.description).toContain([...channels.deploys.keys()][1]);
	});

	it('failure: an unknown channel is a 404; a deploy POST that fails with 503 is not repeated', async () => {
		const unknown = await channel({
			operation: 'update',
			channel: rl('999999'),
			updateFields: { channelName: 'x' },
		});
		expect(unknown.error?.message).toBe(
			'The platform did not find the resource (or does not know the token) [404 botadmin.botchannel.not_found]: Bot channel 999999 not found',
		);
		fake.inject({ method: 'POST', path: /deploy$/, status: 503, times: 3 });
		const refused = await channel({ operation: 'deploy', channel: rl(chat.botId, 'botId') });
		expect(refused.error?.message).toMatch(/^The platform failed to answer \[503/);
		expect(fake.requestsTo('POST', /deploy$/)).toHaveLength(1);
	});
});

describe('pickers', () => {
	it('projects by name (value: short name); channels of the chosen project (value: ID or bot ID)', async () => {
		const projects = await searchProjects.call(
			loadOptionsContext(credentialsFor(fake)).ctx,
			'stag',
		);
		expect(projects).toEqual({
			results: [{ name: 'Staging bot (staging-bot)', value: 'staging-bot' }],
		});
		const { ctx, sent } = loadOptionsContext(credentialsFor(fake));
		expect((await searchChannels.call(ctx)).results).toEqual([
			{ name: 'Chat API (CHAT_API)', value: String(chat.id) },
			{ name: 'Web widget (CHAT_WIDGET)', value: String(chat.id - 1) },
		]);
		expect(sent[0].headers).toMatchObject({ Authorization: bearer });
		const other = loadOptionsContext(credentialsFor(fake), {
			options: { project: rl('staging-bot', 'list') },
		}).ctx;
		expect(await searchBots.call(other)).toEqual({ results: [] });
		expect(
			(await searchBots.call(loadOptionsContext(credentialsFor(fake)).ctx, 'api')).results,
		).toEqual([{ name: 'Chat API (CHAT_API)', value: chat.botId }]);
	});
});
