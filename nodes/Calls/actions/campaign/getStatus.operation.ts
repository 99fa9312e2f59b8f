import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { callsItemRequest, campaignStatusOf, plainText } from '../../api';

export const getStatus: Operation = {
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the campaign status',
	description:
		'Get the campaign status (new, planned, inProgress, paused, finished, deleted); the docs spelling inProcess is read as inProgress',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		// The spec answers a JSON string ("inProgress"); read as text so a bare word works too.
		const body = await callsItemRequest<unknown>(this, itemIndex, 'getCallTaskStatus', { responseType: 'text' });
		const received = plainText(body);
		const status = campaignStatusOf(received);
		return {
			status,
			...(status !== received ? { statusReceived: received } : {}),
			finished: status === 'finished' || status === 'deleted',
		};
	},
};
