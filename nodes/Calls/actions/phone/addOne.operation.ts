import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { callsItemRequest, executionScope, idempotenceKeyFor, plainText } from '../../api';
import { checkedZone, payloadOf, phoneOf } from './policy';
import { payloadFields, phoneField } from './policyFields';

const RESERVED = new Set(['phone', 'gmtZone', 'Idempotence-Key']);

/** CRM methods take flat text parameters: nested payload values travel as JSON text. */
function flatPayload(ctx: IExecuteFunctions, itemIndex: number): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [key, value] of Object.entries(payloadOf(ctx, itemIndex) ?? {})) {
		if (RESERVED.has(key)) {
			const hint = key === 'Idempotence-Key' ? 'The platform reads a parameter of this name as its idempotence key: rename the field.' : 'Rename the field: phone and gmtZone are set above.';
			throw invalidInput(ctx, itemIndex, 'Payload', `uses the reserved name "${key}"`, hint);
		}
		if (value === undefined || value === null) continue;
		flat[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
	return flat;
}

export const addOne: Operation = {
	value: 'addOne',
	name: 'Add One (CRM)',
	action: 'Add one phone number the CRM way',
	description:
		'Add one number per item through the CRM method (flat parameters, payload fields as text); Test mode calls even numbers called recently',
	properties: [
		phoneField,
		{
			displayName: 'Time Zone',
			name: 'gmtZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. +03:30 or Europe/Berlin',
			description: "The callee's time zone: an offset or an IANA name. Empty: the zone of the phone number.",
		},
		...payloadFields,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Prevent Duplicate Calls',
					name: 'idempotent',
					type: 'boolean',
					default: true,
					description:
						'Whether to send an idempotence key derived from the number, its payload, the workflow and this node: a retry or re-run within 24 hours returns the same call job. In Test mode the key only covers retries within one execution.',
				},
				{
					displayName: 'Request Method',
					name: 'method',
					type: 'options',
					options: [
						{ name: 'POST (Form)', value: 'POST' },
						{ name: 'GET (Query String)', value: 'GET' },
					],
					default: 'POST',
					description: 'How the parameters travel; Test mode always uses GET',
				},
				{
					displayName: 'Test Mode',
					name: 'test',
					type: 'boolean',
					default: false,
					description: 'Whether to use the test method, which does not block repeated calls to the same number',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const phone = phoneOf(this, itemIndex);
		const zoneText = String(this.getNodeParameter('gmtZone', itemIndex, '') ?? '').trim();
		const gmtZone = zoneText ? checkedZone(zoneText) : undefined;
		if (zoneText && !gmtZone) {
			throw invalidInput(this, itemIndex, 'Time Zone', `"${zoneText}" is neither an offset from -18:00 to +18:00 nor an IANA zone name`);
		}
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const test = options.test === true;
		const params: Record<string, string> = { phone, ...(gmtZone ? { gmtZone } : {}), ...flatPayload(this, itemIndex) };
		const scope = test ? `crm-test:${executionScope(this, itemIndex)}` : 'crm';
		const idempotenceKey = options.idempotent === false ? undefined : idempotenceKeyFor(this, scope, params);
		const method = test ? 'GET' : ((options.method as string) ?? 'POST');

		// The key travels as a header only (specs/common.yml): on the GET, every query parameter
		// other than phone and gmtZone becomes a payload key the bot script receives.
		const request = method === 'GET'
			? { qs: params }
			: {
					body: new URLSearchParams(params).toString(),
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				};
		const route = test ? 'addPhoneGetTest' : method === 'GET' ? 'addPhoneGet' : 'addPhonePost';
		const body = await callsItemRequest<unknown>(this, itemIndex, route, {
			...request,
			idempotenceKey,
			responseType: 'text',
		});
		return { phone, callJobId: plainText(body), ...(test ? { test: true } : {}) };
	},
};
