import type { IDataObject } from 'n8n-workflow';

/**
 * The messages of a history answer: the pages show `{messages, total}`; a bare array or other list
 * keys are read too (docs/platform-assumptions.md, Chat API).
 */
export function messagesOf(body: unknown): { items: IDataObject[]; total?: number } {
	if (Array.isArray(body)) return { items: body as IDataObject[] };
	const data = (body ?? {}) as IDataObject;
	const list = data.messages ?? data.history ?? data.items ?? [];
	return {
		items: list as IDataObject[],
		total: typeof data.total === 'number' ? data.total : undefined,
	};
}
