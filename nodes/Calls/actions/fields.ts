import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { workflowZone } from '../../common/dates';
import { limitOf } from '../../common/fields';
import { paginate } from '../../common/paginate';
import { invalidInput, toEpochMs } from '../../common/validate';
import type { CallsRoute } from '../api';
import { callsItemRequest, PAGE_MAX, PAGE_SIZE_MAX, withReadableFields } from '../api';

/** Call job IDs and/or phone numbers (`CallNumbersAndCallJobIds`). */
export const idsAndPhonesFields: INodeProperties[] = [
	{
		displayName: 'Call Job IDs',
		name: 'ids',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1234, 6543',
		description: 'Call job IDs separated by commas (or an array from an expression)',
	},
	{
		displayName: 'Phone Numbers',
		name: 'phones',
		type: 'string',
		default: '',
		placeholder: 'e.g. 16500000000, 16500000001',
		description: 'Phone numbers separated by commas (or an array from an expression)',
	},
];

function listOf(raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw : typeof raw === 'string' || typeof raw === 'number' ? String(raw).split(/[,;\n]/) : [];
	return [...new Set(parts.map((part) => String(part ?? '').trim()).filter(Boolean))];
}

/** The selection of one item; at least one ID or phone, else an error naming both fields. */
export function idsAndPhonesOf(ctx: IExecuteFunctions, itemIndex: number): { ids?: string[]; phones?: string[] } {
	const ids = listOf(ctx.getNodeParameter('ids', itemIndex, ''));
	const phones = listOf(ctx.getNodeParameter('phones', itemIndex, '')).map((raw) => {
		const phone = normalizePhone(raw);
		if (!/^\d{3,20}$/.test(phone)) {
			throw invalidInput(ctx, itemIndex, 'Phone Numbers', `"${raw}" is not a phone number`, 'Use digits only, with the country code, e.g. 16500000000.');
		}
		return phone;
	});
	if (ids.length === 0 && phones.length === 0) {
		throw invalidInput(ctx, itemIndex, 'Call Job IDs / Phone Numbers', 'are both empty', 'Enter at least one call job ID or phone number.');
	}
	return { ids: ids.length ? ids : undefined, phones: phones.length ? phones : undefined };
}

/** Spaces, dashes, dots, parentheses and a leading + removed: "+1 (650) 000-0000" → "16500000000". */
export function normalizePhone(phone: string): string {
	return phone.trim().replace(/[\s\-().]/g, '').replace(/^\+/, '');
}

/** Date-range filter fields; `names` are the spec's filter keys, e.g. `createdAtFrom`. */
export function dateFilterField(names: Array<[name: string, label: string]>): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: names.map(([name, label]) => ({
			displayName: label,
			name,
			type: 'dateTime',
			default: '',
			description: `${label}: an ISO date, a date picker value or a Luxon DateTime from an expression`,
		})),
	};
}

/** The filter collection of one item as the spec's `date-time` strings; From after To is refused. */
export function dateFilterOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filter: IDataObject = {};
	const ms: Record<string, number> = {};
	for (const [name, value] of Object.entries(raw)) {
		const epoch = toEpochMs(ctx, value, itemIndex, name);
		if (epoch === undefined) continue;
		ms[name] = epoch;
		filter[name] = new Date(epoch).toISOString();
	}
	for (const from of Object.keys(ms).filter((name) => name.endsWith('From'))) {
		const to = from.replace(/From$/, 'To');
		if (ms[to] !== undefined && ms[from] > ms[to]) {
			throw invalidInput(ctx, itemIndex, `Filter ${from}`, `is after ${to}`, 'Swap the two dates.');
		}
	}
	return filter;
}

/** Walks `{items, pagination}` pages of 200 (the spec's maximum) up to Return All / Limit. */
export async function reportPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: CallsRoute,
	filter: IDataObject | undefined,
): Promise<IDataObject[]> {
	const limit = limitOf(ctx, itemIndex);
	const pageSize = Math.min(PAGE_SIZE_MAX, limit ?? PAGE_SIZE_MAX);
	const items = await paginate<IDataObject>(
		async (page) => {
			const pagination = { page, pageSize };
			const body = filter === undefined ? pagination : { filter, pagination };
			const answer = await callsItemRequest<IDataObject>(ctx, itemIndex, route, { body });
			return { items: (answer?.items ?? []) as IDataObject[] };
		},
		{ limit, pageSize, maxPages: PAGE_MAX + 1 },
	);
	const zone = workflowZone(ctx);
	return items.map((item) => withReadableFields(item, zone));
}
