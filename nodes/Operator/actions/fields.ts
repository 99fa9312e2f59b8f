import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput, requiredString } from '../../common/validate';

export const userIdField: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. {{ $json.userId }}',
	description: 'The client, as the platform named them in the Tovie Operator Trigger item (userId)',
};

/** The agent who answers: the platform requires all four fields on every agent event. */
export const employeeFields: INodeProperties[] = [
	{ displayName: 'Agent ID', name: 'employeeId', type: 'string', required: true, default: '', placeholder: 'e.g. U024BE7LH', description: 'Your identifier of the agent (employeeId)' },
	{ displayName: 'Agent First Name', name: 'employeeFirstName', type: 'string', required: true, default: '', placeholder: 'e.g. Ann' },
	{ displayName: 'Agent Last Name', name: 'employeeLastName', type: 'string', required: true, default: '', placeholder: 'e.g. Smith' },
	{ displayName: 'Agent Avatar URL', name: 'employeeAvatarUrl', type: 'string', required: true, default: '', placeholder: 'e.g. https://example.com/ann.png', description: 'Link to the picture the client sees next to the agent\'s messages' },
];

/** Where the events go; shown under every operation. */
export const webhookFields: INodeProperties[] = [
	{
		displayName: 'Platform Webhook',
		name: 'webhookSource',
		type: 'options',
		options: [
			{
				name: 'Automatic',
				value: 'auto',
				description: 'The credential\'s Operator Webhook URL if filled in, otherwise the URL the platform gave the Tovie Operator Trigger of this workflow',
			},
			{ name: 'Custom URL', value: 'url', description: 'A webhook URL you enter or map' },
		],
		default: 'auto',
		description: 'Where the platform receives agent events (the URL it sends to the trigger through setWebhook)',
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: 'e.g. https://platform.tovie.ai/chatadapter/chatapi/webhook/operatorapi/12345',
		description: 'The URL the platform sent to setWebhook; it contains the channel ID, keep it private',
		displayOptions: { show: { webhookSource: ['url'] } },
	},
];

export function userIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredString(ctx, 'userId', itemIndex, 'User ID');
}

export function httpUrlOf(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = requiredString(ctx, name, itemIndex, label);
	if (!/^https?:\/\/[^\s/]+\S*$/i.test(value)) {
		throw invalidInput(ctx, itemIndex, label, `is not an http(s) URL: ${JSON.stringify(value.slice(0, 80))}`, 'Enter a full link such as https://example.com/file.pdf.');
	}
	return value;
}

/** `employee` of an agent event, validated before anything is sent. */
export function employeeOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		employeeId: requiredString(ctx, 'employeeId', itemIndex, 'Agent ID'),
		firstName: requiredString(ctx, 'employeeFirstName', itemIndex, 'Agent First Name'),
		lastName: requiredString(ctx, 'employeeLastName', itemIndex, 'Agent Last Name'),
		avatarUrl: httpUrlOf(ctx, 'employeeAvatarUrl', itemIndex, 'Agent Avatar URL'),
	};
}
