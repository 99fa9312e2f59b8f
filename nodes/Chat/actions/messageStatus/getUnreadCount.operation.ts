import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { clientIdField, clientIdOf } from '../../helpers/client';
import { unconfirmed } from '../../helpers/unconfirmed';

/** Field names the count may come under; the documents do not show the answer (platform-assumptions.md). */
const COUNT_FIELDS = ['count', 'notReadCount', 'unreadCount', 'messageNotReadCount'];

function countOf(value: unknown): number | undefined {
	const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof count === 'number' && Number.isFinite(count) ? count : undefined;
}

/** The platform's answer as is; `count` added only when the answer holds a number under a known name. */
export function unreadCountOf(answer: unknown): IDataObject {
	if (answer && typeof answer === 'object' && !Array.isArray(answer)) {
		const body = answer as IDataObject;
		const known = COUNT_FIELDS.map((field) => countOf(body[field])).find(
			(count) => count !== undefined,
		);
		return known === undefined ? { ...body } : { ...body, count: known };
	}
	const bare = countOf(answer);
	return bare === undefined ? { answer: answer as IDataObject } : { count: bare };
}

export const getUnreadCount: Operation = {
	value: 'getUnreadCount',
	name: 'Get Unread Count',
	action: 'Get unread message count',
	description: 'Get how many bot messages the client has not read',
	properties: [
		unconfirmed(
			clientIdField,
			'the API pages do not show this answer; it is returned as it comes, with count when a known field holds it',
		),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clientId = clientIdOf(this, itemIndex);
		const answer = await itemRequest<unknown>(this, itemIndex, 'unreadCount', {
			pathParams: { clientId },
		});
		return { clientId, ...unreadCountOf(answer) };
	},
};
