import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chatZoneOf, timestampMs } from '../../../common/chat/timestamps';
import { outputDate, readDateMs, workflowZone } from '../../../common/dates';
import { limitField, limitOf, returnAllField } from '../../../common/fields';
import { incompleteList } from '../../../common/paginate';
import type { Operation } from '../../../common/router';
import { CREDENTIAL_NAME } from '../../../common/transport';
import { itemRequest } from '../../api';
import { sendingIdOf, sendingLocator, templateIdOf, templateLocator } from '../../helpers/locators';

/** Messages asked for at once when Return All is on; the spec declares no maximum (docs/platform-assumptions.md). */
const ALL_AT_ONCE = 1000;

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many chat history messages',
	description:
		'Read what the bot and the client wrote after a sending, with the status of each bot message (sent, delivered, read)',
	properties: [
		{
			displayName: 'History Of',
			name: 'source',
			type: 'options',
			options: [
				{
					name: 'Sending',
					value: 'sending',
					description:
						'One send to one client (the sendingId of Client → Send Event or Send Message)',
				},
				{ name: 'Template', value: 'template', description: 'Every send of a sending template' },
			],
			default: 'sending',
			description:
				'Whose messages to read: those after one sending, or after every send of a template',
		},
		{
			...sendingLocator(
				'The sending whose chat to read: pick one of the latest, or map the sendingId of Client → Send Event or Send Message',
			),
			displayOptions: { show: { source: ['sending'] } },
		},
		{
			...templateLocator,
			description:
				'The sending template whose sends to read: its ID or link (Template → Create returns both)',
			displayOptions: { show: { source: ['template'] } },
		},
		returnAllField,
		limitField,
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			default: '',
			description: 'Only messages from this time on; empty means from the sending on',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const source = this.getNodeParameter('source', itemIndex, 'sending') as string;
		const qs: IDataObject =
			source === 'template'
				? { eventSendingTemplateUuid: templateIdOf(this, itemIndex) }
				: { eventSendingInfoUuid: sendingIdOf(this, itemIndex) };
		const sinceMs =
			readDateMs(this, this.getNodeParameter('since', itemIndex, ''), itemIndex, 'Since') ?? 0;
		// `fromTimestamp` is a "Unix timestamp", seconds or milliseconds (docs/platform-assumptions.md): seconds are sent, and
		// messages before `since` are dropped here, so a server that reads milliseconds loses nothing.
		qs.fromTimestamp = Math.floor(sinceMs / 1000);
		const limit = limitOf(this, itemIndex);
		const ask = async (size: number) =>
			await itemRequest(this, itemIndex, 'chatHistory', { qs: { ...qs, limit: size } });
		let answer = await ask(limit ?? ALL_AT_ONCE);
		const countOf = (body: IDataObject) => ((body.messages ?? []) as IDataObject[]).length;
		// Return All: the list has no pages (no offset), so a second request asks for the whole total.
		if (limit === undefined && Number(answer.totalCount ?? 0) > countOf(answer))
			answer = await ask(Number(answer.totalCount));
		// A server that clamps `limit` cannot be paged past: fewer than it counts (up to Limit) fails.
		const total = Number(answer.totalCount ?? 0);
		const wanted = Math.min(limit ?? total, total);
		if (countOf(answer) < wanted)
			throw incompleteList(this.getNode(), {
				list: 'chat history',
				received: countOf(answer),
				total,
				reason: `${countOf(answer)} of ${wanted} messages`,
				description: `The platform counts ${total} messages but answered fewer for limit=${Math.max(limit ?? total, 1)}, and this list has no offset to ask for the rest. Set Since to read a shorter span.`,
			});
		const zone = workflowZone(this);
		// Zone-less times are the platform's, like the Chat API's (the credential's Chat Timestamps Zone).
		const platformZone = chatZoneOf(
			await this.getCredentials(CREDENTIAL_NAME, itemIndex),
			this.getNode(),
		);
		const messages = ((answer.messages ?? []) as IDataObject[]).filter((message) => {
			const at = timestampMs(message.timestamp, platformZone);
			return at === undefined || at >= sinceMs;
		});
		return messages.slice(0, limit).map((message) => ({
			...message,
			timestamp: outputDate(message.timestamp, zone, platformZone) as string,
		}));
	},
};
