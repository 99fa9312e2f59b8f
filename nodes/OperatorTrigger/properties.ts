import type { INodeProperties } from 'n8n-workflow';

import { CLIENT_EVENTS } from './calls';

export const triggerOnProperty: INodeProperties = {
	displayName: 'Trigger On',
	name: 'triggerOn',
	type: 'multiOptions',
	options: CLIENT_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
	default: ['newDialog', 'clientMessage', 'clientFile', 'chatClosed'],
	description: 'Which client events start the workflow (one item per event)',
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Copy the Production URL above as it is. In the project, open Channels → Transfer to agent → Operator API, paste it as "API URL" and click Connect. Publish this workflow first: the platform calls that URL at every step of a hand-over. Answer clients with the Tovie Operator node.',
		name: 'apiUrlNotice',
		type: 'notice',
		default: '',
	},
	triggerOnProperty,
	{
		displayName: 'Agent Groups From',
		name: 'destinationsSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'List Below',
				value: 'list',
				description: 'The node answers with the groups listed here',
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'The node answers with a JSON list, which can be an expression',
			},
			{
				name: 'Respond to Webhook Node',
				value: 'workflow',
				description:
					'The question starts the workflow; a Respond to Webhook node answers {"destinations": […]} quickly',
			},
		],
		default: 'list',
		description:
			'Where the agent groups come from when the platform asks for them (in the channel\'s "Add group" settings, and before each hand-over). Each group\'s ID becomes a choice there.',
	},
	{
		displayName: 'Agent Groups',
		name: 'destinations',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add agent group',
		default: {},
		description: 'The groups of agents the bot can hand clients over to',
		displayOptions: { show: { destinationsSource: ['list'] } },
		options: [
			{
				displayName: 'Group',
				name: 'group',
				description: 'One agent group',
				values: [
					{
						displayName: 'ID',
						name: 'destinationId',
						type: 'string',
						default: '',
						placeholder: 'e.g. support',
						description:
							'Your identifier of the group; the platform sends it back with every hand-over to it',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Support team',
						description: 'The name the platform shows for the group',
					},
					{
						displayName: 'Has Online Agents',
						name: 'hasOnline',
						type: 'boolean',
						default: true,
						description:
							'Whether the platform may hand clients to this group now (an expression can follow working hours)',
					},
				],
			},
		],
	},
	{
		displayName: 'Agent Groups (JSON)',
		name: 'destinationsJson',
		type: 'json',
		default: '[{"destinationId": "support", "name": "Support team", "hasOnline": true}]',
		description:
			'A list of groups, each with an ID (destinationId), a name and whether it has online agents (hasOnline)',
		displayOptions: { show: { destinationsSource: ['json'] } },
	},
];
