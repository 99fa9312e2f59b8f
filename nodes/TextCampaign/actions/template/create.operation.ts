import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { itemRequest } from '../../api';
import { jsonNodeOf, repliesOf } from '../../helpers/json';
import { recipientFields, recipientOf, sendOptionsOf, templateOptions } from '../client/common';

export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create template',
	description:
		'Save a send to one client (channel, campaign, event or message) to send it again later by its ID or link',
	properties: [
		...recipientFields,
		{
			displayName: 'Content',
			name: 'content',
			type: 'options',
			options: [
				{
					name: 'Event',
					value: 'event',
					description: 'The bot script reacts to an event and writes first',
				},
				{
					name: 'Message',
					value: 'message',
					description: 'Replies sent to the client directly, without the script',
				},
			],
			default: 'event',
			description:
				'What the template sends: an event for the bot script, or a message written without it',
		},
		{
			displayName: 'Event',
			name: 'event',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. weeklyReminder',
			description: 'The event the bot script reacts to',
			displayOptions: { show: { content: ['event'] } },
		},
		{
			displayName: 'Event Data',
			name: 'eventData',
			type: 'json',
			default: '',
			description:
				'Default data the bot script gets with the event; Template → Send may replace it',
			displayOptions: { show: { content: ['event'] } },
		},
		{
			displayName: 'Replies (JSON)',
			name: 'replies',
			type: 'json',
			required: true,
			default: '[{"type": "text", "text": "Hello"}]',
			description: 'An array of bot replies, e.g. [{"type": "text", "text": "Hi"}]',
			displayOptions: { show: { content: ['message'] } },
		},
		templateOptions,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const recipient = recipientOf(this, itemIndex);
		const body: IDataObject = { ...recipient };
		if (this.getNodeParameter('content', itemIndex, 'event') === 'event') {
			const event = String(this.getNodeParameter('event', itemIndex, '') ?? '').trim();
			if (!event)
				throw invalidInput(
					this,
					itemIndex,
					'Event',
					'is empty',
					'Enter the event the bot script reacts to.',
				);
			body.event = event;
			const eventData = jsonNodeOf(
				this,
				itemIndex,
				this.getNodeParameter('eventData', itemIndex, ''),
				'Event Data',
			);
			if (eventData !== undefined) body.eventData = eventData as IDataObject;
		} else {
			body.replies = repliesOf(this, itemIndex) as IDataObject[];
		}
		Object.assign(body, await sendOptionsOf(this, itemIndex, false));
		const created = await itemRequest(this, itemIndex, 'createTemplate', { body });
		return {
			id: created.id,
			link: created.link,
			...recipient,
			...(body.event ? { event: body.event } : {}),
		};
	},
};
