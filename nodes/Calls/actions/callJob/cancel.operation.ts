import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { callsItemRequest } from '../../api';
import { executionScope, idempotenceKeyFor } from '../../helpers/idempotence';
import { idsAndPhonesFields, idsAndPhonesOf } from '../../helpers/reports';

export const cancel: Operation = {
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel call jobs',
	description:
		'Cancel call jobs by ID and/or phone number: ongoing calls finish, no new attempts start. Works for numbers added through the API.',
	properties: idsAndPhonesFields,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const selection = idsAndPhonesOf(this, itemIndex);
		const cancelled = await callsItemRequest<unknown[]>(this, itemIndex, 'cancelCallJob', {
			body: selection,
			// Cancelling is a state change that can be repeated; the key makes the repeat explicit.
			idempotenceKey: idempotenceKeyFor(
				this,
				`cancel:${executionScope(this, itemIndex)}`,
				selection,
			),
		});
		const ids = (Array.isArray(cancelled) ? cancelled : []).map(String);
		return { cancelledIds: ids, count: ids.length, requested: selection };
	},
};
