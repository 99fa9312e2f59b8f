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

/** A platform date-time to the minute, for a list entry ("2026-03-04 10:15"). */
const minuteOf = (value: unknown) =>
	String(value ?? '')
		.replace('T', ' ')
		.slice(0, 16);

/** How each list of the latest project objects is asked for and shown in a picker. */
const LATEST = {
	sessions: {
		route: 'sessionsFilter',
		textKey: 'CLIENT_ID_OR_NAME',
		entry: (session: IDataObject): INodeListSearchItems => {
			const client = session.client as IDataObject | undefined;
			const who = personOf(client) ?? client?.id;
			const name = [minuteOf(session.startTime), who, session.firstQuestion].filter(Boolean);
			return {
				name: name.join(' · ') || String(session.sessionId),
				value: String(session.sessionId),
			};
		},
	},
	messages: {
		route: 'messagesFilter',
		textKey: 'MESSAGE_OR_ANSWER_TEXT',
		entry: (message: IDataObject): INodeListSearchItems => {
			const name = [minuteOf(message.timestamp), message.question].filter(Boolean);
			return {
				name: name.join(' · ') || String(message.questionId),
				value: String(message.questionId),
			};
		},
	},
	clients: {
		route: 'clientsFilter',
		textKey: 'CLIENT_ID_OR_NAME',
		entry: (client: IDataObject): INodeListSearchItems => ({
			name: [personOf(client), client.id, client.channelType].filter(Boolean).join(' · '),
			value: String(client.id),
		}),
	},
} as const;

/**
 * The latest sessions, clients or messages of the project (`…/filter`), 100 per page; a search
 * text goes to the platform's text filter (client ID or name, or the message and answer text).
 */
async function latest(
	ctx: ILoadOptionsFunctions,
	list: keyof typeof LATEST,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const { route, textKey, entry } = LATEST[list];
	const page = Number(paginationToken ?? 0);
	const text = filter?.trim();
	const answer = await request(ctx, route, {
		qs: { projectShortName: await currentProjectShortName(ctx), page, size: 100 },
		body: {
			filters: text
				? [
						// reporter-api.yml TextFilter requires values, comparisonType and isCaseSensitive.
						{
							key: textKey,
							type: 'TEXT',
							values: [text],
							comparisonType: 'CONTAINS',
							isCaseSensitive: false,
						},
					]
				: [],
		},
	});
	const items = (answer[list] ?? []) as IDataObject[];
	const { totalCount: total, pageSize } = (answer.paging ?? {}) as IDataObject;
	// A server that clamps pages by its own size: the next page starts after the size it answered.
	const size = typeof pageSize === 'number' ? pageSize : 100;
	const more = typeof total === 'number' ? (page + 1) * size < total : items.length === 100;
	return { results: items.map(entry), paginationToken: more ? String(page + 1) : undefined };
}

export const listSearch = {
	async searchSessions(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await latest(this, 'sessions', filter, paginationToken);
	},
	async searchMessages(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await latest(this, 'messages', filter, paginationToken);
	},
	async searchClients(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await latest(this, 'clients', filter, paginationToken);
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
