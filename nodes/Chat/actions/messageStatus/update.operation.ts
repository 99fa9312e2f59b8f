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

const isObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/** An answer read as text, so that one which is not JSON (a bare `OK`) is kept instead of failing. */
function answerOfText(text: unknown): unknown {
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text);
	} catch {
		return text.trim();
	}
}

/**
 * What the platform answered about one message, as it came; the status answers are not documented
 * (platform-assumptions.md). A list whose entries name questionIds gives each message its own entry
 * (none when it is not named); any other answer goes to every message of the request unchanged.
 */
export function statusAnswerFor(answer: unknown, questionId: string): IDataObject {
	if (answer === undefined || answer === null || answer === '') return {};
	if (Array.isArray(answer) && answer.some((entry) => isObject(entry) && 'questionId' in entry)) {
		const own = answer.find((entry) => isObject(entry) && String(entry.questionId) === questionId);
		return own ? { ...(own as IDataObject) } : {};
	}
	return isObject(answer) ? { ...answer } : { answer: answer as IDataObject };
}

/**
 * One item is one message. Items of the same client share a request on the many-statuses route;
 * a client with a single message uses the one-message route. Each item says the status it asked
 * for (`requestedStatus`) and what the platform answered: a 2xx to a request for several messages
 * does not say that each of them exists, so no item claims a status the platform did not state.
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
			'the API pages call the statuses of several messages "an array of JSON objects" without naming their fields, and show no answer; the node sends {questionId, status} and outputs the answer as it comes, beside requestedStatus',
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
			const asked = ({ clientId, questionId, status }: StatusUpdate) => ({
				clientId,
				questionId,
				requestedStatus: status,
			});
			if (chunk.length === 1) {
				const { clientId, questionId, status } = first;
				const answer = await itemRequest<unknown>(this, itemIndex, 'setStatus', {
					pathParams: { clientId, questionId },
					body: { status },
					idempotent: true,
					responseType: 'text',
				});
				return [{ ...asked(first), ...statusAnswerFor(answerOfText(answer), questionId) }];
			}
			const statuses: IDataObject[] = chunk.map(({ value }) => ({
				questionId: value.questionId,
				status: value.status,
			}));
			const answer = answerOfText(
				await itemRequest<unknown>(this, itemIndex, 'setStatuses', {
					pathParams: { clientId: first.clientId },
					body: { statuses },
					idempotent: true,
					responseType: 'text',
				}),
			);
			return chunk.map(({ value }) => ({
				...asked(value),
				...statusAnswerFor(answer, value.questionId),
			}));
		},
	} satisfies BatchSpec<StatusUpdate>,
};
