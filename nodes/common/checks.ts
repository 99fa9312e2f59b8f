import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { invalidInput } from './validate';

/**
 * Run-time checks of number, options and multiOptions fields against their declaration: n8n
 * checks them only in the editor, so a value from an expression would reach the platform as it
 * is. The fields that apply are worked out once per execution; per item only fields holding an
 * expression are read again, and nothing throws on the happy path.
 */

interface Field {
	/** Parameter path: `name`, or `collection.name` for an option of a collection. */
	path: string;
	property: INodeProperties;
}

/** What is wrong with a value, as `[problem, hint]` for `invalidInput`; `undefined` if nothing. */
type Problem = [problem: string, hint?: string] | undefined;

const empty = (value: unknown) => value === undefined || value === null || value === '';

function numberProblem(property: INodeProperties, value: unknown): Problem {
	const { minValue, maxValue } = (property.typeOptions ?? {}) as {
		minValue?: number;
		maxValue?: number;
	};
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		return [
			`is not a number: ${JSON.stringify(value)}`,
			`Enter a number (${minValue ?? '-∞'}–${maxValue ?? '∞'}).`,
		];
	}
	if (
		(minValue !== undefined && value < minValue) ||
		(maxValue !== undefined && value > maxValue)
	) {
		const bounds =
			minValue !== undefined && maxValue !== undefined
				? `a whole number from ${minValue} to ${maxValue}`
				: minValue !== undefined
					? `at least ${minValue}`
					: `at most ${maxValue}`;
		return [`must be ${bounds}, not ${value}`];
	}
	return undefined;
}

function choiceProblem(property: INodeProperties, value: unknown): Problem {
	const choices = (property.options ?? []) as INodePropertyOptions[];
	const allowed = (choice: unknown) => choices.some((option) => option.value === choice);
	const list = choices.map((option) => JSON.stringify(option.value)).join(', ');
	const named = choices.filter((option) => option.name !== option.value);
	// An expression must give the value, not the name shown in the list.
	const hint = named.length
		? `The values of the list: ${named.map((o) => `${JSON.stringify(o.value)} (${o.name})`).join(', ')}.`
		: undefined;
	if (property.type === 'options')
		return allowed(value)
			? undefined
			: [`must be one of ${list}, not ${JSON.stringify(value)}`, hint];
	if (!Array.isArray(value))
		return [`must be a list of ${list}, not ${JSON.stringify(value)}`, hint];
	const wrong = value.find((choice) => !allowed(choice));
	return wrong === undefined
		? undefined
		: [`has ${JSON.stringify(wrong)}, which is not one of ${list}`, hint];
}

function problemOf(property: INodeProperties, value: unknown): Problem {
	if (empty(value)) return undefined; // not set: the operation's default applies
	return property.type === 'number'
		? numberProblem(property, value)
		: choiceProblem(property, value);
}

/**
 * Number fields, and options with a fixed list (not loaded from the platform). A field with n8n's
 * `ignoreValidationDuringExecution` is read more leniently by its operation, which checks it.
 */
function checkable(property: INodeProperties): boolean {
	if (property.ignoreValidationDuringExecution) return false;
	if (property.type === 'number') return true;
	if (property.type !== 'options' && property.type !== 'multiOptions') return false;
	const { loadOptionsMethod, loadOptions } = (property.typeOptions ?? {}) as IDataObject;
	return (
		!loadOptionsMethod &&
		!loadOptions &&
		Array.isArray(property.options) &&
		property.options.length > 0
	);
}

const hasExpression = (value: unknown): boolean =>
	typeof value === 'string'
		? value.startsWith('=')
		: !!value && typeof value === 'object' && Object.values(value).some(hasExpression);

/**
 * The fields of `properties` to check for every item, worked out once per execution. A field
 * counts when it is shown for the node's settings (n8n's own rule, `displayParameter`) and set;
 * a value without an expression is the same for every item, so it is checked per item only when
 * it is wrong (then every item fails, each naming itself).
 */
export function fieldsToCheck(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	properties: INodeProperties[],
): Field[] {
	const node = ctx.getNode();
	const values = node.parameters;
	const shown = (property: INodeProperties, at: INodeParameters) =>
		NodeHelpers.displayParameter(at, property, node, null, values);
	const fields: Field[] = [];
	const add = (
		path: string,
		property: INodeProperties,
		value: NodeParameterValueType | undefined,
	) => {
		if (value !== undefined && (hasExpression(value) || problemOf(property, value)))
			fields.push({ path, property });
	};
	for (const property of properties) {
		if (!shown(property, values)) continue;
		const value = values[property.name];
		if (checkable(property)) add(property.name, property, value);
		if (
			property.type !== 'collection' ||
			!value ||
			typeof value !== 'object' ||
			Array.isArray(value)
		)
			continue;
		for (const option of (property.options ?? []) as INodeProperties[]) {
			const collection = value as INodeParameters;
			if (checkable(option) && shown(option, collection))
				add(`${property.name}.${option.name}`, option, collection[option.name]);
		}
	}
	return fields;
}

/** Refuses, before any request, a value of `fields` that its declaration does not allow. */
export function checkFields(ctx: IExecuteFunctions, fields: Field[], itemIndex: number): void {
	for (const { path, property } of fields) {
		const problem = problemOf(property, ctx.getNodeParameter(path, itemIndex));
		if (problem) throw invalidInput(ctx, itemIndex, property.displayName, ...problem);
	}
}

/**
 * The same checks for a trigger (one set of parameters, no items), when it starts or is called:
 * a value from an expression that its declaration does not allow stops it with an error naming
 * the field, instead of filtering or waiting wrongly without a trace.
 */
export function checkTriggerFields(
	ctx: {
		getNode: IExecuteFunctions['getNode'];
		getNodeParameter(path: string, fallback?: unknown): unknown;
	},
	properties: INodeProperties[],
): void {
	for (const { path, property } of fieldsToCheck(ctx, properties)) {
		const problem = problemOf(property, ctx.getNodeParameter(path, undefined));
		if (problem)
			throw new NodeOperationError(ctx.getNode(), `${property.displayName} ${problem[0]}`, {
				description: problem[1],
			});
	}
}
