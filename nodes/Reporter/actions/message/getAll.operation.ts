import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	limitField,
	limitOf,
	returnAllField,
	simplifyField,
	simplifyOf,
} from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { listOf } from '../../../common/validate';
import { toDateTime } from '../../helpers/dates';
import { filtersField } from '../../helpers/filterFields';
import { filtersBody } from '../../helpers/filters';
import { reporterList } from '../../helpers/paging';
import { botField, clientIdField, locatorValue, sessionIdField } from '../../helpers/pickers';
import { projectOf, reporterOptions } from '../../helpers/project';
import { simplifyMessage } from '../../helpers/simplify';
import { messageListOptions } from './common';

const bySession = { show: { source: ['session'] } };
const byClient = { show: { source: ['client'] } };

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
		reporterOptions(messageListOptions),
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
				qs.sessionId = locatorValue(this, 'sessionId', itemIndex, 'Session');
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
				qs.clientId = locatorValue(this, 'clientId', itemIndex, 'Client');
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
