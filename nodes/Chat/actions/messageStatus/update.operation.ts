import type { IDataObject } from 'n8n-workflow';

import { batchSizeOf, batchSizeOption, optionsCollection } from '../../../common/fields';
import type { BatchSpec, Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { clientIdField, clientIdOf } from '../../helpers/client';
import { unconfirmed } from '../../helpers/unconfirmed';
import { checkedStatus, questionIdField, questionIdOf, statusOptions } from './common';

interface StatusUpdate {
	clientId: string;
	questionId: string;
	status: string;
}

const batchSize = batchSizeOption({
	default: 100,
	max: 1000,
	description:
		'Max messages of one client updated in one request (the platform documents no limit)',
});

/**
 * One item is one message. Items of the same client share a request on the many-statuses route;
 * a client with a single message uses the one-message route, the documented answer of which tells
 * an unknown message apart (the many-statuses answer is not documented: platform-assumptions.md).
 */
export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update message status',
	description:
		'Mark bot messages as sent, delivered, read or not sent: one message per input item, the messages of one client in one request',
	properties: [
		unconfirmed(
			clientIdField,
			'the API pages call the statuses of several messages "an array of JSON objects" without naming their fields; the node sends {questionId, status}',
		),
		questionIdField,
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: statusOptions,
			default: 'READ',
			description: 'The new status of the message',
			// `checkedStatus` reads it case-insensitively: the router's check of the choices stays out.
			ignoreValidationDuringExecution: true,
		},
		optionsCollection('How the updates are sent', [batchSize]),
	],
	batch: {
		prepare(itemIndex) {
			return {
				clientId: clientIdOf(this, itemIndex),
				questionId: questionIdOf(this, itemIndex),
				status: checkedStatus(
					this,
					this.getNodeParameter('status', itemIndex),
					itemIndex,
					'Status',
				),
			};
		},
		key: ({ clientId }) => clientId,
		size: batchSizeOf(batchSize),
		async send(chunk) {
			const [{ itemIndex, value: first }] = chunk;
			if (chunk.length === 1) {
				const { clientId, questionId, status } = first;
				const answer = await itemRequest(this, itemIndex, 'setStatus', {
					pathParams: { clientId, questionId },
					body: { status },
					idempotent: true,
				});
				return [{ ...first, ...answer }];
			}
			const statuses: IDataObject[] = chunk.map(({ value }) => ({
				questionId: value.questionId,
				status: value.status,
			}));
			await itemRequest(this, itemIndex, 'setStatuses', {
				pathParams: { clientId: first.clientId },
				body: { statuses },
				idempotent: true,
			});
			return chunk.map(({ value }) => ({ ...value }));
		},
	} satisfies BatchSpec<StatusUpdate>,
};
