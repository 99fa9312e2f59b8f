import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { callsItemRequest } from '../../api';
import { checkedZone } from '../../helpers/callPolicy';
import { executionScope, idempotenceKeyFor } from '../../helpers/idempotence';
import { plainText } from '../../helpers/output';
import { payloadFields, payloadOf, phoneField, phoneOf } from './common';
import { optionsCollection } from '../../../common/fields';

const RESERVED = new Set(['phone', 'gmtZone', 'Idempotence-Key']);

/** CRM methods take flat text parameters: nested payload values travel as JSON text. */
function flatPayload(ctx: IExecuteFunctions, itemIndex: number): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [key, value] of Object.entries(payloadOf(ctx, itemIndex) ?? {})) {
		if (RESERVED.has(key)) {
			const hint =
				key === 'Idempotence-Key'
					? 'The platform reads a parameter of this name as its idempotence key: rename the field.'
					: 'Rename the field: phone and gmtZone are set above.';
			throw invalidInput(ctx, itemIndex, 'Payload', `uses the reserved name "${key}"`, hint);
		}
		if (value === undefined || value === null) continue;
		flat[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
	return flat;
}

export const addCrm: Operation = {
	acts: true,
	value: 'addCrm',
	name: 'Add Number (CRM Format)',
	action: 'Add number in CRM format',
	description:
		'Add one number per item the way CRM integrations do: phone, time zone and payload as plain text fields, no call policy (the campaign settings apply). Test Mode lets the same number be added again.',
	properties: [
		phoneField,
		{
			displayName: 'Time Zone',
			name: 'gmtZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. +03:30 or Europe/Berlin',
			description:
				"The callee's time zone: an offset from -18:00 to +18:00 or a zone name. Empty: the zone of the phone number.",
		},
		...payloadFields,
		optionsCollection('How the number is sent', [
			{
				// `method`: POST (form body) or GET (query string), both `addPhone` routes of the spec.
				displayName: 'Data Format',
				name: 'method',
				type: 'options',
				options: [
					{
						name: 'Form Fields',
						value: 'POST',
						description: 'As a web form sends them; suits most payloads',
					},
					{
						name: 'Link Parameters',
						value: 'GET',
						description:
							'Written into the link, as a CRM that only opens links does; keep payloads short',
					},
				],
				default: 'POST',
				description:
					'How the number and its payload reach the platform; both add the same call job. Test Mode always uses link parameters.',
			},
			{
				displayName: 'Prevent Duplicate Calls',
				name: 'idempotent',
				type: 'boolean',
				default: true,
				description:
					'Whether a retry or a re-run within 24 hours returns the same call job instead of calling again (the request carries a key made from the number, its payload, the workflow and this node). In Test Mode the key only covers retries within one execution.',
			},
			{
				displayName: 'Test Mode',
				name: 'test',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the number through the test method, which accepts a number called recently again',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const phone = phoneOf(this, itemIndex);
		const zoneText = String(this.getNodeParameter('gmtZone', itemIndex, '') ?? '').trim();
		const gmtZone = zoneText ? checkedZone(zoneText) : undefined;
		if (zoneText && !gmtZone) {
			throw invalidInput(
				this,
				itemIndex,
				'Time Zone',
				`"${zoneText}" is neither an offset from -18:00 to +18:00 nor an IANA zone name`,
			);
		}
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const test = options.test === true;
		const params: Record<string, string> = {
			phone,
			...(gmtZone ? { gmtZone } : {}),
			...flatPayload(this, itemIndex),
		};
		const scope = test ? `crm-test:${executionScope(this, itemIndex)}` : 'crm';
		const idempotenceKey =
			options.idempotent === false ? undefined : idempotenceKeyFor(this, scope, params);
		const method = test ? 'GET' : ((options.method as string) ?? 'POST');

		// The key travels as a header only (docs/platform-assumptions.md): on the GET, every query
		// parameter other than phone and gmtZone becomes a payload key the bot script receives.
		const request =
			method === 'GET'
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
