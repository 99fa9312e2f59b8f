import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { request } from '../api';
import { messagesOf, messageTextOf, repliesOf, type HistoryPage } from '../helpers/history';
import { paginate } from '../../common/paginate';
import { chatZoneOf, timestampMs } from '../../common/chat/timestamps';
import { formatIso, workflowZone } from '../../common/dates';
import { CREDENTIAL_NAME } from '../../common/transport';

const PAGE = 100;
/** Without a `total`, the picker reads at most this many pages (a history that never ends). */
const MAX_PAGES = 10;

/** The Client ID of the node being edited, when it is a plain value (not an expression). */
function clientIdOf(ctx: ILoadOptionsFunctions): string | undefined {
	try {
		const value = ctx.getCurrentNodeParameter('clientId');
		return typeof value === 'string' && value.trim() && !value.startsWith('=')
			? value.trim()
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * The client's history, or enough of it to hold the latest messages. The pages do not say which
 * end comes first, nor that there is a `total`: with a `total` the first and the last page are
 * read; without one, pages until the end (a short page, a repeated one, or one longer than asked
 * for: the platform ignored the paging) or `MAX_PAGES` (docs/platform-assumptions.md, Chat API).
 */
async function historyOf(ctx: ILoadOptionsFunctions, clientId: string): Promise<IDataObject[]> {
	const read = async (offset: number): Promise<HistoryPage & { last?: boolean }> => {
		const page = messagesOf(
			await request(ctx, 'history', { pathParams: { clientId }, qs: { offset, limit: PAGE } }),
		);
		if (page.unknown)
			throw new NodeOperationError(ctx.getNode(), 'The history answer holds no list of messages', {
				description:
					'The platform answered the history request in a shape the node does not know. Choose By ID and enter the questionId instead.',
			});
		return { ...page, last: page.items.length > PAGE };
	};
	const first = await read(0);
	if (first.total === undefined)
		return await paginate(async (_page, _size, offset) => (offset ? await read(offset) : first), {
			pageSize: PAGE,
			limit: PAGE * MAX_PAGES,
			by: 'offset',
			list: 'chat history',
			node: ctx.getNode(),
		});
	if (first.total <= PAGE || first.items.length !== PAGE) return first.items;
	return [...first.items, ...(await read(Math.max(PAGE, first.total - PAGE))).items];
}

export const listSearch = {
	/**
	 * The latest bot messages to the client in the Client ID field (the Chat API lists messages only
	 * per client), newest first. A bot message is one with replies; its label is its text.
	 */
	async searchBotMessages(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const clientId = clientIdOf(this);
		if (!clientId) return { results: [] };
		const needle = filter?.trim().toLowerCase();
		const seen = new Set<string>();
		// Times read in the platform's zone (the credential's) and shown in the workflow's.
		const platformZone = chatZoneOf(await this.getCredentials(CREDENTIAL_NAME), this.getNode());
		const zone = workflowZone(this);
		const timeOf = (message: IDataObject) => timestampMs(message.timestamp, platformZone);
		const label = (message: IDataObject) => {
			const ms = timeOf(message);
			return ms === undefined
				? String(message.timestamp ?? '')
				: formatIso(ms, zone).replace('T', ' ').slice(0, 16);
		};
		const results = (await historyOf(this, clientId))
			.filter((m) => repliesOf(m) !== undefined && m.questionId !== undefined)
			.sort((a, b) => (timeOf(b) ?? 0) - (timeOf(a) ?? 0))
			.map((m) => ({
				name: `${label(m)} · ${messageTextOf(m) ?? '(no text)'}`,
				value: String(m.questionId),
			}))
			.filter(
				(r) =>
					!seen.has(r.value) &&
					seen.add(r.value) &&
					(!needle || r.name.toLowerCase().includes(needle)),
			);
		return { results: results.slice(0, PAGE) };
	},
};
