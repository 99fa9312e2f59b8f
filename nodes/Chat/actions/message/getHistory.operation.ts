import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField, filtersCollection } from '../../../common/fields';
import { chatZoneOf } from '../../../common/chat/timestamps';
import { paginate } from '../../../common/paginate';
import type { Operation } from '../../../common/router';
import { CREDENTIAL_NAME } from '../../../common/transport';
import { invalidInput, toEpochMs } from '../../../common/validate';
import { EVENTS_PAGE_MAX, itemRequest } from '../../api';
import { inSpan, messagesOf } from '../../helpers/history';
import { clientIdField, clientIdOf } from '../../helpers/client';
import { unconfirmed } from '../../helpers/unconfirmed';

const SPAN =
	'the API pages do not name the time-span parameters; the node sends from and to, which the platform may ignore, and keeps only the messages stamped within them';

/**
 * The history answer as a list, whichever wrapper the platform uses; an answer in a shape the node
 * does not know comes out as one item, unchanged (not documented: platform-assumptions.md).
 */
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
		const limit = limitOf(this, itemIndex);
		const spanned = from !== undefined || to !== undefined;
		const messages = await paginate(
			async (_page, size, offset) =>
				messagesOf(
					await itemRequest(this, itemIndex, 'history', {
						pathParams: { clientId },
						qs: { from, to, offset, limit: size },
					}),
				),
			// With a time span the platform may ignore, every page is read and the span applied here.
			// No total is documented: without one, a short page ends the history (paginate).
			{
				limit: spanned ? undefined : limit,
				pageSize: EVENTS_PAGE_MAX,
				by: 'offset',
				list: 'chat history',
				node: this.getNode(),
			},
		);
		if (!spanned) return messages;
		const credentials = await this.getCredentials(CREDENTIAL_NAME, itemIndex);
		const zone = chatZoneOf(credentials, this.getNode());
		const kept = messages.filter((message) => inSpan(message, from, to, zone));
		return limit === undefined ? kept : kept.slice(0, limit);
	},
};
