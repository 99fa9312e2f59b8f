import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput, jsonValueOf } from '../../common/validate';

export const binaryPropertyField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	description: 'The name of the input binary field containing the file',
};

export const outputBinaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	description: 'The name of the output binary field to put the file in',
};

/** The bytes and file name of an input binary field, checked before any request. */
export async function binaryInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<{ data: Buffer; fileName: string; mimeType: string }> {
	const property = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const binary = ctx.getInputData()[itemIndex]?.binary?.[property];
	if (!binary) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Input Binary Field',
			`"${property}" has no file on this item`,
			'Check the name of the binary field, e.g. with a Read Binary File node before this one.',
		);
	}
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	return { data, fileName: binary.fileName ?? 'file', mimeType: binary.mimeType };
}

/** JSON from a file: the bytes must be UTF-8 JSON, else an error naming the field. */
export function parseJsonFile(
	ctx: IExecuteFunctions,
	data: Buffer,
	itemIndex: number,
	label: string,
): unknown {
	try {
		return JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
	} catch (error) {
		throw invalidInput(ctx, itemIndex, label, 'does not hold valid JSON', (error as Error).message);
	}
}

/** One output item with a file in it. */
export async function fileItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	data: Buffer,
	fileName: string,
	mimeType: string,
	json: IDataObject,
): Promise<INodeExecutionData> {
	const property =
		String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const binary = await ctx.helpers.prepareBinaryData(data, fileName, mimeType);
	return { json: { ...json, fileName, fileSize: data.length }, binary: { [property]: binary } };
}

/** A response body as bytes, whatever the HTTP layer handed over. */
export function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body ?? null), 'utf8');
}

/**
 * "Source" of a JSON input (Intent → Import, Project → Import): a JSON file in an input binary
 * field, or the JSON field `json` (shown only for that source). Read it back with `jsonFromSource`.
 */
export function jsonSourceFields(
	json: INodeProperties,
	first: 'binary' | 'json',
): INodeProperties[] {
	return [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{
					name: 'Binary File',
					value: 'binary',
					description: 'A JSON file in an input binary field',
				},
				{ name: 'JSON', value: 'json', description: `The JSON in "${json.displayName}"` },
			],
			default: first,
			description: 'Where the JSON to import comes from',
		},
		{ ...binaryPropertyField, displayOptions: { show: { source: ['binary'] } } },
		{ ...json, displayOptions: { show: { source: ['json'] } } },
	];
}

/** The parsed JSON of a `jsonSourceFields` input, the field to name in errors, and the file if any. */
export async function jsonFromSource(
	ctx: IExecuteFunctions,
	itemIndex: number,
	json: INodeProperties,
	emptyHint: string,
): Promise<{ value: unknown; label: string; file?: { data: Buffer; fileName: string } }> {
	if (ctx.getNodeParameter('source', itemIndex, 'json') === 'binary') {
		const file = await binaryInput(ctx, itemIndex);
		return {
			value: parseJsonFile(ctx, file.data, itemIndex, binaryPropertyField.displayName),
			label: binaryPropertyField.displayName,
			file,
		};
	}
	const value = jsonValueOf(
		ctx,
		itemIndex,
		ctx.getNodeParameter(json.name, itemIndex, ''),
		json.displayName,
	);
	if (value === undefined)
		throw invalidInput(ctx, itemIndex, json.displayName, 'is empty', emptyHint);
	return { value, label: json.displayName };
}
