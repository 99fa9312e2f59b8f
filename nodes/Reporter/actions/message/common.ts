import type { INodeProperties } from 'n8n-workflow';

// Inside the Options collection, the root parameter is addressed as `/source`.
const inSession = { show: { '/source': ['session'] } };
const inClient = { show: { '/source': ['client'] } };
const inSessionOrClient = { show: { '/source': ['session', 'client'] } };

/** Get Many's Options for messages of one session or one client (the filters have their own). */
export const messageListOptions: INodeProperties[] = [
	{
		displayName: 'Channel Type',
		name: 'channelType',
		type: 'string',
		default: '',
		placeholder: 'e.g. telegram',
		description: 'Only messages of this channel type',
		displayOptions: inClient,
	},
	{
		displayName: 'Custom Fields (JSON Paths)',
		name: 'responseDataJsonPath',
		type: 'string',
		default: '',
		placeholder: 'e.g. $.replies[0].text',
		description: 'Comma-separated JSON paths into the bot reply data, copied into customFields',
		displayOptions: inSession,
	},
	{
		displayName: 'From',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: 'Only messages from this time on',
		displayOptions: inSessionOrClient,
	},
	{
		displayName: 'Hide Empty Messages',
		name: 'hideEmptyMessage',
		type: 'boolean',
		default: false,
		description: 'Whether to skip messages without text',
		displayOptions: inSession,
	},
	{
		displayName: 'Newest First',
		name: 'newestFirst',
		type: 'boolean',
		default: false,
		description: 'Whether to sort by time descending',
		displayOptions: inClient,
	},
	{
		displayName: 'To',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'Only messages up to this time',
		displayOptions: inClient,
	},
];
