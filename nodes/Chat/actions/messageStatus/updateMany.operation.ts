import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { chatItemRequest } from '../../api';
import { clientIdField, clientIdOf, unconfirmed } from '../fields';
import { checkedStatus, statusOptions } from './shared';

/** The statuses of one item, from the list built in the UI or from a JSON array. */
function statusesOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const mode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	let entries: unknown;
	if (mode === 'json') {
		const raw = ctx.getNodeParameter('statusesJson', itemIndex, '[]') as unknown;
		try {
			entries = typeof raw === 'string' ? JSON.parse(raw) : raw;
		} catch (error) {
			throw invalidInput(ctx, itemIndex, 'Statuses (JSON)', 'is not valid JSON', (error as Error).message);
		}
		if (!Array.isArray(entries)) {
			throw invalidInput(ctx, itemIndex, 'Statuses (JSON)', 'must be an array', 'For example [{"questionId": "…", "status": "READ"}].');
		}
	} else {
		entries = ((ctx.getNodeParameter('statuses', itemIndex, {}) as IDataObject).status ?? []) as IDataObject[];
	}
	const list = entries as IDataObject[];
	if (list.length === 0) throw invalidInput(ctx, itemIndex, 'Statuses', 'is empty', 'Add at least one message and its status.');
	return list.map((entry, n) => {
		const questionId = String(entry?.questionId ?? '').trim();
		if (!questionId) throw invalidInput(ctx, itemIndex, `Statuses #${n + 1} Message ID`, 'is empty');
		return { questionId, status: checkedStatus(ctx, entry.status, itemIndex, `Statuses #${n + 1} Status`) };
	});
}

export const updateMany: Operation = {
	value: 'updateMany',
	name: 'Update Many',
	action: 'Update the statuses of many messages',
	description: 'Set the statuses of several messages of one client in one request',
	properties: [
		unconfirmed(clientIdField, 'the API pages call statuses "an array of JSON objects" without naming their fields; the node sends {questionId, status}'),
		{
			displayName: 'Input Mode',
			name: 'inputMode',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields' },
				{ name: 'JSON', value: 'json' },
			],
			default: 'fields',
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add message',
			default: {},
			displayOptions: { show: { inputMode: ['fields'] } },
			options: [
				{
					displayName: 'Status',
					name: 'status',
					values: [
						{ displayName: 'Message ID (Question ID)', name: 'questionId', type: 'string', default: '' },
						{ displayName: 'Status', name: 'status', type: 'options', options: statusOptions, default: 'READ' },
					],
				},
			],
		},
		{
			displayName: 'Statuses (JSON)',
			name: 'statusesJson',
			type: 'json',
			default: '[]',
			description: 'An array of {"questionId": "…", "status": "READ"} objects',
			displayOptions: { show: { inputMode: ['json'] } },
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clientId = clientIdOf(this, itemIndex);
		const statuses = statusesOf(this, itemIndex);
		const answer = await chatItemRequest(this, itemIndex, 'setStatuses', {
			pathParams: { clientId },
			body: { statuses },
			idempotent: true,
		});
		return { clientId, statuses, ...answer };
	},
};
