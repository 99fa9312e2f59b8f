import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../common/validate';

export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for File',
		name: 'waitForFile',
		type: 'boolean',
		default: true,
		description: 'Whether to wait until the report is generated and output its file as binary data; otherwise only the request ID is returned',
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 86_400 },
		default: 600,
		description: 'How long to wait for the report before failing (the task keeps running on the platform)',
		displayOptions: { show: { waitForFile: [true] } },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { waitForFile: [true] } },
	},
];

export function binaryPropertyOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const name = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!name) throw invalidInput(ctx, itemIndex, 'Put Output File in Field', 'is empty', 'Enter a field name such as data.');
	return name;
}

export const settingsField: INodeProperties = {
	displayName: 'File Settings',
	name: 'settings',
	type: 'collection',
	placeholder: 'Add setting',
	default: {},
	options: [
		{
			displayName: 'Date-Time Format',
			name: 'dateTimeFormat',
			type: 'string',
			default: 'yyyy-MM-dd HH:mm:ss.SSS',
			description: 'Java DateTimeFormatter pattern for dates in the file',
		},
		{ displayName: 'Delimiter', name: 'delimiter', type: 'string', default: ',', description: 'One character between CSV columns' },
		{
			displayName: 'File Type',
			name: 'fileType',
			type: 'options',
			options: [
				{ name: 'XLSX', value: 'XLSX' },
				{ name: 'CSV', value: 'CSV' },
			],
			default: 'XLSX',
		},
		{ displayName: 'With Header', name: 'withHeader', type: 'boolean', default: true, description: 'Whether the file starts with a header row' },
	],
};

/** ReportSettings: `fileType` is required by the spec, so it is always sent. */
export function settingsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('settings', itemIndex, {}) as IDataObject;
	const settings: IDataObject = { fileType: raw.fileType ?? 'XLSX' };
	if (raw.withHeader !== undefined) settings.withHeader = raw.withHeader;
	if (raw.dateTimeFormat) settings.dateTimeFormat = raw.dateTimeFormat;
	if (raw.delimiter !== undefined && raw.delimiter !== '') {
		if (String(raw.delimiter).length !== 1) throw invalidInput(ctx, itemIndex, 'File Settings Delimiter', 'must be one character');
		settings.delimiter = raw.delimiter;
	}
	return settings;
}
