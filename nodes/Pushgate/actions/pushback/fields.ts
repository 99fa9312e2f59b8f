import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput, jsonObjectParameter } from '../../../common/validate';
import { firePushback, pushbackTarget } from '../../api';

export const pushbackFields: INodeProperties[] = [
	{
		displayName: 'Pushback',
		name: 'pushback',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 96190b45-84ee-4007-9aab-d257ad22729f or https://platform.tovie.ai/pushgate/push_…',
		description: 'The pushback ID, or its whole activation link, as the bot script got it from $pushgate.createPushback',
	},
	{
		displayName: 'Event Data',
		name: 'dataMode',
		type: 'options',
		options: [
			{ name: 'None (GET)', value: 'none', description: 'Fire the event with the data given when the pushback was created' },
			{ name: 'Fields', value: 'fields', description: 'Send data built from the fields below (POST)' },
			{ name: 'JSON', value: 'json', description: 'Send a JSON object (POST)' },
		],
		default: 'none',
	},
	{
		displayName: 'Fields',
		name: 'dataFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add field',
		default: {},
		displayOptions: { show: { dataMode: ['fields'] } },
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
	{
		displayName: 'JSON',
		name: 'dataJson',
		type: 'json',
		default: '{}',
		description: 'The event data; the bot script reads it from the request',
		displayOptions: { show: { dataMode: ['json'] } },
	},
	{
		displayName: 'Allow Another Host',
		name: 'allowOtherHost',
		type: 'boolean',
		default: false,
		description: "Whether to fire a link whose host differs from the credential's server (for example a regional host)",
	},
];

function eventData(ctx: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const mode = ctx.getNodeParameter('dataMode', itemIndex, 'none') as string;
	if (mode === 'json') return jsonObjectParameter(ctx, 'dataJson', itemIndex, 'JSON') ?? {};
	if (mode !== 'fields') return undefined;
	const fields = ((ctx.getNodeParameter('dataFields', itemIndex, {}) as IDataObject).field ?? []) as IDataObject[];
	const data: IDataObject = {};
	fields.forEach((field, n) => {
		const name = String(field.name ?? '').trim();
		if (!name) throw invalidInput(ctx, itemIndex, `Fields #${n + 1} Name`, 'is empty');
		data[name] = field.value as string;
	});
	return data;
}

/** Reads and checks one item's pushback and data, then fires it. */
export async function fireItem(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = await pushbackTarget(
		ctx,
		itemIndex,
		ctx.getNodeParameter('pushback', itemIndex, ''),
		ctx.getNodeParameter('allowOtherHost', itemIndex, false) as boolean,
	);
	return await firePushback(ctx, itemIndex, target, eventData(ctx, itemIndex));
}
