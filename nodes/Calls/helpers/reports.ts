import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { workflowZone } from '../../common/dates';
import { limitOf, filtersCollection } from '../../common/fields';
import { paginate } from '../../common/paginate';
import { invalidInput, listOf, toEpochMs } from '../../common/validate';
import type { CallsRoute } from '../api';
import { callsItemRequest, PAGE_MAX, PAGE_SIZE_MAX } from '../api';
import { simplifiedReport, withReadableFields } from './output';
import { checkedPhone } from './phones';

/** Call job IDs and/or phone numbers (`CallNumbersAndCallJobIds`). */
export const idsAndPhonesFields: INodeProperties[] = [
	{
		displayName: 'Call Job Names or IDs',
		name: 'ids',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCallJobs' },
		default: [],
		description:
			'The call jobs of the last 30 days; older ones by ID. Each number added to the campaign gets one: Add returns it, and Get Many lists them. Fill in this field, Phone Numbers, or both. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Phone Numbers',
		name: 'phones',
		type: 'string',
		default: '',
		placeholder: 'e.g. 16500000000, 16500000001',
		description:
			'Phone numbers of the campaign separated by commas (or an array from an expression), with the country code',
	},
];

/** The selection of one item; at least one ID or phone, else an error naming both fields. */
export function idsAndPhonesOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { ids?: string[]; phones?: string[] } {
	const ids = [
		...new Set(
			listOf(ctx, itemIndex, ctx.getNodeParameter('ids', itemIndex, ''), 'Call Job Names or IDs'),
		),
	];
	const phones = [
		...new Set(
			listOf(ctx, itemIndex, ctx.getNodeParameter('phones', itemIndex, ''), 'Phone Numbers').map(
				(raw) => checkedPhone(ctx, itemIndex, raw, 'Phone Numbers'),
			),
		),
	];
	if (ids.length === 0 && phones.length === 0) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Call Jobs / Phone Numbers',
			'are both empty',
			'Enter at least one call job ID or phone number.',
		);
	}
	return { ids: ids.length ? ids : undefined, phones: phones.length ? phones : undefined };
}

/** One date filter of the spec (`createdAtFrom`, …): `[name, label, what it bounds]`. */
export type DateFilter = [name: string, label: string, description: string];

/** The "Filters" collection: the spec's date filters, plus `extra` options; sorted by label. */
export function filtersField(dates: DateFilter[], extra: INodeProperties[] = []): INodeProperties {
	const options: INodeProperties[] = [
		...dates.map(
			([name, displayName, description]): INodeProperties => ({
				displayName,
				name,
				type: 'dateTime',
				default: '',
				description: `${description}. A date without a time zone is read in the workflow's time zone.`,
			}),
		),
		...extra,
	];
	return filtersCollection(
		'Which records to list; without filters, every record of the campaign',
		options,
	);
}

/** The date filters of one item as the spec's `date-time` strings; From after To is refused. */
export function dateFilterOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: IDataObject,
	dates: DateFilter[],
): IDataObject {
	const filter: IDataObject = {};
	const ms: Record<string, number> = {};
	for (const [name, label] of dates) {
		const epoch = toEpochMs(ctx, raw[name], itemIndex, label);
		if (epoch === undefined) continue;
		ms[name] = epoch;
		filter[name] = new Date(epoch).toISOString();
	}
	for (const [from, fromLabel] of dates.filter(([name]) => name.endsWith('From'))) {
		const to = dates.find(([name]) => name === from.replace(/From$/, 'To'));
		if (to && ms[to[0]] !== undefined && ms[from] > ms[to[0]]) {
			throw invalidInput(
				ctx,
				itemIndex,
				`Filter ${fromLabel}`,
				`is after ${to[1]}`,
				'Swap the two dates.',
			);
		}
	}
	return filter;
}

/** Report records as output: ISO times in the workflow zone, simplified unless Simplify is off. */
export function reportOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	records: unknown,
): IDataObject[] {
	const zone = workflowZone(ctx);
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	return (Array.isArray(records) ? (records as IDataObject[]) : []).map((record) => {
		const readable = withReadableFields(record ?? {}, zone);
		return simplify ? simplifiedReport(readable) : readable;
	});
}

/**
 * Walks `{items, pagination}` pages of 200 (the spec's maximum) up to Return All / Limit. The
 * answer has no total: a page shorter than the `pageSize` it answers ends the list.
 */
export async function reportPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: CallsRoute,
	filter: IDataObject | undefined,
): Promise<IDataObject[]> {
	const items = await paginate<IDataObject>(
		async (page, pageSize) => {
			const pagination = { page, pageSize };
			const body = filter === undefined ? pagination : { filter, pagination };
			const answer = await callsItemRequest<IDataObject>(ctx, itemIndex, route, { body });
			const size = (answer?.pagination as IDataObject | undefined)?.pageSize;
			return {
				items: (answer?.items ?? []) as IDataObject[],
				size: typeof size === 'number' ? size : undefined,
			};
		},
		{
			limit: limitOf(ctx, itemIndex),
			pageSize: PAGE_SIZE_MAX,
			list: route.startsWith('getCallAttempt') ? 'call attempts' : 'call jobs',
			node: ctx.getNode(),
			maxPages: PAGE_MAX + 1,
		},
	);
	return reportOutput(ctx, itemIndex, items);
}
