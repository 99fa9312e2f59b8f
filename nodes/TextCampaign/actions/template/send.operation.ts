import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { optionsCollection } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { jsonNodeOf } from '../../helpers/json';
import { templateIdOf, templateLocator } from '../../helpers/locators';
import { scheduledAt, sendBatch } from '../../helpers/send';
import { sendOptionFields, sendOptionsOf } from '../client/common';

export const send: Operation = {
	acts: true,
	value: 'send',
	name: 'Send',
	action: 'Send template',
	description:
		'Send a saved template to its client again, as it is or with other event data. One item is one send.',
	properties: [
		templateLocator,
		{
			displayName: 'Event Data',
			name: 'eventData',
			type: 'json',
			default: '',
			description:
				'Replaces the template\'s event data for this send, e.g. {"orderId": 42}; empty keeps the template\'s',
		},
		optionsCollection('Settings most runs leave as they are', sendOptionFields),
	],
	batch: sendBatch(async function (this: IExecuteFunctions, itemIndex: number) {
		const uuid = templateIdOf(this, itemIndex);
		const eventData = jsonNodeOf(
			this,
			itemIndex,
			this.getNodeParameter('eventData', itemIndex, ''),
			'Event Data',
		);
		const body: IDataObject = { ...(await sendOptionsOf(this, itemIndex)) };
		if (eventData !== undefined) body.eventData = eventData as IDataObject;
		const echo: IDataObject = { templateId: uuid, ...(await scheduledAt(this, body)) };
		// Nothing to change: the template's own parameters (the spec's GET form).
		if (Object.keys(body).length === 0)
			return { route: 'sendByTemplate' as const, request: { pathParams: { uuid } }, echo };
		return {
			route: 'sendByTemplateWithData' as const,
			request: { pathParams: { uuid }, body },
			echo,
		};
	}),
};
