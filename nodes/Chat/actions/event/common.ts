import type { INodeProperties } from 'n8n-workflow';

import { connectionIdField } from '../../helpers/client';
import { optionsCollection } from '../../../common/fields';

/** Event → Get Many's Options: which events, how long to wait, one item per event or one for all. */
export const eventOptions: INodeProperties = optionsCollection(
	'Which events to read and how to return them',
	[
		{
			displayName: 'All Event Kinds',
			name: 'all',
			type: 'boolean',
			default: false,
			description:
				'Whether to return every event of the chat (bot replies and client messages too) instead of live agent replies only',
		},
		connectionIdField(
			"Only events of this chat window, as named in Send's Connection ID (avoids duplicates when a client has several chats open)",
		),
		{
			displayName: 'Max Wait (Seconds)',
			name: 'waitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 300 },
			default: 30,
			description: 'How long to wait for a first event before returning nothing',
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			description: 'Whether each event becomes its own item, or all of them one item',
			options: [
				{
					name: 'One Item per Event',
					value: 'events',
					description: 'Each item also carries nextTs, to pass back as Since',
				},
				{
					name: 'One Item with All Events',
					value: 'batch',
					description:
						'Always one item, with events and nextTs, also when there are none: handy in loops',
				},
			],
			default: 'events',
		},
		{
			displayName: 'Return All Pending',
			name: 'drain',
			type: 'boolean',
			default: true,
			description: 'Whether to keep reading while the platform returns full pages of 250 events',
		},
	],
);
