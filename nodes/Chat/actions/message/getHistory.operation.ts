import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField, filtersCollection } from '../../../common/fields';
import { paginate } from '../../../common/paginate';
import type { Operation } from '../../../common/router';
import { invalidInput, toEpochMs } from '../../../common/validate';
import { EVENTS_PAGE_MAX, itemRequest } from '../../api';
import { messagesOf } from '../../helpers/history';
import { clientIdField, clientIdOf } from '../../helpers/client';
import { unconfirmed } from '../../helpers/unconfirmed';

const SPAN =
	'the API pages do not name the time-span parameters; the node sends from and to, which the platform may ignore';

/** The history answer as a list, whichever wrapper the platform uses (not documented: platform-assumptions.md). */
export const getHistory: Operation = {
	value: 'getHistory',
	name: 'Get History',
	action: 'Get client history',
	description:
		'Get the messages exchanged with one client, within a time span or for all the time available',
	properties: [
		clientIdField,
		returnAllField,
		limitField,
		filtersCollection('Which messages to return', [
			unconfirmed(
				{
					displayName: 'From',
					name: 'from',
					type: 'dateTime',
					default: '',
					description: 'Only messages at or after this time',
				},
				SPAN,
			),
			unconfirmed(
				{
					displayName: 'To',
					name: 'to',
					type: 'dateTime',
					default: '',
					description: 'Only messages before this time',
				},
				SPAN,
			),
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clientId = clientIdOf(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const from = toEpochMs(this, filters.from, itemIndex, 'From');
		const to = toEpochMs(this, filters.to, itemIndex, 'To');
		if (from !== undefined && to !== undefined && from > to) {
			throw invalidInput(this, itemIndex, 'From', 'is after To', 'Swap the two dates.');
		}
		return await paginate(
			async (_page, size, offset) =>
				messagesOf(
					await itemRequest(this, itemIndex, 'history', {
						pathParams: { clientId },
						qs: { from, to, offset, limit: size },
					}),
				),
			{ limit: limitOf(this, itemIndex), pageSize: EVENTS_PAGE_MAX },
		);
	},
};
