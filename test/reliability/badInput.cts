/**
 * Bad input, generated from the descriptions: for every operation, each field gets values it must
 * refuse (empty required values, invalid JSON, numbers out of range, malformed dates and phones,
 * an oversized text). Each must fail before any request, with a NodeOperationError that names the
 * field and the item; with continueOnFail the valid item next to it still goes through.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ROWS, WORKING } from './actions.cts';
import { stats } from './leaks.cts';
import { prepare, runOperation, type Env } from './platform.cts';

export interface BadCase {
	field: string;
	label: string;
	what: string;
	/** An n8n expression giving the bad value on item `badItem` and the good one elsewhere. */
	value: (good: unknown, badItem: number) => unknown;
}

const onItem = (badItem: number, bad: string, good: unknown) =>
	`={{ $itemIndex === ${badItem} ? ${bad} : ${jsOf(good)} }}`;

/** The good value as a JavaScript expression (an n8n expression's inside, or a literal). */
function jsOf(good: unknown): string {
	const inner = typeof good === 'string' ? /^=\{\{([\s\S]*)\}\}$/.exec(good) : null;
	return inner ? `(${inner[1]})` : JSON.stringify(good ?? '');
}

/** Bad values for one field, by its type and name. */
export function badCases(property: INodeProperties): BadCase[] {
	const cases: BadCase[] = [];
	const add = (what: string, value: BadCase['value']) =>
		cases.push({ field: property.name, label: property.displayName, what, value });
	const { type, required, typeOptions } = property;
	if (required && ['string', 'dateTime', 'json'].includes(type))
		add('empty', (good, badItem) => onItem(badItem, '""', good));
	if (required && type === 'resourceLocator') {
		add('empty', (good, badItem) => ({
			...(good as IDataObject),
			value: onItem(badItem, '""', (good as IDataObject)?.value ?? ''),
		}));
	}
	if (type === 'json') add('invalid JSON', (good, badItem) => onItem(badItem, '"{oops"', good));
	if (type === 'number' && typeof typeOptions?.minValue === 'number')
		add('below the minimum', (good, badItem) =>
			onItem(badItem, String((typeOptions.minValue as number) - 1), good),
		);
	if (type === 'number' && typeof typeOptions?.maxValue === 'number')
		add('above the maximum', (good, badItem) =>
			onItem(badItem, String((typeOptions.maxValue as number) + 1), good),
		);
	if (type === 'number') add('not a number', (good, badItem) => onItem(badItem, '"twelve"', good));
	if (type === 'dateTime')
		add('malformed date', (good, badItem) => onItem(badItem, '"31/02/2026 25:61"', good));
	if (type === 'string' && /phone/i.test(property.name))
		add('malformed phone', (good, badItem) => onItem(badItem, '"call me maybe"', good));
	return cases;
}

const SKIP = new Set(['resource', 'operation', 'requestOptions']);

/** Whether the field is shown with the fixture's parameters (other fields' show/hide conditions). */
function visible(
	property: INodeProperties,
	all: INodeProperties[],
	parameters: IDataObject,
): boolean {
	const valueOf = (name: string) => parameters[name] ?? all.find((p) => p.name === name)?.default;
	const { show = {}, hide = {} } = property.displayOptions ?? {};
	const others = (conditions: IDataObject) =>
		Object.entries(conditions).filter(
			([name]) => name !== 'resource' && name !== 'operation' && !name.startsWith('@'),
		);
	return (
		others(show as IDataObject).every(([name, values]) =>
			(values as unknown[]).includes(valueOf(name)),
		) &&
		!others(hide as IDataObject).some(([name, values]) =>
			(values as unknown[]).includes(valueOf(name)),
		)
	);
}

export function describeBadInput(
	getEnv: () => Env,
	fixtureParameters: (row: (typeof ROWS)[number]) => IDataObject,
): void {
	const rows = ROWS.flatMap((row) =>
		row.properties
			.filter(
				(p) =>
					!SKIP.has(p.name) &&
					p.type !== 'notice' &&
					visible(p, row.properties, fixtureParameters(row)),
			)
			.flatMap((p) => badCases(p).map((c) => [`${row.key} ${c.label} ${c.what}`, row, c] as const)),
	);

	it.each(rows)('%s', async (_name, row, badCase) => {
		const env = getEnv();
		env.fake.reset();
		const prepared = await prepare(env, row);
		const good =
			prepared.parameters[badCase.field] ??
			row.properties.find((p) => p.name === badCase.field)?.default;
		stats.badInputs += 1;

		// Alone: the item fails before any request, with an error that names the field and the item.
		const alone = await runOperation(env, row, prepared, {
			parameters: { [badCase.field]: badCase.value(good, 0) } as IDataObject,
			items: prepared.items.slice(0, 1),
		});
		const error = alone.error as (Error & { context?: IDataObject }) | undefined;
		expect([error?.name, error?.message]).toEqual([
			'NodeOperationError',
			expect.stringMatching(new RegExp(`\\[item 0\\]`)),
		]);
		expect(error?.message.toLowerCase()).toContain(badCase.label.toLowerCase());
		expect(env.fake.requests).toHaveLength(0);

		// Next to a valid item, with continueOnFail: the valid item goes through.
		env.fake.reset();
		const again = await prepare(env, row);
		const items =
			again.items.length > 1 ? again.items.slice(0, 2) : [again.items[0], again.items[0]];
		const goodNow = again.parameters[badCase.field] ?? good;
		const mixed = await runOperation(env, row, again, {
			parameters: { [badCase.field]: badCase.value(goodNow, 1) } as IDataObject,
			items,
			continueOnFail: true,
		});
		const out = mixed
			.output()
			.filter((item) => item.pairedItem && (item.pairedItem as { item: number }).item <= 1);
		const byItem = (n: number) =>
			out
				.filter((item) => (item.pairedItem as { item: number }).item === n)
				.map((item) => item.json);
		// The valid item was sent and answered (an empty answer has no items); operations that cannot
		// succeed against the fake yet (a node without a fixture) are not judged on it.
		if (WORKING.has(row.key))
			expect([
				env.fake.requests.length > 0,
				byItem(0).filter((json) => json.error !== undefined),
			]).toEqual([true, []]);
		expect(byItem(1)).toEqual([
			expect.objectContaining({ error: expect.stringContaining('[item 1]') }),
		]);
	});
}
