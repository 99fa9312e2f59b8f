import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { repliesOf } from '../../helpers/json';
import { scheduledAt, sendBatch } from '../../helpers/send';
import { clientSendOptions, recipientFields, recipientOf, sendOptionsOf } from './common';

export const sendMessage: Operation = {
	acts: true,
	value: 'sendMessage',
	name: 'Send Message',
	action: 'Send message to clients',
	description:
		'Write to each client in the channel directly, without the bot script. One item is one client.',
	properties: [
		...recipientFields,
		{
			displayName: 'Message Type',
			name: 'messageType',
			type: 'options',
			options: [
				{ name: 'Text', value: 'text', description: 'A text, optionally with buttons' },
				{
					name: 'Replies (JSON)',
					value: 'json',
					description: 'Bot replies in the platform format: texts, buttons, images',
				},
			],
			default: 'text',
			description: 'How the message is given: a text with optional buttons, or bot replies as JSON',
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			placeholder: 'e.g. Your order {{ $json.orderId }} has shipped',
			description: 'The message the client reads',
			displayOptions: { show: { messageType: ['text'] } },
		},
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'string',
			typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Button' },
			default: [],
			description: 'Reply buttons under the text; a tap sends its text to the bot',
			displayOptions: { show: { messageType: ['text'] } },
		},
		{
			displayName: 'Replies (JSON)',
			name: 'replies',
			type: 'json',
			required: true,
			default: '[{"type": "text", "text": "Hello"}]',
			description:
				'An array of bot replies, e.g. [{"type": "text", "text": "Hi"}, {"type": "image", "imageUrl": "https://…"}]',
			displayOptions: { show: { messageType: ['json'] } },
		},
		clientSendOptions,
	],
	batch: sendBatch(async function (this: IExecuteFunctions, itemIndex: number) {
		const recipient = recipientOf(this, itemIndex);
		let replies: unknown;
		if (this.getNodeParameter('messageType', itemIndex, 'text') === 'json') {
			replies = repliesOf(this, itemIndex);
		} else {
			const text = String(this.getNodeParameter('text', itemIndex, '') ?? '');
			if (!text.trim())
				throw invalidInput(
					this,
					itemIndex,
					'Text',
					'is empty',
					'Enter the message the client reads.',
				);
			const buttons = ((this.getNodeParameter('buttons', itemIndex, []) ?? []) as unknown[])
				.map((b) => String(b).trim())
				.filter(Boolean);
			replies = [
				{ type: 'text', text },
				...(buttons.length
					? [{ type: 'buttons', buttons: buttons.map((label) => ({ text: label })) }]
					: []),
			];
		}
		const body: IDataObject = {
			...recipient,
			replies: replies as IDataObject[],
			...(await sendOptionsOf(this, itemIndex)),
		};
		return {
			route: 'sendReplies' as const,
			request: { body },
			echo: { ...recipient, ...(await scheduledAt(this, body)) },
		};
	}),
};
