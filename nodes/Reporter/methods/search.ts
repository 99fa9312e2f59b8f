import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { currentProjectShortName, searchBots, searchProjects } from '../../common/search';
import { request } from '../api';
import { labelListSearch, labelLoadOptions } from './labels';

function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').toLowerCase();
	return {
		results: needle
			? items.filter((i) => `${i.name} ${i.value}`.toLowerCase().includes(needle))
			: items,
	};
}

/** The parameter at `path` of the node being edited, or undefined when the node has none there. */
function current(ctx: ILoadOptionsFunctions, path: string): unknown {
	try {
		return ctx.getCurrentNodeParameter(path);
	} catch {
		return undefined;
	}
}

/**
 * The values a list filter offers (`filter-options`), in the project of Options → Project or the
 * credential, for the analytics section of the operation (Sessions when it names none).
 */
async function filterOptions(
	ctx: ILoadOptionsFunctions,
	filterKey: string,
): Promise<INodeListSearchItems[]> {
	const analyticsSection = String(current(ctx, 'analyticsSection') || 'SESSIONS');
	const options = await request<IDataObject[]>(ctx, 'filterOptions', {
		qs: {
			projectShortName: await currentProjectShortName(ctx),
			filterKey,
			analyticsSection,
			page: 0,
			size: 200,
		},
		body: { filters: [] },
	});
	return (options ?? []).map((o) => ({ name: String(o.label ?? o.value), value: String(o.value) }));
}

/** A person's name from the platform's client info, or undefined. */
function personOf(client: IDataObject | undefined): string | undefined {
	if (!client) return undefined;
	const name = [client.firstName, client.lastName].filter(Boolean).join(' ') || client.username;
	return name ? String(name) : undefined;
}

/**
 * The latest sessions, clients or messages of the project (`…/filter`), 100 per page; a search
 * text goes to the platform's text filter (client ID or name, or the message and answer text).
 */
async function latest(
	ctx: ILoadOptionsFunctions,
	route: 'sessionsFilter' | 'clientsFilter' | 'messagesFilter',
	listKey: 'sessions' | 'clients' | 'messages',
	filter: string | undefined,
	page: number,
	textKey = 'CLIENT_ID_OR_NAME',
): Promise<{ items: IDataObject[]; more: boolean }> {
	const text = filter?.trim();
	const answer = await request(ctx, route, {
		qs: { projectShortName: await currentProjectShortName(ctx), page, size: 100 },
		body: {
			filters: text
				? [{ key: textKey, type: 'TEXT', values: [text], comparisonType: 'CONTAINS' }]
				: [],
		},
	});
	const items = (answer[listKey] ?? []) as IDataObject[];
	const total = (answer.paging as IDataObject | undefined)?.totalCount;
	return {
		items,
		more: typeof total === 'number' ? (page + 1) * 100 < total : items.length === 100,
	};
}

export const listSearch = {
	async searchSessions(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = Number(paginationToken ?? 0);
		const { items, more } = await latest(this, 'sessionsFilter', 'sessions', filter, page);
		return {
			results: items.map((session) => {
				const client = session.client as IDataObject | undefined;
				const who = personOf(client) ?? client?.id;
				const started = session.startTime
					? String(session.startTime).replace('T', ' ').slice(0, 16)
					: '';
				return {
					name:
						[started, who, session.firstQuestion].filter(Boolean).join(' · ') ||
						String(session.sessionId),
					value: String(session.sessionId),
				};
			}),
			paginationToken: more ? String(page + 1) : undefined,
		};
	},
	async searchMessages(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = Number(paginationToken ?? 0);
		const { items, more } = await latest(
			this,
			'messagesFilter',
			'messages',
			filter,
			page,
			'MESSAGE_OR_ANSWER_TEXT',
		);
		return {
			results: items.map((message) => ({
				name:
					[
						String(message.timestamp ?? '')
							.replace('T', ' ')
							.slice(0, 16),
						message.question,
					]
						.filter(Boolean)
						.join(' · ') || String(message.questionId),
				value: String(message.questionId),
			})),
			paginationToken: more ? String(page + 1) : undefined,
		};
	},
	async searchClients(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = Number(paginationToken ?? 0);
		const { items, more } = await latest(this, 'clientsFilter', 'clients', filter, page);
		return {
			results: items.map((client) => ({
				name: [personOf(client), client.id, client.channelType].filter(Boolean).join(' · '),
				value: String(client.id),
			})),
			paginationToken: more ? String(page + 1) : undefined,
		};
	},
	// Options → Project: the shared picker of every node that names a project.
	searchProjects,
	// Bots: the channels of the project (the Bot channel API), as in Tovie Text Campaign.
	searchBots,
	async searchExperiments(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const experiments = await request<IDataObject[]>(this, 'listExperiments', {
			qs: { projectShortName: await currentProjectShortName(this) },
		});
		return matching(
			(experiments ?? []).map((e) => ({
				name: `${String(e.key)}${e.description ? ` (${String(e.description)})` : ''}${e.status ? ` – ${String(e.status)}` : ''}`,
				value: String(e.key),
			})),
			filter,
		);
	},
	// Message labels, label groups, session labels (methods/labels.ts).
	...labelListSearch,
	async searchReportTasks(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const answer = await request(this, 'listTasks');
		const tasks = (answer.tasks ?? []) as IDataObject[];
		return matching(
			tasks.map((t) => ({
				name: `${String(t.reportType)} ${String(t.creationTime ?? '')} (${String(t.status)})`,
				value: String(t.taskId),
			})),
			filter,
		);
	},
};

export const loadOptions = {
	/** Bot Names or IDs: the channels of the project. */
	async getBots(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await searchBots.call(this)).results.map(({ name, value }) => ({ name, value }));
	},
	/** Values of the list filter chosen beside the field (Filters → Values → Field). */
	async getFilterValues(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const key = String(current(this, '&key') || 'BOT_ID');
		return await filterOptions(this, key);
	},
	...labelLoadOptions,
};
