import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput, requiredString } from '../../../common/validate';
import { MESSAGE_STATUSES } from '../../api';

export const questionIdField: INodeProperties = {
	displayName: 'Message ID (Question ID)',
	name: 'questionId',
	type: 'string',
	required: true,
	default: '',
	description: 'The questionId of the message, as returned by Send or Get History',
};

export const statusOptions = MESSAGE_STATUSES.map((value) => ({
	name: value.charAt(0) + value.slice(1).toLowerCase().replace('_', ' '),
	value,
}));

/** A status from a parameter or an expression; case-insensitive, refused when unknown. */
export function checkedStatus(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string {
	const status = String(value ?? '').trim().toUpperCase().replace(/[\s-]+/g, '_');
	if (!(MESSAGE_STATUSES as readonly string[]).includes(status)) {
		throw invalidInput(ctx, itemIndex, label, `has an unknown value "${String(value)}"`, `Use one of ${MESSAGE_STATUSES.join(', ')}.`);
	}
	return status;
}

export function questionIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredString(ctx, 'questionId', itemIndex, 'Message ID (Question ID)');
}
