import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../common/validate';

export const binaryPropertyField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: 'The name of the input binary field containing the file',
};

export const outputBinaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: 'The name of the output binary field to put the file in',
};

/** The bytes and file name of an input binary field, checked before any request. */
export async function binaryInput(ctx: IExecuteFunctions, itemIndex: number): Promise<{ data: Buffer; fileName: string; mimeType: string }> {
	const property = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const binary = ctx.getInputData()[itemIndex]?.binary?.[property];
	if (!binary) {
		throw invalidInput(ctx, itemIndex, 'Input Binary Field', `"${property}" has no file on this item`, 'Check the name of the binary field, e.g. with a Read Binary File node before this one.');
	}
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	return { data, fileName: binary.fileName ?? 'file', mimeType: binary.mimeType };
}

/** JSON from a file: the bytes must be UTF-8 JSON, else an error naming the field. */
export function parseJsonFile(ctx: IExecuteFunctions, data: Buffer, itemIndex: number, label: string): unknown {
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
	const property = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
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
