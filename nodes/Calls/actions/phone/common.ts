import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { keyValueInput, keyValuesOf } from '../../../common/fields';
import { requiredString } from '../../../common/validate';
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
