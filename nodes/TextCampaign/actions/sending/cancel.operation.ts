import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { moveOnce } from '../../../common/repeats';
import { itemRequest } from '../../api';
import { listSendings } from '../../helpers/lists';
import { sendingIdOf, sendingLocator } from '../../helpers/locators';

export const cancel: Operation = {
	acts: true,
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel sending',
	description:
		'Cancel a sending that has not gone out yet (pending or scheduled): the client never gets it. This cannot be undone.',
	properties: [
		sendingLocator(
			'The sending to cancel: pick one of the latest, or map the sendingId of Client → Send Event or Send Message, or of Sending → Get Many',
		),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const uuid = sendingIdOf(this, itemIndex);
		const done = { canceled: true, sendingId: uuid };
		return await moveOnce(
			this,
			itemIndex,
			async () => {
				await itemRequest(this, itemIndex, 'cancelSending', { pathParams: { uuid } });
				return done;
			},
			async () => {
				const [sending] = await listSendings(this, itemIndex, { eventSendingInfoUuid: uuid }, 1);
				return sending?.status === 'CANCELED' ? done : undefined;
			},
		);
	},
};
