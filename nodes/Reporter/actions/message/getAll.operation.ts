import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	limitField,
	limitOf,
	returnAllField,
	simplifyField,
	simplifyOf,
} from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { listOf, requiredString } from '../../../common/validate';
import { toDateTime } from '../../helpers/dates';
import { filtersBody, filtersField } from '../../helpers/filters';
import { reporterList } from '../../helpers/paging';
import { botField, clientIdField, locatorValue, sessionIdField } from '../../helpers/pickers';
import { projectOf, reporterOptions } from '../../helpers/project';
import { simplifyMessage } from '../../helpers/simplify';

const bySession = { show: { source: ['session'] } };
const byClient = { show: { source: ['client'] } };
// Inside the Options collection, the root parameter is addressed as `/source`.
const inSession = { show: { '/source': ['session'] } };
const inClient = { show: { '/source': ['client'] } };
const inSessionOrClient = { show: { '/source': ['session', 'client'] } };

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many messages',
	description:
		'List messages (client requests with the bot replies) that match filters, of one session, or of one client',
	properties: [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Client', value: 'client', description: 'Messages of one client of a bot' },
				{
					name: 'Filters',
					value: 'filter',
					description: 'Messages of the project that match the filters',
				},
				{ name: 'Session', value: 'session', description: 'Messages of one session' },
			],
			default: 'filter',
			description: 'Which messages to list',
		},
		{ ...sessionIdField, displayOptions: bySession },
		{ ...botField, displayOptions: byClient },
		{ ...clientIdField, displayOptions: byClient },
		returnAllField,
		limitField,
		filtersField({ show: { source: ['filter'] } }),
		simplifyField,
		reporterOptions([
			{
				displayName: 'Channel Type',
				name: 'channelType',
				type: 'string',
				default: '',
				placeholder: 'e.g. telegram',
				description: 'Only messages of this channel type',
				displayOptions: inClient,
			},
			{
				displayName: 'Custom Fields (JSON Paths)',
				name: 'responseDataJsonPath',
				type: 'string',
				default: '',
				placeholder: 'e.g. $.replies[0].text',
				description: 'Comma-separated JSON paths into the bot reply data, copied into customFields',
				displayOptions: inSession,
			},
			{
				displayName: 'From',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'Only messages from this time on',
				displayOptions: inSessionOrClient,
			},
			{
				displayName: 'Hide Empty Messages',
				name: 'hideEmptyMessage',
				type: 'boolean',
				default: false,
				description: 'Whether to skip messages without text',
				displayOptions: inSession,
			},
			{
				displayName: 'Newest First',
				name: 'newestFirst',
				type: 'boolean',
				default: false,
				description: 'Whether to sort by time descending',
				displayOptions: inClient,
			},
			{
				displayName: 'To',
				name: 'endTime',
				type: 'dateTime',
				default: '',
				description: 'Only messages up to this time',
				displayOptions: inClient,
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const source = this.getNodeParameter('source', itemIndex) as string;
		const limit = limitOf(this, itemIndex);
		const projectShortName = await projectOf(this, itemIndex);
		let messages: IDataObject[];
		if (source === 'filter') {
			const body = filtersBody(this, itemIndex);
			messages = await reporterList(
				this,
				itemIndex,
				'messagesFilter',
				'messages',
				{ qs: { projectShortName }, body },
				limit,
			);
		} else {
			const o = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const qs: IDataObject = {
				projectShortName,
				startTime: toDateTime(this, o.startTime, itemIndex, 'From'),
			};
			if (source === 'session') {
				qs.sessionId = requiredString(this, 'sessionId', itemIndex, 'Session ID');
				if (o.responseDataJsonPath)
					qs.responseDataJsonPath = listOf(
						this,
						itemIndex,
						o.responseDataJsonPath,
						'Custom Fields (JSON Paths)',
						/[,\r\n]+/,
					);
				if (o.hideEmptyMessage) qs.hideEmptyMessage = true;
			} else {
				qs.botId = locatorValue(this, 'botId', itemIndex, 'Bot');
				qs.clientId = requiredString(this, 'clientId', itemIndex, 'Client ID');
				qs.endTime = toDateTime(this, o.endTime, itemIndex, 'To');
				if (o.newestFirst !== undefined) qs.sort = o.newestFirst ? 'desc' : 'asc';
				if (o.channelType) qs.channelType = o.channelType;
			}
			const route = source === 'session' ? 'messagesBySession' : 'messagesByClient';
			messages = await reporterList(this, itemIndex, route, 'messages', { qs }, limit);
		}
		return simplifyOf(this, itemIndex) ? messages.map(simplifyMessage) : messages;
	},
};
