import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput, requiredString } from '../../../common/validate';
import { sendOperatorEvent } from '../../helpers/events';
import { agentField, employeeOf, httpUrlOf, userIdField, userIdOf, webhookFields } from './common';

/** The last segment of the link's path, the name most downloads get. */
function nameFromUrl(url: string): string {
	try {
		const segment = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
		return decodeURIComponent(segment) || 'file';
	} catch {
		return 'file';
	}
}

export const sendFile: Operation = {
	acts: true,
	value: 'sendFile',
	name: 'Send File',
	action: 'Send file link as agent',
	description: 'Send the client a link to a file, as the agent, with an optional comment',
	properties: [
		userIdField,
		{
			displayName: 'File URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/invoice.pdf',
			description: 'Download link the client can open',
		},
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
			placeholder: 'e.g. Your invoice',
			description: 'Text the client sees with the file; may stay empty',
		},
		agentField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			description:
				'File details the client sees; the platform gets a value for each even when left out',
			options: [
				{
					displayName: 'File Name',
					name: 'fileName',
					type: 'string',
					default: '',
					placeholder: 'e.g. invoice.pdf',
					description: "The name the client sees; left out: the last part of the file URL's path",
				},
				{
					displayName: 'File Size (Bytes)',
					name: 'size',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'The size the client sees; left out: 0, since the platform needs a number',
				},
			],
		},
		...webhookFields,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userId = userIdOf(this, itemIndex);
		const url = httpUrlOf(
			this,
			itemIndex,
			requiredString(this, 'url', itemIndex, 'File URL'),
			'File URL',
		);
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const name = String(extra.fileName ?? '').trim() || nameFromUrl(url);
		// The platform requires a size; 0 stands for "not given" (docs/platform-assumptions.md, "Operator API").
		const rawSize = extra.size ?? '';
		const size = typeof rawSize === 'string' ? (rawSize.trim() ? Number(rawSize) : 0) : rawSize;
		if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
			throw invalidInput(
				this,
				itemIndex,
				'File Size (Bytes)',
				`must be a whole number of bytes, not ${JSON.stringify(rawSize)}`,
			);
		}
		const comment = String(this.getNodeParameter('comment', itemIndex, '') ?? '');
		const employee = employeeOf(this, itemIndex);
		return await sendOperatorEvent(this, itemIndex, 'FileMessage', {
			userId,
			url,
			name,
			size,
			comment,
			employee,
		});
	},
};
