import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import {
	botField,
	clientIdField,
	locatorValue,
	questionIdField,
	sessionIdField,
} from '../../helpers/pickers';
import { projectOf, reporterOptions } from '../../helpers/project';

const inSession = { show: { source: ['session'] } };
const inClient = { show: { source: ['client'] } };

export const getPagePosition: Operation = {
	value: 'getPagePosition',
	name: 'Get Page Position',
	action: 'Get message page',
	description:
		'The page number on which a message appears in its session or client history, for a given page size (to read the messages around it with Message → Get Many)',
	properties: [
		{
			displayName: 'In',
			name: 'source',
			type: 'options',
			options: [
				{
					name: 'Client History',
					value: 'client',
					description: 'All messages of the client with one bot',
				},
				{ name: 'Session', value: 'session', description: 'The messages of the message’s session' },
			],
			default: 'session',
			description: 'Which list of messages the page belongs to',
		},
		questionIdField,
		{ ...sessionIdField, displayOptions: inSession },
		{ ...botField, displayOptions: inClient },
		{ ...clientIdField, displayOptions: inClient },
		{
			displayName: 'Page Size',
			name: 'size',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			description: 'How many messages one page holds',
		},
		reporterOptions(),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const source = this.getNodeParameter('source', itemIndex) as string;
		const qs: IDataObject = {
			questionId: locatorValue(this, 'questionId', itemIndex, 'Message'),
			size: this.getNodeParameter('size', itemIndex, 20) as number,
			projectShortName: await projectOf(this, itemIndex),
		};
		if (source === 'session') {
			qs.sessionId = locatorValue(this, 'sessionId', itemIndex, 'Session');
			return { ...qs, ...(await itemRequest(this, itemIndex, 'pageInSession', { qs })) };
		}
		qs.botId = locatorValue(this, 'botId', itemIndex, 'Bot');
		qs.clientId = locatorValue(this, 'clientId', itemIndex, 'Client');
		return { ...qs, ...(await itemRequest(this, itemIndex, 'pageInClient', { qs })) };
	},
};
