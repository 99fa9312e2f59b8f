import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput, jsonValueOf } from '../../common/validate';

/** A JSON value for the API's `JsonNode` fields: an object or array (from an expression), or JSON text. */
export function jsonNodeOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	label: string,
	arrayOnly = false,
): unknown {
	const value = jsonValueOf(ctx, itemIndex, raw, label);
	if (value === undefined) return undefined;
	if (arrayOnly ? !Array.isArray(value) : !value || typeof value !== 'object') {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			arrayOnly ? 'must be a JSON array' : 'must be a JSON object',
			arrayOnly
				? 'For example [{"type": "text", "text": "Hello"}].'
				: 'For example {"orderId": 42}.',
		);
	}
	return value;
}

/** Bot replies from a JSON parameter: a non-empty array, else the item fails. */
export function repliesOf(ctx: IExecuteFunctions, itemIndex: number, name = 'replies'): unknown[] {
	const replies = jsonNodeOf(
		ctx,
		itemIndex,
		ctx.getNodeParameter(name, itemIndex, ''),
		'Replies (JSON)',
		true,
	) as unknown[] | undefined;
	if (!replies?.length)
		throw invalidInput(
			ctx,
			itemIndex,
			'Replies (JSON)',
			'is empty',
			'Give at least one reply, e.g. [{"type": "text", "text": "Hello"}].',
		);
	return replies;
}
