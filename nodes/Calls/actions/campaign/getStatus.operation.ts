import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { callsItemRequest } from '../../api';
import { campaignStatusOf, plainText } from '../../helpers/output';
import { CAMPAIGN_OF_TOKEN } from './common';

export const getStatus: Operation = {
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get campaign status',
	description: `Get the campaign status (new, planned, inProgress, paused, finished or deleted) and whether it is over. ${CAMPAIGN_OF_TOKEN}.`,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		// The spec answers a JSON string ("inProgress"); read as text so a bare word works too.
		const body = await callsItemRequest<unknown>(this, itemIndex, 'getCallTaskStatus', {
			responseType: 'text',
		});
		const received = plainText(body);
		const status = campaignStatusOf(received);
		return {
			status,
			...(status !== received ? { statusReceived: received } : {}),
			finished: status === 'finished' || status === 'deleted',
		};
	},
};
