/**
 * Every paged list of the package against a server that clamps the page size (500 items, 100 a
 * page whatever is asked): Return All gives all 500, Limit 250 gives 250, and a server that counts
 * 500 but then serves empty pages fails with an error naming the list and the counts. Lists
 * without a total end at a short page (docs/platform-assumptions.md, Paging).
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchRecords } from '../../nodes/Nlp/methods/search';
import { listSearch as reporterPickers } from '../../nodes/Reporter/methods/search';
import {
	searchCampaigns,
	searchProjects,
	searchSendings,
} from '../../nodes/TextCampaign/methods/search';

import { CallsModule } from '../helpers/fake-platform/calls.cts';
import { ChannelsModule } from '../helpers/fake-platform/channels.cts';
import { NlpModule } from '../helpers/fake-platform/nlp.cts';
import type { PageSizeSwitch } from '../helpers/fake-platform/paging.cts';
import { ReporterModule } from '../helpers/fake-platform/reporter.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { TextCampaignModule } from '../helpers/fake-platform/textCampaigns.cts';
import { runNode } from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	SECRETS,
	useFastRetries,
} from '../helpers/integration.cts';
import { loadOptionsContext } from '../helpers/load-options.cts';

const ITEMS = 500;
const CLAMP = 100;
let fake: FakePlatform;
useFastRetries();

beforeAll(async () => {
	fake = await startFakePlatform({
		chat: { tokens: [SECRETS.chatApiToken] },
		modules: [
			(platform) =>
				new ChannelsModule(platform, {
					tokens: [SECRETS.apiToken],
					seed: [{ shortName: 'acme-bot', chatToken: SECRETS.chatApiToken }],
				}),
			(platform) =>
				new TextCampaignModule(platform, {
					tokens: [SECRETS.apiToken],
					channels: platform.module(ChannelsModule),
				}),
			(platform) => new ReporterModule(platform, { sessions: ITEMS, messagesPerSession: 1 }),
			(platform) => new NlpModule(platform, { keys: [SECRETS.nlpApiKey] }),
			(platform) => new CallsModule(platform, { campaigns: [{ token: SECRETS.callsApiToken }] }),
		],
	});
});
afterAll(async () => await fake.close());
beforeEach(() => fake.reset());

const run = async (node: string, parameters: IDataObject) => {
	const result = await runNode(node, parameters, [{}], credentialsFor(fake), {
		continueOnFail: true,
	});
	expectNoSecrets([result.serialized]);
	return result.json();
};

interface PagedList {
	node: string;
	parameters: IDataObject;
	/** The list's requests. */
	path: RegExp;
	/** Puts ITEMS items in the list. */
	seed: () => void | Promise<void>;
	/** The module holding the page-size switch. */
	pages: () => PageSizeSwitch;
	/** One page as the API answers it, for a server that lies about its total. */
	answer?: (items: IDataObject[], total: number) => unknown;
	/** What the error calls the list. */
	list: string;
	/** Names an output item (the same whichever paging brought it). */
	key: string;
	/** Requests for ITEMS items: honest server, clamping server. */
	requests: [number, number];
}

const CAMPAIGN = (n: number) => ({ id: n, name: `c${n}` });
const campaigns = () => fake.module(TextCampaignModule);
const channels = () => fake.module(ChannelsModule);
const nlp = () => fake.module(NlpModule);
const CHAT_CLIENT = 'paged-client';

const lists: Array<[string, PagedList]> = [
	[
		'Text Campaign → Get Many',
		{
			node: 'tovieTextCampaign',
			parameters: { resource: 'campaign', operation: 'getAll' },
			path: /\/text-campaigns$/,
			seed: () => {
				for (let n = 0; n < ITEMS; n++) campaigns().addCampaign('acme-bot', `Campaign ${n}`);
			},
			pages: campaigns,
			answer: (textCampaigns, totalCount) => ({
				textCampaigns,
				paging: { pageNum: 0, pageSize: CLAMP, totalCount },
			}),
			list: 'text campaigns',
			key: 'name',
			requests: [1, 5],
		},
	],
	[
		'Sending → Get Many',
		{
			node: 'tovieTextCampaign',
			parameters: { resource: 'sending', operation: 'getAll' },
			path: /\/dynamics\/sendings$/,
			seed: () => {
				const campaign = campaigns().addCampaign('acme-bot', 'Orders');
				for (let n = 0; n < ITEMS; n++) {
					const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
					campaigns().sendings.set(id, {
						id,
						textCampaignId: campaign.id,
						botId: campaign.botId,
						clientId: `client-${n}`,
						sendingTime: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
						status: 'SENT',
						priority: 0,
						createdAt: Date.UTC(2026, 0, 1, 0, n),
					});
				}
			},
			pages: campaigns,
			answer: (sendings, totalCount) => ({ sendings, totalCount }),
			list: 'sendings',
			key: 'sendingId',
			requests: [1, 5],
		},
	],
	[
		'Project → Get Many',
		{
			node: 'tovieProject',
			parameters: { resource: 'project', operation: 'getAll' },
			path: /\/api\/v1\/projects$/,
			// The seed holds one project already.
			seed: () => {
				for (let n = 1; n < ITEMS; n++) channels().newProject(`p-${n}`, `Project ${n}`);
			},
			pages: channels,
			answer: (projects, totalCount) => ({
				projects,
				paging: { pageNum: 0, pageSize: CLAMP, totalCount },
			}),
			list: 'projects',
			key: 'shortName',
			requests: [1, 5],
		},
	],
	[
		'Reporter Session → Get Many',
		{
			node: 'tovieReporter',
			parameters: { resource: 'session', operation: 'getAll' },
			path: /sessions\/filter$/,
			seed: () => undefined,
			pages: () => fake.module(ReporterModule).options,
			answer: (sessions, totalCount) => ({
				sessions,
				paging: { pageNum: 0, pageSize: CLAMP, totalCount },
			}),
			list: 'Reporter sessions',
			key: 'sessionId',
			requests: [1, 5],
		},
	],
	[
		'NLP Entity Record → Get Many',
		{
			node: 'tovieNlp',
			parameters: {
				resource: 'entityRecord',
				operation: 'getAll',
				entity: { __rl: true, mode: 'name', value: 'paged' },
			},
			path: /\/records$/,
			seed: () => {
				const project = nlp().project(SECRETS.nlpApiKey);
				const records = Array.from({ length: ITEMS }, (_v, n) => ({
					id: 70_000 + n,
					type: 'synonyms' as const,
					rule: [`r${n}`],
					value: `Record ${n}`,
				}));
				project.entities.set(69_999, {
					...[...project.entities.values()][0],
					id: 69_999,
					name: 'paged',
					records,
				});
			},
			pages: nlp,
			answer: (records, totalCount) => ({
				records,
				paging: { pageNum: 0, pageSize: CLAMP, totalCount },
			}),
			list: 'entity records',
			key: 'value',
			// 100 a page is the node's own size: the clamp changes nothing.
			requests: [5, 5],
		},
	],
	[
		'Calls Call Job → Get Many (no total: the answered pageSize)',
		{
			node: 'tovieCalls',
			parameters: { resource: 'callJob', operation: 'getAll' },
			path: /getReportByDate$/,
			seed: () => {
				fake.module(CallsModule).seed(
					SECRETS.callsApiToken,
					Array.from({ length: ITEMS }, (_v, n) => String(16500000000 + n)),
				);
			},
			pages: () => fake.module(CallsModule),
			list: 'call jobs',
			key: 'phone',
			// Pages of 200, the spec's maximum; no total, so the last, short page ends the list.
			requests: [3, 6],
		},
	],
	[
		'Tovie Chat Message → Get History (with a total)',
		{
			node: 'tovieChat',
			parameters: { resource: 'message', operation: 'getHistory', clientId: CHAT_CLIENT },
			path: /\/history$/,
			seed: () => seedChatHistory(),
			pages: () => chatPages,
			answer: (messages, total) => ({ messages, total }),
			list: 'chat history',
			key: 'questionId',
			requests: [2, 5],
		},
	],
];

/** The Chat module's switch (`historyClamp`) seen as the others'. */
const chatPages: PageSizeSwitch = {};

async function seedChatHistory() {
	Object.assign(fake.chat, { historyShape: 'wrapped', historyParams: 'validated' });
	await runNode(
		'tovieChat',
		{ resource: 'message', operation: 'send', clientId: CHAT_CLIENT, query: 'hello' },
		[{}],
		credentialsFor(fake),
	);
	const history = fake.chat.history(SECRETS.chatApiToken, CHAT_CLIENT);
	const [first] = history;
	history.length = 0;
	for (let n = 0; n < ITEMS; n++)
		history.push({ ...first, questionId: `q-${n}`, text: `m${n}`, ts: first.ts + n });
}

function clamp(list: PagedList, on: boolean) {
	const pages = list.pages();
	if (pages === chatPages) {
		fake.chat.historyClamp = on ? CLAMP : undefined;
		return;
	}
	Object.assign(
		pages,
		on ? { maxPageSize: CLAMP, clampPageSize: true } : { maxPageSize: undefined },
	);
}

describe.each(lists)('%s', (_name, list) => {
	const getAll = async (extra: IDataObject) => {
		await list.seed();
		fake.requests.length = 0;
		return await run(list.node, { ...list.parameters, ...extra });
	};
	afterEach(() => clamp(list, false));

	it(`Return All gives all ${ITEMS}, honest server and clamping server`, async () => {
		const honest = await getAll({ returnAll: true });
		expect(honest).toHaveLength(ITEMS);
		expect(fake.requestsTo(list.path)).toHaveLength(list.requests[0]);
		fake.reset();
		clamp(list, true);
		const clamped = await getAll({ returnAll: true });
		const keys = (items: IDataObject[]) => items.map((item) => item[list.key]);
		expect(new Set(keys(honest)).size).toBe(ITEMS);
		expect(keys(clamped)).toEqual(keys(honest));
		expect(fake.requestsTo(list.path)).toHaveLength(list.requests[1]);
	});

	it('Limit 250 gives 250 under a clamping server', async () => {
		clamp(list, true);
		const limited = await getAll({ limit: 250 });
		expect(limited).toHaveLength(250);
		expect(limited.every((item) => item.error === undefined)).toBe(true);
	});

	if (list.answer) {
		const answer = list.answer;
		it(`a server that counts ${ITEMS} and then serves empty pages fails, naming the list`, async () => {
			const items = Array.from({ length: CLAMP }, (_v, n) => CAMPAIGN(n));
			fake.inject({ path: list.path, status: 200, body: answer(items, ITEMS) });
			fake.inject({ path: list.path, status: 200, body: answer([], ITEMS), times: 10 });
			const [failed] = await run(list.node, { ...list.parameters, returnAll: true });
			expect(failed.error).toContain(
				`The ${list.list} came back incomplete: ${CLAMP} of ${ITEMS} items, then an empty page`,
			);
		});
	}
});

describe('lists without a total end at a short page (documented)', () => {
	it('Tovie Chat history as a bare array, clamped: the first page only', async () => {
		await seedChatHistory();
		Object.assign(fake.chat, { historyShape: 'array', historyClamp: CLAMP });
		try {
			fake.requests.length = 0;
			const history = await run('tovieChat', {
				resource: 'message',
				operation: 'getHistory',
				clientId: CHAT_CLIENT,
				returnAll: true,
			});
			expect(history).toHaveLength(CLAMP);
			expect(fake.requestsTo(/\/history$/)).toHaveLength(1);
		} finally {
			fake.chat.historyClamp = undefined;
		}
	});
});

describe('Text Campaign Chat History (limit only, no offset)', () => {
	const chatHistory = (extra: IDataObject) =>
		run('tovieTextCampaign', {
			resource: 'chatHistory',
			operation: 'getAll',
			source: 'sending',
			sendingId: { __rl: true, mode: 'id', value: '00000000-0000-4000-8000-000000000001' },
			...extra,
		});
	const messages = (n: number) =>
		Array.from({ length: n }, (_v, i) => ({
			textMessage: `m${i}`,
			author: 'BOT',
			timestamp: new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString(),
		}));

	it('Return All asks for the total at once', async () => {
		fake.inject({
			path: /chat-history$/,
			status: 200,
			body: { totalCount: ITEMS, messages: messages(CLAMP) },
		});
		fake.inject({
			path: /chat-history$/,
			status: 200,
			body: { totalCount: ITEMS, messages: messages(ITEMS) },
		});
		expect(await chatHistory({ returnAll: true })).toHaveLength(ITEMS);
		expect(fake.requestsTo(/chat-history$/).map((r) => r.query.limit)).toEqual(['1000', '500']);
	});

	it.each([
		['Return All', { returnAll: true }, ITEMS],
		['Limit 250', { limit: 250 }, 250],
	])(
		'%s under a clamping server fails, naming the list and the counts',
		async (_n, extra, wanted) => {
			fake.inject({
				path: /chat-history$/,
				status: 200,
				body: { totalCount: ITEMS, messages: messages(CLAMP) },
				times: 2,
			});
			const [failed] = await chatHistory(extra);
			expect(failed.error).toContain(
				`The chat history came back incomplete: ${CLAMP} of ${wanted} messages`,
			);
		},
	);
});

describe('pickers under a clamping server show what they showed before', () => {
	type Picker = (
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	) => Promise<INodeListSearchResult>;
	/** Every result of a picker, following its pagination tokens. */
	const everything = async (picker: Picker, type: string, parameters: IDataObject = {}) => {
		const results = [];
		let token: string | undefined;
		do {
			const { ctx } = loadOptionsContext(credentialsFor(fake), parameters, type);
			const page = await picker.call(ctx, undefined, token);
			results.push(...page.results);
			token = page.paginationToken as string | undefined;
		} while (token);
		return results;
	};
	const tc = 'n8n-nodes-tovie.tovieTextCampaign';
	const [campaignList, sendingList, projectList, sessionList, recordList] = lists.map(
		([, list]) => list,
	);

	it.each([
		['Text Campaign campaigns', campaignList, searchCampaigns as Picker, tc, {}],
		['Text Campaign sendings', sendingList, searchSendings as Picker, tc, {}],
		['projects', projectList, searchProjects as Picker, tc, {}],
		[
			'Reporter sessions',
			sessionList,
			reporterPickers.searchSessions as Picker,
			'n8n-nodes-tovie.tovieReporter',
			{},
		],
		[
			'NLP entity records',
			recordList,
			searchRecords as Picker,
			'n8n-nodes-tovie.tovieNlp',
			{ entity: { __rl: true, mode: 'name', value: 'paged' } },
		],
	])('%s: every item, clamped or not', async (_name, list, picker, type, parameters) => {
		await list.seed();
		const honest = await everything(picker, type, parameters);
		expect(honest).toHaveLength(ITEMS);
		clamp(list, true);
		expect(await everything(picker, type, parameters)).toEqual(honest);
		clamp(list, false);
	});
});
