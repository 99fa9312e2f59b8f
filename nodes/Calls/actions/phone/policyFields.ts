import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export const DAYS: INodePropertyOptions[] = [
	{ name: 'Monday', value: 'mon' },
	{ name: 'Tuesday', value: 'tue' },
	{ name: 'Wednesday', value: 'wed' },
	{ name: 'Thursday', value: 'thu' },
	{ name: 'Friday', value: 'fri' },
	{ name: 'Saturday', value: 'sat' },
	{ name: 'Sunday', value: 'sun' },
];

export const phoneField: INodeProperties = {
	displayName: 'Phone',
	name: 'phone',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 16500000000',
	description:
		'The number to call, in the format of its country. Spaces, dashes, parentheses and a leading + are removed.',
};

/** The call payload: none, a JSON object, fields mapped one by one, or the whole input item. */
export const payloadFields: INodeProperties[] = [
	{
		displayName: 'Payload',
		name: 'payloadMode',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'JSON', value: 'json', description: 'A JSON object' },
			{ name: 'Fields', value: 'fields', description: 'Name and value pairs mapped from the item' },
			{ name: 'All Input Fields', value: 'item', description: "The input item's JSON, as it is" },
		],
		default: 'none',
		description: 'Data for the call script, read there with $dialer.getPayload()',
	},
	{
		displayName: 'Payload (JSON)',
		name: 'payloadJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { payloadMode: ['json'] } },
	},
	{
		displayName: 'Payload Fields',
		name: 'payloadFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add field',
		default: {},
		displayOptions: { show: { payloadMode: ['fields'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

/** Call policy of one number (`CallJobParameters`); empty fields inherit the campaign's settings. */
export const policyFields: INodeProperties[] = [
	{
		displayName: 'Call Policy',
		name: 'policy',
		type: 'collection',
		placeholder: 'Add setting',
		default: {},
		description: "Settings for this number; those not set are taken from the campaign",
		options: [
			{
				displayName: 'Allowed Days',
				name: 'allowedDays',
				type: 'multiOptions',
				options: DAYS,
				default: [],
				description: 'Days of the week on which the number may be called',
				// Read and checked by `callJobParametersOf`, which also takes "mon,tue" or "Monday".
				ignoreValidationDuringExecution: true,
			},
			{
				displayName: 'Dialer Priority',
				name: 'dialerPriority',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5 },
				default: 3,
				description: 'Priority of the number: 1 (highest) to 5 (lowest)',
			},
			{
				displayName: 'External Check Max Retries',
				name: 'externalCheckMaxRetries',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 3,
			},
			{
				displayName: 'External Check URL',
				name: 'externalCheckUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://token@crm.example.com/may-we-call',
				description: 'URL the platform asks before each call whether the number may be called',
			},
			{
				displayName: 'Finish Date-Time',
				name: 'finishDateTime',
				type: 'dateTime',
				default: '',
				description: 'The number is never called after this time',
			},
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: 3,
				description: 'Max number of call attempts (1–50)',
			},
			{
				displayName: 'Retry Interval (Minutes)',
				name: 'retryIntervalInMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 2880 },
				default: 60,
				description: 'Minimum pause between two attempts (1–2880 minutes)',
			},
			{
				displayName: 'Start Date-Time',
				name: 'startDateTime',
				type: 'dateTime',
				default: '',
				description: 'The number is not called before this time',
			},
			{
				displayName: 'Time Zone',
				name: 'gmtZone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +03:30 or Europe/Berlin',
				description: "The callee's time zone: an offset from -18:00 to +18:00 or an IANA name. Empty: the zone of the phone number.",
			},
		],
	},
	{
		displayName: 'Allowed Time',
		name: 'allowedTimeMode',
		type: 'options',
		options: [
			{ name: 'From Campaign', value: 'campaign', description: "Use the campaign's calling hours" },
			{ name: 'Windows', value: 'fields', description: 'Pick days and from–to times' },
			{ name: 'JSON', value: 'json', description: 'An allowedTime object as in the API' },
		],
		default: 'campaign',
		description: 'Local hours in which the number may be called',
	},
	{
		displayName: 'Time Windows',
		name: 'allowedTimeWindows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add window',
		default: {},
		displayOptions: { show: { allowedTimeMode: ['fields'] } },
		options: [
			{
				displayName: 'Window',
				name: 'window',
				values: [
					{
						displayName: 'Day',
						name: 'day',
						type: 'options',
						options: [{ name: 'Every Day Without Own Windows', value: 'default' }, ...DAYS],
						default: 'default',
					},
					{ displayName: 'From', name: 'from', type: 'string', default: '09:00', placeholder: 'HH:MM' },
					{ displayName: 'To', name: 'to', type: 'string', default: '18:00', placeholder: 'HH:MM' },
				],
			},
		],
	},
	{
		displayName: 'Allowed Time (JSON)',
		name: 'allowedTimeJson',
		type: 'json',
		default: '{\n  "default": [{ "localTimeFrom": "09:00", "localTimeTo": "18:00" }]\n}',
		description: 'Keys mon…sun or default, each a list of {"localTimeFrom": "HH:MM", "localTimeTo": "HH:MM"}',
		displayOptions: { show: { allowedTimeMode: ['json'] } },
	},
];
