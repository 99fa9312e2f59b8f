import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../common/validate';

/** The statuses the Chat API pages list. */
export const MESSAGE_STATUSES = ['SENT', 'DELIVERED', 'READ', 'NOT_SENT'] as const;

export const questionIdField: INodeProperties = {
	displayName: 'Message',
	name: 'questionId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description:
		"The bot's message: From List shows the latest bot messages to the client above (as far as the platform's history lets the node find them); By ID takes its questionId, which Send, Tovie Chat Trigger and Get Client History return with each message",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchBotMessages', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8f3c2a10-5b7e-4d1a-9c6f-2e4b8a1d0c37',
		},
	],
};

/** "NOT_SENT" → "Not Sent". */
export const statusOptions = MESSAGE_STATUSES.map((value) => ({
	name: value
		.toLowerCase()
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' '),
	value,
}));

/** A status from a parameter or an expression; case-insensitive, refused when unknown. */
export function checkedStatus(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): string {
	const status = String(value ?? '')
		.trim()
		.toUpperCase()
		.replace(/[\s-]+/g, '_');
	if (!(MESSAGE_STATUSES as readonly string[]).includes(status)) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`has an unknown value "${String(value)}"`,
			`Use one of ${MESSAGE_STATUSES.join(', ')}.`,
		);
	}
	return status;
}

export function questionIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('questionId', itemIndex, '', { extractValue: true });
	const id = String(value ?? '').trim();
	if (!id)
		throw invalidInput(
			ctx,
			itemIndex,
			'Message',
			'is empty',
			'Pick a message from the list or give its questionId.',
		);
	return id;
}
