import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { requestOptionsField } from './descriptions';
import { invalidInput } from './validate';

/** What an operation returns for one item: one object, several, or ready items (binary data). */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

export interface Operation {
	value: string;
	name: string;
	action: string;
	description: string;
	/** Fields shown only for this operation (display options are added here). */
	properties?: INodeProperties[];
	/** Handles one item. */
	execute?: (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;
	/** Handles all items at once (many records per request); one result or error per item. */
	executeBatch?: (this: IExecuteFunctions, itemIndexes: number[]) => Promise<Array<OperationResult | Error>>;
}

export interface Resource {
	value: string;
	name: string;
	description?: string;
	operations: Operation[];
}

function withDisplay(property: INodeProperties, resource: string, operation: string): INodeProperties {
	const show = { ...property.displayOptions?.show, resource: [resource], operation: [operation] };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
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
			options: resources.map(({ name, value, description }) => ({ name, value, description })),
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
			options: resource.operations.map(
				({ name, value, action, description }): INodePropertyOptions => ({ name, value, action, description }),
			),
			default: firstOperation,
		});
	}
	for (const resource of resources) {
		for (const operation of resource.operations) {
			for (const property of operation.properties ?? []) {
				properties.push(withDisplay(property, resource.value, operation.value));
			}
		}
	}
	properties.push(requestOptionsField);
	return properties;
}

/** Number fields of an operation (and of its collections), by parameter path. */
function numberFields(operation: Operation): Array<[path: string, property: INodeProperties]> {
	const fields: Array<[string, INodeProperties]> = [];
	for (const property of [...(operation.properties ?? []), requestOptionsField]) {
		if (property.type === 'number') fields.push([property.name, property]);
		if (property.type === 'collection') {
			for (const option of (property.options ?? []) as INodeProperties[]) {
				if (option.type === 'number') fields.push([`${property.name}.${option.name}`, option]);
			}
		}
	}
	return fields;
}

/**
 * Refuses, before any request, a number field whose value (often from an expression) is not a
 * number or lies outside the field's declared range: n8n checks these only in the editor.
 */
function checkNumbers(ctx: IExecuteFunctions, operation: Operation, itemIndex: number): void {
	for (const [path, property] of numberFields(operation)) {
		let value: unknown;
		try {
			value = ctx.getNodeParameter(path, itemIndex, undefined);
		} catch {
			continue; // not shown for these settings
		}
		if (value === undefined || value === null || value === '') continue;
		const { minValue, maxValue } = (property.typeOptions ?? {}) as { minValue?: number; maxValue?: number };
		const range = `${minValue ?? '-∞'}–${maxValue ?? '∞'}`;
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw invalidInput(ctx, itemIndex, property.displayName, `is not a number: ${JSON.stringify(value)}`, `Enter a number (${range}).`);
		}
		if ((minValue !== undefined && value < minValue) || (maxValue !== undefined && value > maxValue)) {
			const bounds =
				minValue !== undefined && maxValue !== undefined ? `a whole number from ${minValue} to ${maxValue}` : minValue !== undefined ? `at least ${minValue}` : `at most ${maxValue}`;
			throw invalidInput(ctx, itemIndex, property.displayName, `must be ${bounds}, not ${value}`);
		}
	}
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
	const list = (Array.isArray(result) ? result : [result]) as Array<IDataObject | INodeExecutionData>;
	return list.map((entry) =>
		isExecutionItem(entry)
			? { ...entry, pairedItem: { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * Runs the chosen operation over all input items: the item loop, `pairedItem`, `continueOnFail`
 * and error wrapping live here once, so operations only read parameters and call the API.
 */
export async function route(this: IExecuteFunctions, resources: Resource[]): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resourceName = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources
		.find((r) => r.value === resourceName)
		?.operations.find((o) => o.value === operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resourceName}" is not supported`);
	}

	const output: INodeExecutionData[] = [];
	const fail = (error: unknown, itemIndex: number) => {
		const nodeError = asNodeError(this, error, itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		const json: IDataObject = { error: nodeError.message };
		const description = (nodeError as NodeOperationError).description;
		if (description) json.errorDescription = description;
		output.push({ json, pairedItem: { item: itemIndex } });
	};

	if (operation.executeBatch) {
		// Items with an invalid number never join the batch; they fail on their own.
		const refused = new Map<number, Error>();
		const indexes = items.map((_item, index) => index).filter((index) => {
			try {
				checkNumbers(this, operation, index);
				return true;
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this, error, index);
				refused.set(index, error as Error);
				return false;
			}
		});
		let results: Array<OperationResult | Error> = [];
		try {
			if (indexes.length) results = await operation.executeBatch.call(this, indexes);
		} catch (error) {
			// The whole batch failed before any per-item answer: every item gets the error.
			if (!this.continueOnFail()) throw asNodeError(this, error, indexes[0] ?? 0);
			results = indexes.map(() => error as Error);
		}
		const byItem = new Map<number, OperationResult | Error>(refused);
		results.forEach((result, n) => byItem.set(indexes[n], result));
		for (const itemIndex of [...byItem.keys()].sort((a, b) => a - b)) {
			const result = byItem.get(itemIndex)!;
			if (result instanceof Error) fail(result, itemIndex);
			else output.push(...toItems(result, itemIndex));
		}
		return [output];
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			checkNumbers(this, operation, itemIndex);
			output.push(...toItems(await operation.execute!.call(this, itemIndex), itemIndex));
		} catch (error) {
			fail(error, itemIndex);
		}
	}
	return [output];
}
