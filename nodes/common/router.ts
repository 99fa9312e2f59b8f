import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Outcome } from './batch';
import { sendChunks } from './batch';
import { isToolNode, requestOptionsField, toolOutputFields } from './fields';
import { checkFields, fieldsToCheck } from './checks';
import {
	idsOf,
	maybeSentRepeat,
	repeatGuard,
	repeatProtectionField,
	skippedRepeat,
} from './repeats';
import type { BatchEntry, OperationResult, Resource } from './operation';

export type {
	BatchEntry,
	BatchOperation,
	BatchSpec,
	ItemOperation,
	Operation,
	OperationResult,
	Resource,
} from './operation';

function withDisplay(
	property: INodeProperties,
	resource: string,
	operation: string,
): INodeProperties {
	const show = { ...property.displayOptions?.show, resource: [resource], operation: [operation] };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

/** Dropdowns list their choices alphabetically (n8n's UX guidelines); the default stays the first declared. */
function byName(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return [...options].sort((a, b) => a.name.localeCompare(b.name));
}

/** The node's properties: resource, one operation list per resource, then each operation's fields. */
export function buildProperties(resources: Resource[]): INodeProperties[] {
	const firstResource = resources[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: byName(
				resources.map(({ name, value, description }) => ({ name, value, description })),
			),
			default: firstResource,
		},
	];
	for (const resource of resources) {
		const firstOperation = resource.operations[0].value;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: byName(
				resource.operations.map(
					({ name, value, action, description }): INodePropertyOptions => ({
						name,
						value,
						action,
						description,
					}),
				),
			),
			default: firstOperation,
		});
	}
	for (const resource of resources) {
		for (const operation of resource.operations) {
			const own = operation.properties ?? [];
			const withOutput = own.some((p) => p.name === 'simplify')
				? [...own, ...toolOutputFields]
				: own;
			for (const property of operation.acts ? [...withOutput, repeatProtectionField] : withOutput) {
				properties.push(withDisplay(property, resource.value, operation.value));
			}
		}
	}
	properties.push(requestOptionsField);
	return properties;
}

function isExecutionItem(value: unknown): value is INodeExecutionData {
	return (
		!!value &&
		typeof value === 'object' &&
		typeof (value as INodeExecutionData).json === 'object' &&
		Object.keys(value).every((key) => key === 'json' || key === 'binary')
	);
}

function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = (Array.isArray(result) ? result : [result]) as Array<
		IDataObject | INodeExecutionData
	>;
	return list.map((entry) =>
		isExecutionItem(entry)
			? { ...entry, pairedItem: { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

/** A copy of `json` with only the named fields (dot paths), for the AI tool's Selected Fields. */
export function pickFields(json: IDataObject, paths: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const path of paths) {
		let value: unknown = json;
		for (const key of path.split('.'))
			value = value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
		if (value !== undefined) picked[path] = value as IDataObject[string];
	}
	return picked;
}

/** The Output → Selected Fields of an AI tool variant, as a function over one item's results. */
function toolSelection(
	ctx: IExecuteFunctions,
	operationHasOutput: boolean,
): ((items: INodeExecutionData[], itemIndex: number) => INodeExecutionData[]) | undefined {
	if (!operationHasOutput || !isToolNode(ctx)) return undefined;
	return (items, itemIndex) => {
		if (ctx.getNodeParameter('output', itemIndex, 'simplified') !== 'selected') return items;
		const paths = String(ctx.getNodeParameter('outputFields', itemIndex, ''))
			.split(',')
			.map((p) => p.trim())
			.filter(Boolean);
		return paths.length
			? items.map((item) => ({ ...item, json: pickFields(item.json, paths) }))
			: items;
	};
}

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

function idsText(result: unknown): string {
	return Object.entries(idsOf(result))
		.map(([key, value]) => `${key} ${String(value)}`)
		.join(', ');
}

function itemList(indexes: number[], describe?: (itemIndex: number) => string): string {
	const shown = indexes.slice(0, 50).map((itemIndex) => {
		const details = describe?.(itemIndex);
		return details ? `item ${itemIndex} (${details})` : `item ${itemIndex}`;
	});
	return shown.join(', ') + (indexes.length > 50 ? ` and ${indexes.length - 50} more` : '');
}

/**
 * What an acting operation did before the run stopped on an error: n8n drops the node's output
 * with the error, so the error itself names the items that were sent (with their IDs) and those
 * that were not. `outcomes[i]` is undefined for an item that was never started.
 */
export function actingSummary(outcomes: Array<Outcome | undefined>, count: number): string {
	const sent: number[] = [];
	const failed: number[] = [];
	const notSent: number[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const outcome = outcomes[itemIndex];
		if (outcome === undefined) notSent.push(itemIndex);
		else if (outcome instanceof Error) failed.push(itemIndex);
		else sent.push(itemIndex);
	}
	const parts = [
		sent.length
			? `Sent (or sent earlier) before the run stopped: ${itemList(sent, (i) => idsText(outcomes[i]))}.`
			: 'Nothing was sent before the run stopped.',
		failed.length ? `Failed: ${itemList(failed)}.` : '',
		notSent.length ? `Not sent: ${itemList(notSent)}.` : '',
		sent.length
			? 'Repeat Protection remembers what was sent: Retry On Fail, retrying the execution or running it again sends only the rest.'
			: '',
	];
	return parts.filter(Boolean).join(' ');
}

function withSummary(error: Error, summary: string): Error {
	const described = error as NodeOperationError;
	described.description = [described.description, summary].filter(Boolean).join('\n\n');
	return error;
}

/**
 * Runs the chosen operation over all input items: the item loop, run-time field checks,
 * batching, `pairedItem`, `continueOnFail`, Repeat Protection and error wrapping live here once,
 * so operations only read parameters and call the API.
 */
export async function route(
	this: IExecuteFunctions,
	resources: Resource[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resourceName = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources
		.find((r) => r.value === resourceName)
		?.operations.find((o) => o.value === operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resourceName}" is not supported`,
		);
	}

	const stopOnError = !this.continueOnFail();
	const fields = fieldsToCheck(this, [
		...(operation.properties ?? []),
		requestOptionsField,
		...(operation.acts ? [repeatProtectionField] : []),
	]);
	const select = toolSelection(
		this,
		(operation.properties ?? []).some((p) => p.name === 'simplify'),
	);
	const itemsOf = (result: OperationResult, itemIndex: number) =>
		select ? select(toItems(result, itemIndex), itemIndex) : toItems(result, itemIndex);
	const output: INodeExecutionData[] = [];
	const fail = (error: unknown, itemIndex: number) => {
		const nodeError = asNodeError(this, error, itemIndex);
		if (stopOnError) throw nodeError;
		const json: IDataObject = { error: nodeError.message };
		const description = (nodeError as NodeOperationError).description;
		if (description) json.errorDescription = description;
		output.push({ json, pairedItem: { item: itemIndex } });
	};
	const guard = operation.acts ? repeatGuard(this) : undefined;
	// An item already sent by an earlier run of the same work: its skip result, or an error when
	// that send may or may not have arrived.
	const repeatOf = (itemIndex: number): Outcome | undefined => {
		const earlier = guard?.earlier(itemIndex);
		if (!earlier) return undefined;
		return earlier.confirmed ? skippedRepeat(earlier) : maybeSentRepeat(this, earlier, itemIndex);
	};

	if (!operation.batch) {
		const outcomes: Outcome[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				checkFields(this, fields, itemIndex);
				let outcome = repeatOf(itemIndex);
				if (outcome === undefined) {
					guard?.claim(itemIndex);
					outcome = await operation.execute.call(this, itemIndex).catch((error: Error) => error);
					guard?.settle(itemIndex, outcome);
				}
				if (outcome instanceof Error) throw asNodeError(this, outcome, itemIndex);
				outcomes[itemIndex] = outcome;
				output.push(...itemsOf(outcome, itemIndex));
			} catch (error) {
				outcomes[itemIndex] = error as Error;
				if (guard && stopOnError)
					throw withSummary(
						asNodeError(this, error, itemIndex),
						actingSummary(outcomes, items.length),
					);
				fail(error, itemIndex);
			}
		}
		return [output];
	}

	// Every item is read and checked before the first request: without continueOnFail one bad
	// item stops the run with nothing sent; with it, the item fails alone and stays out of the batch.
	const outcomes: Outcome[] = new Array(items.length);
	const entries: Array<BatchEntry<unknown>> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			checkFields(this, fields, itemIndex);
			const value = await operation.batch.prepare.call(this, itemIndex);
			const repeat = repeatOf(itemIndex);
			if (repeat instanceof Error) throw repeat;
			if (repeat) outcomes[itemIndex] = repeat;
			else entries.push({ itemIndex, value });
		} catch (error) {
			if (stopOnError) throw asNodeError(this, error, itemIndex);
			outcomes[itemIndex] = error as Error;
		}
	}
	for (const { itemIndex } of entries) guard?.claim(itemIndex);
	try {
		await sendChunks(this, operation.batch, entries, outcomes, stopOnError);
	} finally {
		// Items never started are settled as not sent.
		for (const { itemIndex } of entries)
			guard?.settle(
				itemIndex,
				outcomes[itemIndex] ?? new NodeOperationError(this.getNode(), 'not started'),
			);
	}
	// Without continueOnFail, chunks after a failed one were not sent: the run fails with the
	// error of the first failed item.
	const firstFailed = stopOnError ? outcomes.findIndex((outcome) => outcome instanceof Error) : -1;
	if (firstFailed >= 0) {
		const error = asNodeError(this, outcomes[firstFailed], firstFailed);
		throw guard ? withSummary(error, actingSummary(outcomes, items.length)) : error;
	}
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const outcome = outcomes[itemIndex];
		if (outcome instanceof Error) fail(outcome, itemIndex);
		else output.push(...itemsOf(outcome, itemIndex));
	}
	return [output];
}
