import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { request } from '../api';
import { messagesOf } from '../helpers/history';
import { timestampMs } from '../../common/chat/timestamps';

const PAGE = 100;

const timeOf = (message: IDataObject) => timestampMs(message.timestamp) ?? 0;

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

export const listSearch = {
	/**
	 * The latest bot messages to the client in the Client ID field (the Chat API lists messages only
	 * per client). The pages do not say which end of the history comes first, so with more than one
	 * page both ends are read and sorted by time (docs/platform-assumptions.md, Chat API).
	 */
	async searchBotMessages(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const clientId = clientIdOf(this);
		if (!clientId) return { results: [] };
		const page = async (offset: number) =>
			messagesOf(
				await request(this, 'history', { pathParams: { clientId }, qs: { offset, limit: PAGE } }),
			);
		const first = await page(0);
		const items = [...first.items];
		if ((first.total ?? 0) > PAGE)
			items.push(...(await page(Math.max(PAGE, (first.total ?? 0) - PAGE))).items);
		const needle = filter?.trim().toLowerCase();
		const seen = new Set<string>();
		const results = items
			.filter((m: IDataObject) => m.type !== 'request' && m.questionId)
			.sort((a, b) => timeOf(b) - timeOf(a))
			.map((m: IDataObject) => ({
				name: `${String(m.timestamp ?? '')
					.replace('T', ' ')
					.slice(0, 16)} · ${String(m.text ?? '(no text)')}`,
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
