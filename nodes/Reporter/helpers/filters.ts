import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput, jsonValueOf, listOf } from '../../common/validate';
import { toDateTime } from './dates';

function periodFilter(
	ctx: IExecuteFunctions,
	entry: IDataObject,
	itemIndex: number,
	n: number,
): IDataObject {
	const filter: IDataObject = { key: entry.key, type: 'DATE_TIME_RANGE' };
	const from = toDateTime(ctx, entry.from, itemIndex, `Filters Period #${n} From`);
	const to = toDateTime(ctx, entry.to, itemIndex, `Filters Period #${n} To`);
	if (!from && !to)
		throw invalidInput(ctx, itemIndex, `Filters Period #${n}`, 'has neither From nor To');
	if (from) filter.from = from;
	if (to) filter.to = to;
	return filter;
}

function jsonFilters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	n: number,
): IDataObject[] {
	const label = `Filters Other (JSON) #${n}`;
	let value = jsonValueOf(ctx, itemIndex, raw, label);
	if (value === undefined) return [];
	if (value && !Array.isArray(value) && Array.isArray((value as IDataObject).filters))
		value = (value as IDataObject).filters;
	if (!Array.isArray(value))
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			'must be an array of filters',
			'For example [{"key": "NPS", "type": "NUMERIC_RANGE", "from": 9}].',
		);
	value.forEach((filter: IDataObject, k: number) => {
		if (!filter || typeof filter !== 'object' || !filter.key || !filter.type)
			throw invalidInput(ctx, itemIndex, `${label} entry ${k + 1}`, 'needs "key" and "type"');
	});
	return value as IDataObject[];
}

/** The `filters` array of one item, in the order: period, values, text, count, flags, JSON. */
export function filtersOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const form = ctx.getNodeParameter('filters', itemIndex, {}) as Record<
		string,
		IDataObject[] | undefined
	>;
	const filters: IDataObject[] = [];
	(form.period ?? []).forEach((entry, n) =>
		filters.push(periodFilter(ctx, entry, itemIndex, n + 1)),
	);
	(form.values ?? []).forEach((entry) =>
		filters.push({
			key: entry.key,
			type: 'CHECKBOX',
			options: listOf(ctx, itemIndex, entry.options, 'Filters Values'),
			comparisonType: entry.comparisonType,
		}),
	);
	(form.text ?? []).forEach((entry) =>
		filters.push({
			key: entry.key,
			type: 'TEXT',
			values: listOf(ctx, itemIndex, entry.values, 'Filters Text'),
			comparisonType: entry.comparisonType,
			isCaseSensitive: entry.isCaseSensitive === true,
		}),
	);
	(form.messageCount ?? []).forEach((entry) => {
		const filter: IDataObject = {
			key: 'MESSAGE_COUNT',
			type: 'NUMERIC_RANGE',
			from: Number(entry.from ?? 0),
		};
		if (Number(entry.to)) filter.to = Number(entry.to);
		filters.push(filter);
	});
	(form.flag ?? []).forEach((entry) =>
		filters.push({ key: entry.key, type: 'RADIO', option: entry.option }),
	);
	(form.json ?? []).forEach((entry, n) =>
		filters.push(...jsonFilters(ctx, itemIndex, entry.filters, n + 1)),
	);
	return filters;
}

/** The FiltersDto body: `{filters: [...]}` (an empty list when no filter is set). */
export function filtersBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return { filters: filtersOf(ctx, itemIndex) };
}
