import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A clear "fix this field" error for one item, raised before any request is sent. */
export function invalidInput(
	ctx: IExecuteFunctions,
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
	if (!value) throw invalidInput(ctx, itemIndex, label, 'is empty', `Enter a value for "${label}".`);
	return value;
}

/** Optional text parameter: `undefined` when empty. */
export function optionalString(ctx: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	return value || undefined;
}

/**
 * A JSON parameter that must hold an object: accepts an object (from an expression) or a JSON
 * string; empty gives `undefined`.
 */
export function jsonObjectParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): IDataObject | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === undefined || raw === null || raw === '') return undefined;
	let value = raw;
	if (typeof raw === 'string') {
		if (!raw.trim()) return undefined;
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw invalidInput(ctx, itemIndex, label, 'is not valid JSON', (error as Error).message);
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidInput(ctx, itemIndex, label, 'must be a JSON object', 'For example {"orderId": 42}.');
	}
	return value as IDataObject;
}

/** Accepts ISO strings, epoch milliseconds, and n8n/Luxon date values; returns epoch ms. */
export function toEpochMs(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		return (value as { toMillis: () => number }).toMillis();
	}
	if (typeof value === 'string') {
		const text = value.trim();
		if (/^\d{10,}$/.test(text)) return Number(text);
		const parsed = Date.parse(text);
		if (Number.isFinite(parsed)) return parsed;
	}
	throw invalidInput(ctx, itemIndex, label, `is not a date: ${JSON.stringify(value)}`, 'Use an ISO date such as 2026-01-31T10:00:00Z.');
}
