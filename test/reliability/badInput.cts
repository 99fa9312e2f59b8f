/**
 * Bad input, generated from the descriptions: for every operation, each field gets values it must
 * refuse (empty required values, invalid JSON, numbers out of range, malformed dates and phones,
 * an oversized text). Each must fail before any request, with a NodeOperationError that names the
 * field and the item; with continueOnFail the valid item next to it still goes through.
 *
 * Many-item variants (a batch operation with several input items): the bad value is on an item
 * between good ones. Without continueOnFail it stops the run before any request, the good items'
 * included; with it, that item fails alone and the others are sent and answered. Their collections'
 * options (Batch Size, Concurrency, Requests at Once, Number of Variants…) get bad values too: the
 * run reads the batch settings once, from the first item, so a wrong one on another item must fail
 * that item only.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requestConstraints, type SpecConstraint } from '../helpers/fake-platform/spec.cts';
import { ROWS, WORKING } from './actions.cts';
import { NODE_SPECS } from './catalog.cts';
import { stats } from './leaks.cts';
import { prepare, runOperation, type Env } from './platform.cts';

export interface BadCase {
	field: string;
	/** The collection the field is an option of (`options`), if it is one. */
	collection?: string;
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
		// A fixture may give a locator as its plain ID (what an expression often gives).
		add('empty', (good, badItem) => {
			const locator =
				typeof good === 'object' && good
					? (good as IDataObject)
					: { __rl: true, mode: 'id', value: good ?? '' };
			return { ...locator, value: onItem(badItem, '""', locator.value) };
		});
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

/**
 * Bad values derived from a vendor spec's limits for a node field that feeds the constrained spec
 * field of the same name (`minimum`/`maximum`, `format: date-time`/`date`, `enum`): what an
 * expression can give that the platform would refuse. The node must refuse it first.
 */
export function specCases(property: INodeProperties, constraint: SpecConstraint): BadCase[] {
	const cases: BadCase[] = [];
	const add = (what: string, bad: string) =>
		cases.push({
			field: property.name,
			label: property.displayName,
			// The field of the spec with this name (a name can be constrained in several operations).
			what: `${what} (spec: ${constraint.source.split(':')[0]} ${property.name})`,
			value: (good, badItem) => onItem(badItem, bad, good),
		});
	if (property.type === 'number') {
		if (constraint.minimum !== undefined)
			add('below the spec minimum', String(constraint.minimum - 1));
		if (constraint.maximum !== undefined)
			add('above the spec maximum', String(constraint.maximum + 1));
	}
	if (constraint.format && (property.type === 'dateTime' || property.type === 'string'))
		// Not a calendar date: JavaScript's Date rolls it over to 3 March.
		add(`not a ${constraint.format}`, '"2026-02-31T10:00:00"');
	if (constraint.enum && (property.type === 'options' || property.type === 'multiOptions'))
		add(
			'not one of the spec values',
			property.type === 'options' ? '"NOT_IN_SPEC"' : '["NOT_IN_SPEC"]',
		);
	return cases;
}

/** Spec-derived cases left out, each with why. */
const SPEC_CASES_LEFT_OUT: Record<string, string> = {
	// Valid only with Bot Type "Voice Bot (Calls)": its default alone makes the good item fail too
	// (the node refuses it before any request, which the bad item's half of the case shows).
	'tovieProject:project:create callsBotChannelsType': 'depends on another option of its collection',
};

const constraintsByNode = new Map<string, Map<string, SpecConstraint>>();

/** How many cases of the table were derived from the vendor specs (for the summary line). */
export const specBadInputs = { count: 0 };

/** The spec-derived cases of a row: its fields and its collections' options (not those already tried). */
function specRowCases(
	row: (typeof ROWS)[number],
	parameters: IDataObject,
): Array<[string, BadCase]> {
	const files = NODE_SPECS[row.node.short];
	if (!files) return [];
	const leftOut = (property: INodeProperties) =>
		`${row.operationKey} ${property.name}` in SPEC_CASES_LEFT_OUT;
	let constraints = constraintsByNode.get(row.node.short);
	if (!constraints) {
		constraints = requestConstraints(files);
		constraintsByNode.set(row.node.short, constraints);
	}
	const found = constraints;
	const shown = row.properties.filter(
		(p) => !SKIP.has(p.name) && p.type !== 'notice' && visible(p, row.properties, parameters),
	);
	// A value the generic cases already try (the node's minimum equal to the spec's) is not repeated.
	const sameAs = (a: BadCase, b: BadCase) =>
		a.field === b.field && a.value('', 0) === b.value('', 0);
	const fresh = (property: INodeProperties) =>
		specCases(property, found.get(property.name) ?? { source: '' }).filter(
			(c) =>
				found.has(property.name) &&
				!leftOut(property) &&
				!badCases(property).some((other) => sameAs(c, other)),
		);
	return [
		...shown.map((p): Array<[string, BadCase]> => fresh(p).map((c) => [`${c.label} ${c.what}`, c])),
		...shown
			.filter((p) => p.type === 'collection' && row.variant !== 'many')
			.map((collection) =>
				((collection.options ?? []) as INodeProperties[])
					.filter(
						(option) =>
							'type' in option && visible(option as INodeProperties, row.properties, parameters),
					)
					.flatMap((option) =>
						fresh(option as INodeProperties).map((c): [string, BadCase] => [
							`${collection.displayName} → ${c.label} ${c.what}`,
							{ ...c, collection: collection.name },
						]),
					),
			),
	].flat();
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

/** Bad values for the options of the row's collections: many-item variants only (see above). */
function collectionCases(
	row: (typeof ROWS)[number],
	parameters: IDataObject,
): Array<[string, BadCase]> {
	if (row.variant !== 'many') return [];
	return row.properties
		.filter(
			(p) => p.type === 'collection' && !SKIP.has(p.name) && visible(p, row.properties, parameters),
		)
		.flatMap((collection) =>
			((collection.options ?? []) as INodeProperties[])
				.filter((option) => 'type' in option)
				.flatMap((option) =>
					badCases(option).map((c): [string, BadCase] => [
						`${collection.displayName} → ${c.label} ${c.what}`,
						{ ...c, collection: collection.name },
					]),
				),
		);
}

/** The field's value in `parameters`, or its default. */
function goodOf(row: (typeof ROWS)[number], badCase: BadCase, parameters: IDataObject): unknown {
	if (!badCase.collection)
		return (
			parameters[badCase.field] ?? row.properties.find((p) => p.name === badCase.field)?.default
		);
	const collection = row.properties.find((p) => p.name === badCase.collection);
	const option = ((collection?.options ?? []) as INodeProperties[]).find(
		(o) => o.name === badCase.field,
	);
	return (
		(parameters[badCase.collection] as IDataObject | undefined)?.[badCase.field] ?? option?.default
	);
}

/** Parameters that set the case's field to `value` (the other options of its collection kept). */
function withValue(badCase: BadCase, value: unknown, parameters: IDataObject): IDataObject {
	if (!badCase.collection) return { [badCase.field]: value } as IDataObject;
	const options = (parameters[badCase.collection] as IDataObject | undefined) ?? {};
	return { [badCase.collection]: { ...options, [badCase.field]: value } } as IDataObject;
}

export function describeBadInput(
	getEnv: () => Env,
	fixtureParameters: (row: (typeof ROWS)[number]) => IDataObject,
): void {
	type Case = readonly [name: string, row: (typeof ROWS)[number], badCase: BadCase];
	const rows = ROWS.flatMap((row): Case[] => [
		...row.properties
			.filter(
				(p) =>
					!SKIP.has(p.name) &&
					p.type !== 'notice' &&
					visible(p, row.properties, fixtureParameters(row)),
			)
			.flatMap((p) => badCases(p).map((c): Case => [`${row.key} ${c.label} ${c.what}`, row, c])),
		...collectionCases(row, fixtureParameters(row)).map(
			([name, c]): Case => [`${row.key} ${name}`, row, c],
		),
		...specRowCases(row, fixtureParameters(row)).map(([name, c]): Case => {
			specBadInputs.count += 1;
			return [`${row.key} ${name}`, row, c];
		}),
	]);

	it.each(rows)('%s', async (_name, row, badCase) => {
		const env = getEnv();
		env.fake.reset();
		const prepared = await prepare(env, row);
		const good = goodOf(row, badCase, prepared.parameters);
		stats.badInputs += 1;
		const many = row.variant === 'many';
		// The bad item: alone, or (many items) the second of them, between good ones.
		const badItem = many ? 1 : 0;

		// The item fails before any request, with an error that names the field and the item.
		const alone = await runOperation(env, row, prepared, {
			parameters: withValue(badCase, badCase.value(good, badItem), prepared.parameters),
			items: many ? prepared.items : prepared.items.slice(0, 1),
		});
		const error = alone.error as (Error & { context?: IDataObject }) | undefined;
		expect([error?.name, error?.message]).toEqual([
			'NodeOperationError',
			expect.stringMatching(new RegExp(`\\[item ${badItem}\\]`)),
		]);
		expect(error?.message.toLowerCase()).toContain(badCase.label.toLowerCase());
		expect(env.fake.requests).toHaveLength(0);

		// Next to valid items, with continueOnFail: the bad item fails alone, the valid ones go through.
		env.fake.reset();
		const again = await prepare(env, row);
		const items = many
			? again.items
			: again.items.length > 1
				? again.items.slice(0, 2)
				: [again.items[0], again.items[0]];
		const goodItems = items.map((_item, n) => n).filter((n) => n !== 1);
		const goodNow = goodOf(row, badCase, again.parameters) ?? good;
		const mixed = await runOperation(env, row, again, {
			parameters: withValue(badCase, badCase.value(goodNow, 1), again.parameters),
			items,
			continueOnFail: true,
		});
		const out = mixed
			.output()
			.filter(
				(item) => item.pairedItem && (item.pairedItem as { item: number }).item < items.length,
			);
		const byItem = (n: number) =>
			out
				.filter((item) => (item.pairedItem as { item: number }).item === n)
				.map((item) => item.json);
		// The valid item was sent and answered (an empty answer has no items); operations that cannot
		// succeed against the fake yet (a node without a fixture) are not judged on it.
		if (WORKING.has(row.key))
			expect([
				env.fake.requests.length > 0,
				goodItems.flatMap((n) => byItem(n).filter((json) => json.error !== undefined)),
			]).toEqual([true, []]);
		// Many items: every good item is answered (the batch went out without the bad one).
		if (many && WORKING.has(row.key))
			expect(goodItems.filter((n) => byItem(n).length === 0)).toEqual([]);
		expect(byItem(1)).toEqual([
			expect.objectContaining({ error: expect.stringContaining('[item 1]') }),
		]);
	});
}
