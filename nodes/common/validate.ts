import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readDateMs } from './dates';

/** A clear "fix this field" error for one item, raised before any request is sent. */
export function invalidInput(
	ctx: { getNode(): INode },
	itemIndex: number,
	field: string,
	problem: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field} ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: hint,
	});
}

/** A required text parameter, trimmed; empty means an error that names the field. */
export function requiredString(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!value)
		throw invalidInput(ctx, itemIndex, label, 'is empty', `Enter a value for "${label}".`);
	return value;
}

/** Optional text parameter: `undefined` when empty. */
export function optionalString(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): string | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	return value || undefined;
}

/**
 * A JSON value typed by the user: the value itself when an expression gave an object or array,
 * parsed when it is JSON text; empty gives `undefined`.
 */
export function jsonValueOf(
	ctx: { getNode(): INode },
	itemIndex: number,
	raw: unknown,
	label: string,
): unknown {
	if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim()))
		return undefined;
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		throw invalidInput(ctx, itemIndex, label, 'is not valid JSON', (error as Error).message);
	}
}

/** A JSON value that must be an object (see `jsonValueOf`). */
export function jsonObjectOf(
	ctx: { getNode(): INode },
	itemIndex: number,
	raw: unknown,
	label: string,
): IDataObject | undefined {
	const value = jsonValueOf(ctx, itemIndex, raw, label);
	if (value === undefined) return undefined;
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			'must be a JSON object',
			'For example {"orderId": 42}.',
		);
	}
	return value as IDataObject;
}

/** A JSON parameter that must hold an object: an object from an expression, or JSON text. */
export function jsonObjectParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): IDataObject | undefined {
	return jsonObjectOf(ctx, itemIndex, ctx.getNodeParameter(name, itemIndex, '') as unknown, label);
}

/**
 * A date parameter as epoch ms; `undefined` when empty. The common reader (`./dates`): a date
 * without a zone is in the workflow's time zone.
 */
export function toEpochMs(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): number | undefined {
	return readDateMs(ctx, value, itemIndex, label);
}

/**
 * A list input, as a field or an expression gives it: an array, or text split at `separator`
 * (commas, semicolons and line breaks by default; phrases split at line breaks only). Entries are
 * trimmed and empty ones dropped; anything else than texts and numbers fails the item.
 */
export function listOf(
	ctx: { getNode(): INode },
	itemIndex: number,
	raw: unknown,
	label: string,
	separator: RegExp = /[,;\r\n]+/,
): string[] {
	if (raw === undefined || raw === null || raw === '') return [];
	const parts = Array.isArray(raw)
		? (raw as unknown[]).flat()
		: typeof raw === 'string' || typeof raw === 'number'
			? String(raw).split(separator)
			: undefined;
	if (
		!parts ||
		parts.some(
			(part) =>
				part !== null && part !== undefined && typeof part !== 'string' && typeof part !== 'number',
		)
	) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			'must be a list of texts',
			'Give an array, or texts separated by commas.',
		);
	}
	return parts.map((part) => String(part ?? '').trim()).filter(Boolean);
}

/** The changes of an Update: at least one, else an error naming Update Fields, before any request. */
export function requireChanges<T extends object>(
	ctx: { getNode(): INode },
	itemIndex: number,
	changes: T,
	hint = 'Add at least one field to change.',
): T {
	if (Object.keys(changes).length === 0)
		throw invalidInput(ctx, itemIndex, 'Update Fields', 'is empty', hint);
	return changes;
}
