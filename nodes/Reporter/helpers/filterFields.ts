import type { IDisplayOptions, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

/** Every key of the reporter's filter model (AnalyticsFilterKey in the spec), named as the platform UI names it. */
export const FILTER_KEYS: Record<string, string> = {
	ANSWER_TEXT: 'Answer Text',
	AUTOMATION_STATUS: 'Automation Status',
	BOT_ID: 'Bot',
	BOT_REPLIES: 'Bot Replies',
	CALL_TASK_ID: 'Call Task ID',
	CHANNEL_NAME: 'Channel Name',
	CHANNEL_TYPE: 'Channel Type',
	CLIENT_ID_OR_NAME: 'Client ID or Name',
	CLIENT_JOIN_TIME: 'Client Join Time',
	CLIENT_LAST_ACTIVITY_TIME: 'Client Last Activity Time',
	CLIENT_TYPE: 'Client Type',
	COMMENT_TEXT: 'Comment Text',
	CUSTOM_FIELDS_IN_RESPONSE: 'Custom Fields in Response',
	EXCEPTION_EXISTENCE: 'With Exceptions',
	INITIATOR: 'Initiator',
	INTENT: 'Intent',
	LOG_LABELS: 'Message Labels',
	MESSAGE_COUNT: 'Message Count',
	MESSAGE_OR_ANSWER_TEXT: 'Message or Answer Text',
	MESSAGE_TEXT: 'Message Text',
	MESSAGE_TIME: 'Message Time',
	MESSAGE_TYPE: 'Message Type',
	NLP_CLASS: 'NLP Class',
	NLP_STATE: 'NLP State',
	NPS: 'NPS',
	PERIOD: 'Period',
	SCENARIO_ACTION: 'Script Action',
	SESSION_DATA: 'Session Data',
	SESSION_END_TIME: 'Session End Time',
	SESSION_ID: 'Session ID',
	SESSION_LABELS: 'Session Labels',
	SESSION_RESULT: 'Session Result',
	SESSION_START_TIME: 'Session Start Time',
	SESSION_TOPIC: 'Session Topic',
	STATE_ROUTES: 'State Routes',
	TEXT_CAMPAIGN_ID: 'Text Campaign ID',
	TEXT_CAMPAIGN_RESULT: 'Text Campaign Result',
	TRANSFER_TO_OPERATOR: 'Transferred to Agent',
	WITHOUT_EMPTY_MESSAGES: 'Without Empty Messages',
	WITHOUT_EMPTY_SESSIONS: 'Without Empty Sessions',
	WITHOUT_TEST_SESSIONS: 'Without Test Sessions',
};

/** The intervals statistics and saved filter sets group by. */
export const INTERVALS = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'].map((value) => ({
	name: value.charAt(0) + value.slice(1).toLowerCase(),
	value,
}));

/** Options of a key field: the keys' names, sorted by name. */
export function keyOptions(keys: string[] = Object.keys(FILTER_KEYS)) {
	return keys
		.map((value) => ({ name: FILTER_KEYS[value], value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

const keyField = (keys: string[], fallback: string, description: string): INodeProperties => ({
	displayName: 'Field',
	name: 'key',
	type: 'options',
	options: keyOptions(keys),
	default: fallback,
	description,
});

/** One group of the Filters collection (n8n's type has no description, the editor shows one). */
const group = (displayName: string, name: string, description: string, values: INodeProperties[]) =>
	({ displayName, name, description, values }) as INodePropertyCollection;

const filterGroups: INodePropertyCollection[] = [
	group('Period', 'period', 'Only what happened between two times', [
		keyField(
			[
				'SESSION_START_TIME',
				'SESSION_END_TIME',
				'MESSAGE_TIME',
				'CLIENT_JOIN_TIME',
				'CLIENT_LAST_ACTIVITY_TIME',
			],
			'SESSION_START_TIME',
			'Which time the period applies to',
		),
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: 'Start of the period; a date without a time zone is in the workflow’s time zone',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'End of the period; empty means up to now',
		},
	]),
	group(
		'Values (Bot, Channel, Labels…)',
		'values',
		'Only what has (or lacks) some of the chosen values, such as bots, channels or labels',
		[
			keyField(
				[
					'BOT_ID',
					'CHANNEL_TYPE',
					'CHANNEL_NAME',
					'LOG_LABELS',
					'SESSION_LABELS',
					'SESSION_RESULT',
					'INTENT',
					'NLP_STATE',
				],
				'BOT_ID',
				'What the values are',
			),
			{
				displayName: 'Comparison',
				name: 'comparisonType',
				type: 'options',
				options: [
					{
						name: 'Contains Any',
						value: 'CONTAINS',
						description: 'Has at least one of the values',
					},
					{
						name: 'Does Not Contain',
						value: 'NOT_CONTAINS',
						description: 'Has none of the values',
					},
					{
						name: 'Does Not Exist',
						value: 'NOT_EXISTS',
						description: 'Has no value at all (values are ignored)',
					},
					{
						name: 'Exists (Any Value)',
						value: 'EXISTS',
						description: 'Has any value (values are ignored)',
					},
				],
				default: 'CONTAINS',
				description: 'How the values are matched',
			},
			{
				displayName: 'Value Names or IDs',
				name: 'options',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getFilterValues', loadOptionsDependsOn: ['&key'] },
				default: [],
				description:
					'The values the platform offers for this field in the project (bots, channels, labels…). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	),
	group('Text', 'text', 'Only what contains (or lacks) a text', [
		keyField(
			[
				'MESSAGE_OR_ANSWER_TEXT',
				'MESSAGE_TEXT',
				'ANSWER_TEXT',
				'CLIENT_ID_OR_NAME',
				'COMMENT_TEXT',
				'SESSION_ID',
			],
			'MESSAGE_OR_ANSWER_TEXT',
			'Which text to search',
		),
		{
			displayName: 'Comparison',
			name: 'comparisonType',
			type: 'options',
			options: [
				{
					name: 'Contains',
					value: 'CONTAINS',
					description: 'The text holds one of the alternatives',
				},
				{
					name: 'Does Not Contain',
					value: 'NOT_CONTAINS',
					description: 'The text holds none of the alternatives',
				},
				{ name: 'Equals', value: 'EQUALS', description: 'The text is one of the alternatives' },
			],
			default: 'CONTAINS',
			description: 'How the text is matched',
		},
		{
			displayName: 'Text',
			name: 'values',
			type: 'string',
			default: '',
			placeholder: 'e.g. refund, money back',
			description: 'One or more alternatives, separated by commas',
		},
		{
			displayName: 'Case Sensitive',
			name: 'isCaseSensitive',
			type: 'boolean',
			default: false,
			description: 'Whether upper and lower case must match',
		},
	]),
	group('Message Count', 'messageCount', 'Only sessions with a number of messages in a range', [
		{
			displayName: 'Min',
			name: 'from',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Least number of messages',
		},
		{
			displayName: 'Max',
			name: 'to',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Most number of messages; 0 means no upper bound',
		},
	]),
	group('Yes / No', 'flag', 'Only what has, or has not, a property', [
		keyField(
			[
				'TRANSFER_TO_OPERATOR',
				'EXCEPTION_EXISTENCE',
				'WITHOUT_EMPTY_MESSAGES',
				'WITHOUT_EMPTY_SESSIONS',
				'WITHOUT_TEST_SESSIONS',
			],
			'WITHOUT_EMPTY_SESSIONS',
			'The property',
		),
		{
			displayName: 'Option',
			name: 'option',
			type: 'options',
			options: [
				{ name: 'No', value: 'NO' },
				{ name: 'Yes', value: 'YES' },
			],
			default: 'YES',
			description: 'Whether the property must hold (Yes) or not (No)',
		},
	]),
	group('Other (JSON)', 'json', 'Filters the form does not offer, as the platform writes them', [
		{
			displayName: 'Filters (JSON)',
			name: 'filters',
			type: 'json',
			default: '[]',
			description:
				'An array of filters in the platform’s form, e.g. [{"key": "NPS", "type": "NUMERIC_RANGE", "from": 9, "to": 10}]. Filter → Get Definitions lists the keys and types of an analytics section.',
		},
	]),
];

/** The one Filters collection of every operation that reads or labels by filters. */
export function filtersField(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add filter',
		default: {},
		description:
			'Which sessions, messages or clients count, as in the filters of the platform’s Analytics pages; none means all',
		...(displayOptions ? { displayOptions } : {}),
		options: filterGroups,
	};
}

/** The Filters collection as a field list (for operations that spread their fields). */
export const filterFields: INodeProperties[] = [filtersField()];
