import type { INodeProperties } from 'n8n-workflow';

import { CLIENT_EVENTS } from './calls';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'In the project, open Channels → Transfer to agent → Operator API and set "API URL" to the Production URL above without the final "/getDestinations". The platform then calls this node for every step of the hand-over; activate the workflow first. Answer clients with the Tovie Operator node.',
		name: 'apiUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'triggerOn',
		type: 'multiOptions',
		options: CLIENT_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
		default: ['newDialog', 'clientMessage', 'clientFile', 'chatClosed'],
		description: 'Which client events start the workflow (one item per call)',
	},
	{
		displayName: 'Agent Groups From',
		name: 'destinationsSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'List Below', value: 'list', description: 'The node answers getDestinations with the groups listed here' },
			{ name: 'JSON', value: 'json', description: 'The node answers with a JSON list, which can be an expression' },
			{ name: 'Respond to Webhook Node', value: 'workflow', description: 'The getDestinations call starts the workflow; a Respond to Webhook node answers {"destinations": […]} quickly' },
		],
		default: 'list',
		description: 'Where the agent groups come from when the platform asks for them (getDestinations). Each group becomes an ID to choose in the channel\'s "Add group" settings.',
	},
	{
		displayName: 'Agent Groups',
		name: 'destinations',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add agent group',
		default: {},
		displayOptions: { show: { destinationsSource: ['list'] } },
		options: [
			{
				displayName: 'Group',
				name: 'group',
				values: [
					{ displayName: 'ID', name: 'destinationId', type: 'string', default: '', placeholder: 'e.g. support', description: 'What the platform sends back as destinationId' },
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Support team' },
					{ displayName: 'Has Online Agents', name: 'hasOnline', type: 'boolean', default: true, description: 'Whether the platform may route dialogs to this group now (an expression can follow working hours)' },
				],
			},
		],
	},
	{
		displayName: 'Agent Groups (JSON)',
		name: 'destinationsJson',
		type: 'json',
		default: '[{"destinationId": "support", "name": "Support team", "hasOnline": true}]',
		description: 'A list of {destinationId, name, hasOnline}, or {"destinations": […]}',
		displayOptions: { show: { destinationsSource: ['json'] } },
	},
];
