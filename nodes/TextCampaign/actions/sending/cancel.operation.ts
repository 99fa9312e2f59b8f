import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';

export const cancel: Operation = {
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel sending',
	description: 'Stop a sending that has not gone out yet (pending or scheduled)',
	properties: [
		{
			displayName: 'Sending ID',
			name: 'sendingId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 0b8e7f3a-5c1d-4e2f-9a8b-7c6d5e4f3a2b',
			description: 'The sendingId of an item of Client → Send Event or Send Message, or of Sending → Get Many',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const uuid = requiredString(this, 'sendingId', itemIndex, 'Sending ID');
		await itemRequest(this, itemIndex, 'cancelSending', { pathParams: { uuid } });
		return { canceled: true, sendingId: uuid };
	},
};
