import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { keyValueInput, keyValuesOf } from '../../../common/fields';
import { requiredString } from '../../../common/validate';
import { DAYS } from '../../helpers/callPolicy';
import { checkedPhone } from '../../helpers/phones';

export const phoneField: INodeProperties = {
	displayName: 'Phone',
	name: 'phone',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 16500000000',
	description:
		'The number to call, with the country code. Spaces, dashes, parentheses and a leading + are removed.',
};

/** The call payload: none, the whole input item, fields mapped one by one, or a JSON object. */
export const payloadFields: INodeProperties[] = keyValueInput({
	name: 'payload',
	displayName: 'Payload',
	description: 'Data for the call script, read there with $dialer.getPayload()',
	extraModes: [
		{ name: 'None', value: 'none', description: 'No data for the script' },
		{
			name: 'All Input Fields',
			value: 'item',
			description: "The input item's fields, as they are",
		},
	],
	default: 'none',
});

/** The payload of one item as chosen in "Payload"; undefined when there is none. */
export function payloadOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const mode = ctx.getNodeParameter('payloadMode', itemIndex, 'none') as string;
	if (mode === 'item') return { ...ctx.getInputData()[itemIndex].json };
	const payload = keyValuesOf(ctx, itemIndex, 'payload', 'Payload');
	return payload && (mode === 'json' || Object.keys(payload).length) ? payload : undefined;
}

/** The item's phone after formatting is removed, or an error naming the item. */
export function phoneOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return checkedPhone(ctx, itemIndex, requiredString(ctx, 'phone', itemIndex, 'Phone'), 'Phone');
}

const timeWindowValues: INodeProperties[] = [
	{
		displayName: 'Day',
		name: 'day',
		type: 'options',
		options: [{ name: 'Every Day Without Own Windows', value: 'default' }, ...DAYS],
		default: 'default',
		description:
			'The day the window applies to; "Every Day Without Own Windows" covers the days that have none',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		default: '09:00',
		placeholder: 'e.g. 09:00',
		description: 'Start of the window, 24-hour HH:MM',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '18:00',
		placeholder: 'e.g. 18:00',
		description: 'End of the window, 24-hour HH:MM, after From',
	},
];
/** One window of "Time Windows" (a variable: groups take a description their type does not list). */
const timeWindow = {
	displayName: 'Window',
	name: 'window',
	description: 'One day and the hours in which the number may be called on it',
	values: timeWindowValues,
};

/** Call policy of one number (`CallJobParameters`); empty fields inherit the campaign's settings. */
export const policyFields: INodeProperties[] = [
	{
		displayName: 'Call Policy',
		name: 'policy',
		type: 'collection',
		placeholder: 'Add setting',
		default: {},
		description:
			'When and how often this number is called; settings not added here are taken from the campaign',
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
				// Not "Max Attempts": Request Options → Tries per Request is about HTTP requests.
				displayName: 'Call Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: 3,
				description:
					'How many times the number is dialled at most, the first call included (1–50), when nobody answers or the line is busy',
			},
			{
				displayName: 'Dialer Priority',
				name: 'dialerPriority',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5 },
				default: 3,
				description: 'Priority of the number in the campaign: 1 (called first) to 5 (called last)',
			},
			{
				displayName: 'External Check Max Retries',
				name: 'externalCheckMaxRetries',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 3,
				description:
					'How many times the platform asks the External Check URL again when it does not answer',
			},
			{
				displayName: 'External Check URL',
				name: 'externalCheckUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://token@crm.example.com/may-we-call',
				description:
					'Address the platform asks before each call whether the number may still be called',
			},
			{
				displayName: 'Finish Date-Time',
				name: 'finishDateTime',
				type: 'dateTime',
				default: '',
				description:
					"The number is never called after this time. A date without a time zone is read in the workflow's time zone.",
			},
			{
				displayName: 'Retry Interval (Minutes)',
				name: 'retryIntervalInMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 2880 },
				default: 60,
				description: 'Minimum pause between two call attempts (1–2880 minutes)',
			},
			{
				displayName: 'Start Date-Time',
				name: 'startDateTime',
				type: 'dateTime',
				default: '',
				description:
					"The number is not called before this time. A date without a time zone is read in the workflow's time zone.",
			},
			{
				displayName: 'Time Zone',
				name: 'gmtZone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +03:30 or Europe/Berlin',
				description:
					"The callee's time zone: an offset from -18:00 to +18:00 or a zone name. Empty: the zone of the phone number.",
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
			{ name: 'JSON', value: 'json', description: 'One JSON object with the windows of each day' },
		],
		default: 'campaign',
		description: "Local hours (in the callee's time zone) in which the number may be called",
	},
	{
		displayName: 'Time Windows',
		name: 'allowedTimeWindows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add window',
		default: {},
		description:
			'Hours in which the number may be called; a day can have several windows that do not overlap',
		displayOptions: { show: { allowedTimeMode: ['fields'] } },
		options: [timeWindow],
	},
	{
		displayName: 'Allowed Time (JSON)',
		name: 'allowedTimeJson',
		type: 'json',
		default: '{\n  "default": [{ "localTimeFrom": "09:00", "localTimeTo": "18:00" }]\n}',
		description:
			'Keys mon…sun or default, each a list of {"localTimeFrom": "HH:MM", "localTimeTo": "HH:MM"}',
		displayOptions: { show: { allowedTimeMode: ['json'] } },
	},
];
