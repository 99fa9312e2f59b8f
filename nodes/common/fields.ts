import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { CallOptions } from './transport';
import { DEFAULT_MAX_ATTEMPTS } from './transport';
import { invalidInput, jsonObjectParameter } from './validate';

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** In the editor; the node's AI tool variant gets the Output choice below instead. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: { hide: { '@tool': [true] } },
};

/**
 * What an AI agent gets back from an operation that simplifies: the simplified answer, the raw
 * one, or only the fields it names (fewer tokens). The router adds these beside every Simplify.
 */
export const toolOutputFields: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'simplified',
		options: [
			{
				name: 'Simplified',
				value: 'simplified',
				description: 'The main fields, flattened (at most 10)',
			},
			{ name: 'Raw', value: 'raw', description: 'Everything the platform answered' },
			{ name: 'Selected Fields', value: 'selected', description: 'Only the fields named below' },
		],
		description: 'What the tool returns to the agent',
		displayOptions: { show: { '@tool': [true] } },
	},
	{
		displayName: 'Fields',
		name: 'outputFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. name, status, createdAt',
		description:
			'Names of the fields to return, separated by commas; a dot reaches into an object (customer.name)',
		displayOptions: { show: { '@tool': [true], output: ['selected'] } },
	},
];

/** Whether the item's answer is to be simplified: Simplify in the editor, Output in the AI tool. */
export function simplifyOf(ctx: IExecuteFunctions, itemIndex: number): boolean {
	if (!isToolNode(ctx)) return ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	return ctx.getNodeParameter('output', itemIndex, 'simplified') === 'simplified';
}

/** The node runs as an AI agent's tool (n8n names tool variants "…Tool"). */
export function isToolNode(ctx: { getNode(): { type: string } }): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/** The standard "Batch Size" option, for the "Options" collection of a batch operation. */
export function batchSizeOption({
	default: size,
	max,
	description,
}: {
	default: number;
	max: number;
	description: string;
}): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: max },
		default: size,
		description,
	};
}

/** `BatchSpec.size` from a `batchSizeOption` in "Options", read once per execution (first item). */
export function batchSizeOf(option: INodeProperties): (this: IExecuteFunctions) => number {
	const max = (option.typeOptions?.maxValue as number | undefined) ?? Infinity;
	return function (this: IExecuteFunctions) {
		const size = this.getNodeParameter(`options.${option.name}`, 0, option.default) as number;
		// A wrong value fails the first item (run-time field checks); the others keep the default.
		return Number.isFinite(size) && size >= 1 ? Math.min(max, size) : (option.default as number);
	};
}

/** Shown under every operation of every action node. */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	description: 'How the node talks to the platform when a request fails',
	options: [
		{
			displayName: 'Tries per Request',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: DEFAULT_MAX_ATTEMPTS,
			description:
				"How many times one request is sent when the platform is busy (429), fails (5xx) or cannot be reached, waiting longer each time. A request that sends, creates or calls is tried again only when the platform provably did not receive it. This works inside the node; n8n's Settings → Retry On Fail instead runs the whole node again after it failed.",
		},
	],
};

/** Transport options for one item, from the "Request Options" collection. */
export function callOptions(ctx: IExecuteFunctions, itemIndex: number): CallOptions {
	const options = ctx.getNodeParameter('requestOptions', itemIndex, {}) as { maxAttempts?: number };
	return { itemIndex, maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS };
}

/** Return All / Limit for one item: `undefined` means all. */
export function limitOf(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return ctx.getNodeParameter('limit', itemIndex, 50) as number;
}

/**
 * A key/value input: a mode selector ("Fields" / "JSON", plus any extra modes), a list of name and
 * value pairs, and a JSON object. Read it back with `keyValuesOf`.
 */
export function keyValueInput(input: {
	name: string;
	displayName: string;
	description: string;
	/** Modes before "Fields" and "JSON", such as "None" or "All Input Fields". */
	extraModes?: INodePropertyOptions[];
	default?: string;
	show?: NonNullable<IDisplayOptions['show']>;
}): INodeProperties[] {
	const { name, displayName, description, extraModes = [], show = {} } = input;
	const when = (mode: string): IDisplayOptions => ({ show: { ...show, [`${name}Mode`]: [mode] } });
	return [
		{
			displayName,
			name: `${name}Mode`,
			type: 'options',
			options: [
				...extraModes,
				{
					name: 'Fields',
					value: 'fields',
					description: 'Name and value pairs, each mapped on its own',
				},
				{ name: 'JSON', value: 'json', description: 'One JSON object' },
			],
			default: 'fields',
			description,
			...(input.default ? { default: input.default } : {}),
			...(Object.keys(show).length ? { displayOptions: { show } } : {}),
		},
		{
			displayName: `${displayName} Fields`,
			name: `${name}Fields`,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add field',
			default: {},
			description: `The ${displayName.toLowerCase()} as name and value pairs`,
			displayOptions: when('fields'),
			options: [
				{
					displayName: 'Field',
					name: 'field',
					description: 'One name and its value',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							description: 'The key in the object',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Its value; map one from the input with an expression',
						},
					],
				},
			],
		},
		{
			displayName: `${displayName} (JSON)`,
			name: `${name}Json`,
			type: 'json',
			default: '{}',
			description: `The ${displayName.toLowerCase()} as one JSON object`,
			displayOptions: when('json'),
		},
	];
}

/**
 * What a `keyValueInput` holds for one item: the object, or `undefined` for a mode it does not
 * handle itself (the caller's extra modes). A field without a name fails the item.
 */
export function keyValuesOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): IDataObject | undefined {
	const mode = ctx.getNodeParameter(`${name}Mode`, itemIndex, 'fields') as string;
	if (mode === 'json')
		return jsonObjectParameter(ctx, `${name}Json`, itemIndex, `${displayName} (JSON)`) ?? {};
	if (mode !== 'fields') return undefined;
	const fields = ((ctx.getNodeParameter(`${name}Fields`, itemIndex, {}) as IDataObject).field ??
		[]) as IDataObject[];
	const values: IDataObject = {};
	fields.forEach((field, n) => {
		const key = String(field.name ?? '').trim();
		if (!key)
			throw invalidInput(ctx, itemIndex, `${displayName} Fields #${n + 1} Name`, 'is empty');
		values[key] = field.value as string;
	});
	return values;
}

/** The display names of a selector's options, by value. */
function namesOf(property: INodeProperties | undefined): Record<string, string> {
	const options = (property?.options ?? []) as INodePropertyOptions[];
	return Object.fromEntries(options.map((o) => [String(o.value), o.name]));
}

/**
 * The node subtitle from display names ("Send: Message"), never raw values: the expression looks
 * the selected operation and resource up in tables built from the node's own properties.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const resources = namesOf(properties.find((p) => p.name === 'resource'));
	const operations: Record<string, string> = {};
	for (const p of properties.filter((p) => p.name === 'operation')) {
		for (const resource of (p.displayOptions?.show?.resource as string[] | undefined) ?? ['']) {
			for (const [value, name] of Object.entries(namesOf(p)))
				operations[`${resource}:${value}`] = name;
		}
	}
	const op = `${JSON.stringify(operations)}[$parameter["resource"] + ":" + $parameter["operation"]]`;
	return `={{${op} + ": " + ${JSON.stringify(resources)}[$parameter["resource"]]}}`;
}

/** A trigger's subtitle: "On " and the display names of the chosen events. */
export function eventSubtitle(property: INodeProperties): string {
	const names = JSON.stringify(namesOf(property));
	// The object literal is parenthesised: as an arrow body, `{…}[v]` would parse as a block.
	return `={{"On " + [].concat($parameter["${property.name}"]).map((v) => (${names})[v] ?? v).join(", ")}}`;
}

/** A collection of optional fields, listed by name as the editor shows them. */
function sortedCollection(
	displayName: string,
	name: string,
	placeholder: string,
	description: string,
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		description,
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * "Additional Fields" of a Create, or "Update Fields" of an Update (which changes only what is
 * set), sorted by name.
 */
export function settingsCollection(
	kind: 'create' | 'update',
	what: string,
	options: INodeProperties[],
): INodeProperties {
	return kind === 'create'
		? sortedCollection(
				'Additional Fields',
				'additionalFields',
				'Add field',
				`Settings of the ${what}; the platform fills in what is not set`,
				options,
			)
		: sortedCollection(
				'Update Fields',
				'updateFields',
				'Add field',
				`The settings of the ${what} to change; the others stay as they are`,
				options,
			);
}

/** An "Options" collection: settings most runs leave as they are, listed by name. */
export function optionsCollection(
	description: string,
	options: INodeProperties[],
): INodeProperties {
	return sortedCollection('Options', 'options', 'Add option', description, options);
}

/** A "Filters" collection of a Get Many, listed by name. */
export function filtersCollection(
	description: string,
	options: INodeProperties[],
): INodeProperties {
	return sortedCollection('Filters', 'filters', 'Add filter', description, options);
}
