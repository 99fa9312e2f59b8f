import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField, simplifyField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { pagedList } from '../../api';
import { toDateTime } from '../../helpers/dates';
import { botField, listOf, locatorValue, projectOf, reporterOptions, sessionIdField } from '../../helpers/fields';
import { filterFields, filtersBody } from '../../helpers/filters';
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
	description: 'List messages by filters, of one session, or of one client',
	properties: [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Filters', value: 'filter', description: 'Messages of the project that match the filters' },
				{ name: 'Session', value: 'session', description: 'Messages of one session' },
				{ name: 'Client', value: 'client', description: 'Messages of one client of a bot' },
			],
			default: 'filter',
		},
		{ ...sessionIdField, displayOptions: bySession },
		{ ...botField, displayOptions: byClient },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true, displayOptions: byClient },
		returnAllField,
		limitField,
		...filterFields.map((field) => ({ ...field, displayOptions: { show: { source: ['filter'] } } })),
		simplifyField,
		reporterOptions([
			{ displayName: 'Channel Type', name: 'channelType', type: 'string', default: '', displayOptions: inClient },
			{ displayName: 'Custom Fields (JSON Paths)', name: 'responseDataJsonPath', type: 'string', default: '', placeholder: 'e.g. $.replies[0].text', description: 'Comma-separated JSON paths into the response data, copied into customFields', displayOptions: inSession },
			{ displayName: 'From', name: 'startTime', type: 'dateTime', default: '', displayOptions: inSessionOrClient },
			{ displayName: 'Hide Empty Messages', name: 'hideEmptyMessage', type: 'boolean', default: false, description: 'Whether to skip messages without text', displayOptions: inSession },
			{ displayName: 'Newest First', name: 'newestFirst', type: 'boolean', default: false, description: 'Whether to sort by time descending', displayOptions: inClient },
			{ displayName: 'To', name: 'endTime', type: 'dateTime', default: '', displayOptions: inClient },
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const source = this.getNodeParameter('source', itemIndex) as string;
		const limit = limitOf(this, itemIndex);
		const projectShortName = await projectOf(this, itemIndex);
		let messages: IDataObject[];
		if (source === 'filter') {
			const body = filtersBody(this, itemIndex);
			messages = await pagedList(this, itemIndex, 'messagesFilter', 'messages', { qs: { projectShortName }, body }, limit);
		} else {
			const o = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const qs: IDataObject = { projectShortName, startTime: toDateTime(this, o.startTime, itemIndex, 'From') };
			if (source === 'session') {
				qs.sessionId = requiredString(this, 'sessionId', itemIndex, 'Session ID');
				if (o.responseDataJsonPath) qs.responseDataJsonPath = listOf(o.responseDataJsonPath);
				if (o.hideEmptyMessage) qs.hideEmptyMessage = true;
			} else {
				qs.botId = locatorValue(this, 'botId', itemIndex, 'Bot');
				qs.clientId = requiredString(this, 'clientId', itemIndex, 'Client ID');
				qs.endTime = toDateTime(this, o.endTime, itemIndex, 'To');
				if (o.newestFirst !== undefined) qs.sort = o.newestFirst ? 'desc' : 'asc';
				if (o.channelType) qs.channelType = o.channelType;
			}
			const route = source === 'session' ? 'messagesBySession' : 'messagesByClient';
			messages = await pagedList(this, itemIndex, route, 'messages', { qs }, limit);
		}
		return this.getNodeParameter('simplify', itemIndex, true) ? messages.map(simplifyMessage) : messages;
	},
};
