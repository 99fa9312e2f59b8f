import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput, requiredString } from '../../../common/validate';

export const userIdField: INodeProperties = {
	displayName: 'Client ID',
	name: 'userId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 512345678',
	description:
		'The client in the chat: the userId of the Tovie Operator Trigger item that started the workflow',
};

/**
 * Who the client sees answering. The platform requires all four details on every agent event,
 * so each has a default (the option's `default`) and the collection may stay empty.
 */
export const agentField: INodeProperties = {
	displayName: 'Agent',
	name: 'agent',
	type: 'collection',
	placeholder: 'Add agent detail',
	default: {},
	description:
		'Who the client sees answering; details left out are those of "Support Agent" (ID n8n) with a generic picture',
	options: [
		{
			displayName: 'Avatar URL',
			name: 'avatarUrl',
			type: 'string',
			default: 'https://www.gravatar.com/avatar/?d=mp',
			placeholder: 'e.g. https://example.com/ann.png',
			description: "Link to the picture the client sees next to the agent's messages",
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: 'Support',
			placeholder: 'e.g. Ann',
			description: 'The first name the client sees',
		},
		{
			displayName: 'ID',
			name: 'employeeId',
			type: 'string',
			default: 'n8n',
			placeholder: 'e.g. U024BE7LH',
			description: 'Your own identifier of the agent, for example their Slack or helpdesk user ID',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: 'Agent',
			placeholder: 'e.g. Smith',
			description: 'The last name the client sees',
		},
	],
};

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
				description:
					"The credential's Operator Webhook URL if filled in, otherwise the one the platform gave the Tovie Operator Trigger of this workflow when the channel was connected",
			},
			{ name: 'Custom URL', value: 'url', description: 'A webhook URL you enter or map' },
		],
		default: 'auto',
		description:
			'Where the platform receives what the agent sends: the webhook URL it gives when the Operator API channel is connected',
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: 'e.g. https://platform.tovie.ai/chatadapter/chatapi/webhook/operatorapi/12345',
		description:
			'The webhook URL the platform gave when the channel was connected; it contains the channel ID, keep it private',
		displayOptions: { show: { webhookSource: ['url'] } },
	},
];

export function userIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredString(ctx, 'userId', itemIndex, 'Client ID');
}

export function httpUrlOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: string,
	label: string,
): string {
	if (!/^https?:\/\/[^\s/]+\S*$/i.test(value)) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`is not an http(s) URL: ${JSON.stringify(value.slice(0, 80))}`,
			'Enter a full link such as https://example.com/file.pdf.',
		);
	}
	return value;
}

type AgentDetail = 'employeeId' | 'firstName' | 'lastName' | 'avatarUrl';
const AGENT_DEFAULTS = Object.fromEntries(
	(agentField.options as INodeProperties[]).map((option) => [option.name, String(option.default)]),
) as Record<AgentDetail, string>;

/** `employee` of an agent event: the Agent details given, the defaults for the others. */
export function employeeOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const agent = ctx.getNodeParameter('agent', itemIndex, {}) as Record<string, unknown>;
	const detail = (name: AgentDetail) => {
		const value = agent[name];
		const text =
			typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
		return text || AGENT_DEFAULTS[name];
	};
	return {
		employeeId: detail('employeeId'),
		firstName: detail('firstName'),
		lastName: detail('lastName'),
		avatarUrl: httpUrlOf(ctx, itemIndex, detail('avatarUrl'), 'Agent → Avatar URL'),
	};
}
