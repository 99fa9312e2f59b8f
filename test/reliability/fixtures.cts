/**
 * Working parameters per operation, where the generic filler of catalog.cts cannot guess them.
 * Key: `<node name>:<resource>:<operation>`. An operation without a row runs with the filler's
 * values; the suite reports operations that then cannot succeed against the fake platform.
 *
 * Variants: `<operation key>#<variant>` is the same operation with other input, a row of its own in
 * every table (catalog.cts `withVariants`). Every batch operation has a `#many` variant: several
 * input items, each with its own value, so the batch (several items per request, several requests
 * at once, chunks) is what the faults, bad inputs, leak and acting checks meet.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Env } from './platform.cts';

export interface Fixture {
	params?: IDataObject | ((env: Env) => IDataObject | Promise<IDataObject>);
	/** Input items; default one empty item. */
	items?: IDataObject[];
	/** The operation reads a binary file with this content (field `data`). */
	file?: string;
	fileName?: string;
	/** A request (path pattern) the variant exists for, e.g. the several-messages route: it must be sent. */
	uses?: RegExp;
}

/** What the summary calls each kind of variant. */
export const VARIANT_LABELS: Record<string, string> = {
	many: 'many-item',
	unfinished: 'Unfinished Only',
};

/** Input items of the `#many` variants; their values differ by `$itemIndex` (see `perItem`). */
export const MANY_ITEMS: IDataObject[] = [{}, {}, {}];

/** One value per input item: an expression that gives item n the n-th value. */
const perItem = (values: unknown[]) => `={{ ${JSON.stringify(values)}[$itemIndex] }}`;

const rl = (value: unknown, mode = 'id') => ({ __rl: true, mode, value });

function pushback(env: Env): string {
	const { id } = env.pushgate.create(env.credentials.chatApiToken, 'shopper-1', 'orderShipped', {
		orderId: 1,
	});
	env.extraSecrets.push(id);
	return id;
}

function agentReply(env: Env): string {
	return String(
		env.fake.chat.pushAgentReply(env.credentials.chatApiToken, 'user-1', 'An agent answer')
			.questionId,
	);
}

function reportTask(env: Env): string {
	const create = (
		env.reporter as unknown as {
			createTask: (type: string, settings?: IDataObject) => { taskId: string; readyAt: number };
		}
	).createTask;
	const task = create.call(env.reporter, 'sessions');
	task.readyAt = 0;
	return task.taskId;
}

function cityRecord(env: Env): number {
	const project = env.nlp.project(env.credentials.nlpApiKey);
	return [...project.entities.values()].find((entity) => entity.name === 'city')!.records[0].id;
}

/** Another entity of the NLP project, like the seeded `city`. */
function addEntity(env: Env, name: string): void {
	const project = env.nlp.project(env.credentials.nlpApiKey);
	const city = [...project.entities.values()].find((entity) => entity.name === 'city')!;
	const id = env.nlp.id();
	project.entities.set(id, { ...city, id, name, records: [] });
}

/** The IDs of `count` records of the `city` entity (adds records when it has fewer). */
function cityRecords(env: Env, count: number): string[] {
	const project = env.nlp.project(env.credentials.nlpApiKey);
	const city = [...project.entities.values()].find((entity) => entity.name === 'city')!;
	while (city.records.length < count) {
		const value = `Town ${city.records.length}`;
		city.records.push({ id: env.nlp.id(), type: 'synonyms', rule: [value], value });
	}
	return city.records.slice(0, count).map((record) => String(record.id));
}

function seededJob(env: Env): string {
	return env.calls.seed(env.credentials.callsApiToken, ['79120000001'])[0].callJobId;
}

/** The Chat API channel and dynamic text campaign of the project the credential names (platform.cts seeds them). */
export const RELIABILITY_BOT = '263-acme-bot-263-Rel-49199';
export const RELIABILITY_CAMPAIGN = 'Reliability updates';

function reliabilityCampaign(env: Env) {
	return [...env.textCampaigns.campaigns.values()].find(
		(campaign) => campaign.name === RELIABILITY_CAMPAIGN,
	)!;
}

/** A campaign of the credential's project, in the given state, for the campaign operations. */
function campaignIn(env: Env, status?: string): IDataObject {
	const campaign = reliabilityCampaign(env);
	if (status) campaign.status = status;
	return { campaign: rl(String(campaign.id)) };
}

const recipient = {
	botId: rl(RELIABILITY_BOT),
	textCampaignName: rl(RELIABILITY_CAMPAIGN, 'name'),
};

export const FIXTURES: Record<string, Fixture> = {
	// Tovie Chat
	'tovieChat:message:send': { params: { query: 'hello' } },
	'tovieChat:message:sendAsync': { params: { query: 'hello' } },
	'tovieChat:message:getHistory': { params: { limit: 5 } },
	'tovieChat:event:getAll': {
		params: { clientId: 'user-1', ts: '0', options: { waitSeconds: 1 } },
	},
	'tovieChat:state:save': { params: { state: '{"step": 1}' } },
	'tovieChat:messageStatus:get': { params: (env) => ({ questionId: agentReply(env) }) },
	'tovieChat:messageStatus:update': {
		params: (env) => ({ questionId: agentReply(env), status: 'READ' }),
	},
	// Three messages of one client: one request on the several-messages route.
	'tovieChat:messageStatus:update#many': {
		params: (env) => ({
			questionId: perItem([agentReply(env), agentReply(env), agentReply(env)]),
			status: 'READ',
		}),
		items: MANY_ITEMS,
		uses: /\/client\/[^/]+\/message-statuses$/,
	},

	// Tovie Pushgate
	'toviePushgate:pushback:fire': { params: (env) => ({ pushback: pushback(env) }) },
	// Three pushbacks: one request each, fired at the same time.
	'toviePushgate:pushback:fire#many': {
		params: (env) => ({ pushback: perItem([pushback(env), pushback(env), pushback(env)]) }),
		items: MANY_ITEMS,
	},

	// Tovie Calls
	'tovieCalls:phone:add': {
		params: { phone: '={{ $json.phone }}' },
		items: [{ phone: '79120000101' }, { phone: '79120000102' }],
	},
	// Three numbers in chunks of two: two requests, one after the other.
	'tovieCalls:phone:add#many': {
		params: { phone: '={{ $json.phone }}', options: { batchSize: 2 } },
		items: [{ phone: '79120000111' }, { phone: '79120000112' }, { phone: '79120000113' }],
		uses: /\/addPhones$/,
	},
	'tovieCalls:phone:addCrm': { params: { phone: '79120000201' } },
	'tovieCalls:callJob:cancel': { params: (env) => ({ ids: seededJob(env) }) },
	'tovieCalls:callJob:getReport': { params: (env) => ({ ids: seededJob(env) }) },
	'tovieCalls:callJob:getAll': { params: { limit: 5 } },
	// Filters → Unfinished Only (was the operation Get Many Unfinished): another route.
	'tovieCalls:callJob:getAll#unfinished': {
		params: (env) => {
			seededJob(env);
			return { limit: 5, filters: { unfinishedOnly: true } };
		},
		uses: /\/callJob\/getUnfinished$/,
	},
	'tovieCalls:callAttempt:getReport': {
		params: (env) => {
			const id = seededJob(env);
			env.calls.dial(env.credentials.callsApiToken, id);
			return { ids: id };
		},
	},
	'tovieCalls:campaign:resume': {
		params: (env) => {
			env.calls.campaign(env.credentials.callsApiToken).status = 'paused' as never;
			return {};
		},
	},
	'tovieCalls:callAttempt:getAll': { params: { limit: 5 } },

	// Tovie NLP
	'tovieNlp:text:conform': { params: { text: 'city', number: 2 } },
	'tovieNlp:text:inflect': { params: { text: 'city', tags: 'plur' } },
	'tovieNlp:intent:create': { params: { path: '/Reliability', phrases: ['reliable'] } },
	'tovieNlp:text:classify#many': {
		params: { text: '={{ $json.text }}' },
		items: [{ text: 'hello' }, { text: 'book a table' }, { text: 'bye' }],
		uses: /\/nlu\/inference-multiple$/,
	},
	'tovieNlp:intent:delete': { params: { intent: rl('/Goodbye', 'path') } },
	'tovieNlp:intent:delete#many': {
		params: { intent: rl(perItem(['/Greeting', '/Booking/Table', '/Goodbye']), 'path') },
		items: MANY_ITEMS,
		uses: /\/intents\/delete-multiple-by-paths$/,
	},
	'tovieNlp:intent:get': { params: { intent: rl('/Greeting', 'path') } },
	'tovieNlp:intent:update': {
		params: { intent: rl('/Greeting', 'path'), phraseMode: 'add', phrases: ['hey'] },
	},
	'tovieNlp:intent:import': {
		params: { strategy: 'merge' },
		file: '[{"path": "/Only", "phrases": [{"text": "only"}]}]',
		fileName: 'intents.json',
	},
	'tovieNlp:entity:create': { params: { name: 'product' } },
	'tovieNlp:entity:delete': { params: { entity: rl('city', 'name') } },
	'tovieNlp:entity:delete#many': {
		params: (env) => {
			addEntity(env, 'airport');
			addEntity(env, 'country');
			return { entity: rl(perItem(['city', 'airport', 'country']), 'name') };
		},
		items: MANY_ITEMS,
		uses: /\/entities\/delete-multiple-by-name$/,
	},
	'tovieNlp:entity:get': { params: { entity: rl('city', 'name') } },
	'tovieNlp:entity:update': {
		params: { entity: rl('city', 'name'), updateFields: { noMorph: true } },
	},
	'tovieNlp:entityRecord:create': {
		params: { entity: rl('city', 'name'), value: 'Paris', rule: ['Paris'] },
	},
	'tovieNlp:entityRecord:delete': { params: { entity: rl('city', 'name'), record: rl('1', 'id') } },
	'tovieNlp:entityRecord:delete#many': {
		params: (env) => ({
			entity: rl('city', 'name'),
			record: rl(perItem(cityRecords(env, 3)), 'id'),
		}),
		items: MANY_ITEMS,
		uses: /\/entities-by-names\/city\/records\/delete-multiple$/,
	},
	'tovieNlp:entityRecord:getAll': { params: { entity: rl('city', 'name'), limit: 5 } },
	'tovieNlp:entityRecord:replaceAll': { params: { entity: rl('city', 'name') } },
	'tovieNlp:entityRecord:update': {
		params: (env) => ({
			entity: rl('city', 'name'),
			record: rl(String(cityRecord(env)), 'id'),
			updateFields: { value: 'X' },
		}),
	},
	'tovieNlp:entityRecord:upload': {
		params: { entity: rl('city', 'name') },
		file: 'Madrid;MAD;Madrid\nLisbon;LIS',
		fileName: 'records.csv',
	},
	'tovieNlp:project:import': {
		params: {
			source: 'json',
			project: '{"intents": [{"path": "/Only", "phrases": [{"text": "only"}]}]}',
		},
	},
	'tovieNlp:model:train': { params: { wait: false } },
	'tovieNlp:speller:set': { params: { source: 'text', dictionary: 'ok\t1' } },

	// Tovie Reporter
	'tovieReporter:statistics:getByInterval': { params: { metric: 'sessions', intervalType: 'DAY' } },
	'tovieReporter:session:getAll': { params: { limit: 3 } },
	'tovieReporter:client:getAll': { params: { limit: 3 } },
	'tovieReporter:client:getAllForBot': {
		params: (env) => ({
			botId: rl(env.reporter.bots[0]),
			dateTo: '2026-01-01T00:10:00Z',
			limit: 3,
		}),
	},
	'tovieReporter:message:getAll': { params: { source: 'session', sessionId: 's-1', limit: 3 } },
	'tovieReporter:message:getPagePosition': {
		params: { source: 'session', sessionId: 's-1', questionId: 'q-1-1', size: 1 },
	},
	'tovieReporter:stateRoute:getAll': { params: { limit: 3 } },
	'tovieReporter:messageLabel:create': { params: { name: 'Refund', groupName: 'Topics' } },
	// Three labels, one of them in a new group: one by-list request.
	'tovieReporter:messageLabel:create#many': {
		params: {
			name: perItem(['Refund', 'Delivery', 'Praise']),
			groupName: perItem(['Topics', 'Topics', 'Tone']),
		},
		items: MANY_ITEMS,
		uses: /\/message\/labels\/by-list$/,
	},
	'tovieReporter:messageLabel:get': { params: { labelId: rl(11) } },
	'tovieReporter:messageLabel:getAll': { params: { limit: 3 } },
	'tovieReporter:messageLabel:update': {
		params: { labelId: rl(11), updateFields: { name: 'Great answer' } },
	},
	'tovieReporter:messageLabel:update#many': {
		params: {
			labelId: rl(perItem([11, 12, 13])),
			updateFields: { name: perItem(['Great answer', 'Poor answer', 'Payments']) },
		},
		items: MANY_ITEMS,
		uses: /\/message\/labels\/by-list$/,
	},
	'tovieReporter:messageLabel:delete': { params: { labelId: rl(12) } },
	'tovieReporter:messageLabel:changePriority': {
		params: { priorities: { priority: [{ id: 11, newPriority: 5 }] } },
	},
	'tovieReporter:messageLabel:addToMessage': { params: { questionId: 'q-1-1', labelId: rl(11) } },
	'tovieReporter:messageLabel:removeFromMessage': {
		params: { questionId: 'q-0-0', labelId: rl(11) },
	},
	'tovieReporter:messageLabel:setForMessage': {
		params: { questionId: 'q-1-1', sessionId: 's-1', labelIds: '11' },
	},
	'tovieReporter:labelGroup:get': { params: { groupId: rl(1) } },
	'tovieReporter:labelGroup:update': {
		params: { groupId: rl(1), updateFields: { name: 'Quality+' } },
	},
	'tovieReporter:labelGroup:update#many': {
		params: (env) => {
			env.reporter.groups.set(3, { id: 3, name: 'Tone', priority: 2 });
			return {
				groupId: rl(perItem([1, 2, 3])),
				updateFields: { name: perItem(['Quality+', 'Topics+', 'Tone+']) },
			};
		},
		items: MANY_ITEMS,
		uses: /\/message\/labels\/groups$/,
	},
	'tovieReporter:labelGroup:delete': { params: { groupId: rl(2) } },
	'tovieReporter:labelGroup:changePriority': {
		params: { priorities: { priority: [{ id: 1, newPriority: 5 }] } },
	},
	'tovieReporter:sessionLabel:create': { params: { name: 'Churn' } },
	'tovieReporter:sessionLabel:get': { params: { labelId: rl(21) } },
	'tovieReporter:sessionLabel:update': {
		params: { labelId: rl(21), updateFields: { name: 'Done' } },
	},
	'tovieReporter:sessionLabel:update#many': {
		params: (env) => {
			env.reporter.sessionLabels.set(23, { id: 23, name: 'Churn', priority: 2 });
			return {
				labelId: rl(perItem([21, 22, 23])),
				updateFields: { name: perItem(['Done', 'Handed over', 'Lost']) },
			};
		},
		items: MANY_ITEMS,
		uses: /\/session-labels\/by-list$/,
	},
	'tovieReporter:sessionLabel:delete': { params: { labelId: rl(22) } },
	'tovieReporter:sessionLabel:changePriority': {
		params: { priorities: { priority: [{ id: 21, newPriority: 5 }] } },
	},
	'tovieReporter:sessionLabel:addToSession': { params: { sessionId: 's-1', labelId: rl(21) } },
	'tovieReporter:sessionLabel:removeFromSession': { params: { sessionId: 's-0', labelId: rl(21) } },
	'tovieReporter:sessionLabel:setForSession': { params: { sessionId: 's-1', labelIds: '21' } },
	'tovieReporter:comment:add': { params: { questionId: 'q-1-1', comment: 'Check this' } },
	'tovieReporter:messageLabel:bulkLabel': { params: { labelIds: '11', objectIds: 'q-1-1' } },
	'tovieReporter:sessionLabel:bulkLabel': { params: { labelIds: '21', objectIds: 's-1' } },
	'tovieReporter:comment:delete': {
		params: (env) => {
			env.reporter.comments.set('q-1-1', 'to delete');
			return { questionId: 'q-1-1' };
		},
	},
	'tovieReporter:experiment:create': {
		params: { key: 'reliability-exp', branches: { branch: [{ key: 'A' }, { key: 'B' }] } },
	},
	'tovieReporter:experiment:join': {
		params: (env) => ({
			experimentKey: rl('greeting'),
			botId: rl(env.reporter.bots[0]),
			sessionId: 's-1',
		}),
	},
	'tovieReporter:report:create': {
		params: (env) => ({
			reportType: 'sessions',
			date: '2026-01-01T00:00:00Z',
			botId: rl(env.reporter.bots[0]),
		}),
	},
	'tovieReporter:report:download': { params: (env) => ({ taskId: rl(reportTask(env)) }) },
	'tovieReporter:report:getTask': { params: (env) => ({ taskId: rl(reportTask(env)) }) },
	'tovieReporter:report:deleteTask': { params: (env) => ({ taskId: rl(reportTask(env)) }) },
	'tovieReporter:filter:getSet': {
		params: (env) => {
			env.reporter.filterSets.set('set-1', { filterSetId: 'set-1', filters: [], step: 1 });
			return { filterSetId: 'set-1' };
		},
	},
	// Tovie Project
	'tovieProject:project:get': { params: { project: rl('acme-bot', 'shortName') } },
	'tovieProject:project:update': {
		params: { project: rl('acme-bot', 'list'), updateFields: { description: 'Checked' } },
	},
	'tovieProject:project:clone': { params: { project: rl('acme-bot', 'shortName') } },
	'tovieProject:project:delete': {
		params: (env) => ({
			project: rl(String(env.channels.newProject('rel-delete', 'To delete').id)),
		}),
	},
	'tovieProject:channel:get': { params: { channel: rl(RELIABILITY_BOT, 'botId') } },
	'tovieProject:channel:update': {
		params: { channel: rl(RELIABILITY_BOT, 'botId'), updateFields: { channelName: 'Checked' } },
	},
	'tovieProject:channel:delete': {
		params: (env) => ({
			channel: rl(
				String(
					env.channels.addChannel('acme-bot', {
						channelType: 'TELEGRAM',
						accessToken: 'rel-telegram-token',
					}).id,
				),
			),
		}),
	},
	'tovieProject:channel:deploy': { params: { channel: rl(RELIABILITY_BOT, 'botId') } },

	// Tovie Text Campaign
	'tovieTextCampaign:client:sendEvent': { params: recipient },
	// Three clients: three sends, in flight at the same time.
	'tovieTextCampaign:client:sendEvent#many': {
		params: { ...recipient, clientId: perItem(['user-1', 'user-2', 'user-3']) },
		items: MANY_ITEMS,
	},
	'tovieTextCampaign:client:sendMessage': { params: recipient },
	'tovieTextCampaign:client:sendMessage#many': {
		params: { ...recipient, clientId: perItem(['user-1', 'user-2', 'user-3']) },
		items: MANY_ITEMS,
	},
	'tovieTextCampaign:campaign:get': { params: (env) => campaignIn(env) },
	'tovieTextCampaign:campaign:update': {
		params: (env) => ({ ...campaignIn(env), updateFields: { threadCount: 2 } }),
	},
	'tovieTextCampaign:campaign:stop': { params: (env) => campaignIn(env) },
	'tovieTextCampaign:campaign:resume': { params: (env) => campaignIn(env, 'STOPPED') },
	'tovieTextCampaign:campaign:complete': { params: (env) => campaignIn(env) },
	'tovieTextCampaign:template:create': { params: recipient },
	'tovieTextCampaign:template:get': {
		params: (env) => ({
			template: rl(
				env.textCampaigns.addTemplate(reliabilityCampaign(env), RELIABILITY_BOT, 'user-1').id,
			),
		}),
	},
	'tovieTextCampaign:template:delete': {
		params: (env) => ({
			template: rl(
				env.textCampaigns.addTemplate(reliabilityCampaign(env), RELIABILITY_BOT, 'user-1').id,
			),
		}),
	},
	'tovieTextCampaign:template:send': {
		params: (env) => ({
			template: rl(
				env.textCampaigns.addTemplate(reliabilityCampaign(env), RELIABILITY_BOT, 'user-1').id,
			),
		}),
	},
	'tovieTextCampaign:template:send#many': {
		params: (env) => ({
			template: rl(
				perItem(
					['user-1', 'user-2', 'user-3'].map(
						(client) =>
							env.textCampaigns.addTemplate(reliabilityCampaign(env), RELIABILITY_BOT, client).id,
					),
				),
			),
		}),
		items: MANY_ITEMS,
	},
	'tovieTextCampaign:sending:cancel': {
		params: (env) => ({
			sendingId: rl(
				env.textCampaigns.addSending(reliabilityCampaign(env), RELIABILITY_BOT, 'user-1').id,
			),
		}),
	},
	'tovieTextCampaign:chatHistory:getAll': {
		params: (env) => ({
			sendingId: rl(
				env.textCampaigns.addSending(reliabilityCampaign(env), RELIABILITY_BOT, 'user-1', {
					status: 'SENT',
				}).id,
			),
		}),
	},
};
