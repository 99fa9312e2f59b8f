import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput, requiredString } from '../../../common/validate';
import { sendOperatorEvent } from '../../api';
import { employeeFields, employeeOf, httpUrlOf, userIdField, userIdOf, webhookFields } from '../fields';

export const sendFile: Operation = {
	value: 'sendFile',
	name: 'Send File',
	action: 'Send a file link as the agent',
	description: 'Send a link to a file to the client (FileMessage event)',
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
		{ displayName: 'File Name', name: 'fileName', type: 'string', required: true, default: '', placeholder: 'e.g. invoice.pdf' },
		{
			displayName: 'File Size (Bytes)',
			name: 'size',
			type: 'number',
			typeOptions: { minValue: 0 },
			required: true,
			default: 0,
		},
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
			placeholder: 'e.g. Your invoice',
			description: 'Text sent with the file (may be empty)',
		},
		...employeeFields,
		...webhookFields,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userId = userIdOf(this, itemIndex);
		const url = httpUrlOf(this, 'url', itemIndex, 'File URL');
		const name = requiredString(this, 'fileName', itemIndex, 'File Name');
		const rawSize = this.getNodeParameter('size', itemIndex, 0) as unknown;
		const size = typeof rawSize === 'string' && rawSize.trim() ? Number(rawSize) : rawSize;
		if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
			throw invalidInput(this, itemIndex, 'File Size (Bytes)', `must be a whole number of bytes, not ${JSON.stringify(rawSize)}`);
		}
		const comment = String(this.getNodeParameter('comment', itemIndex, '') ?? '');
		const employee = employeeOf(this, itemIndex);
		return await sendOperatorEvent(this, itemIndex, 'FileMessage', { userId, url, name, size, comment, employee });
	},
};
