import type { IExecuteFunctions } from 'n8n-workflow';

import type { PlatformRequest } from '../../common/requests';
import type { ReporterRoute } from '../api';
import { itemRequest } from '../api';

/**
 * Reads a route that answers a bare JSON string (`"fs-42"`: a filter set ID, an experiment branch):
 * asked as text, because a JSON client would already have unquoted it and could not tell it from
 * broken JSON.
 */
export async function itemRequestString(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: ReporterRoute,
	request: PlatformRequest = {},
): Promise<string> {
	const text = String(
		(await itemRequest<unknown>(ctx, itemIndex, route, { ...request, responseType: 'text' })) ?? '',
	).trim();
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'string' ? value : text;
	} catch {
		return text;
	}
}
