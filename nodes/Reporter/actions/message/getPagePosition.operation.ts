import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { botField, locatorValue, projectOf, reporterOptions, sessionIdField } from '../../helpers/fields';

export const getPagePosition: Operation = {
	value: 'getPagePosition',
	name: 'Get Page Position',
	action: 'Get the page of a message',
	description: 'The page number on which a message appears in its session or client history, for a given page size',
	properties: [
		{
			displayName: 'In',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Session', value: 'session' },
				{ name: 'Client History', value: 'client' },
			],
			default: 'session',
		},
		{ displayName: 'Message ID (Question ID)', name: 'questionId', type: 'string', default: '', required: true },
		{ ...sessionIdField, displayOptions: { show: { source: ['session'] } } },
		{ ...botField, displayOptions: { show: { source: ['client'] } } },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true, displayOptions: { show: { source: ['client'] } } },
		{ displayName: 'Page Size', name: 'size', type: 'number', typeOptions: { minValue: 1 }, default: 20 },
		reporterOptions(),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const source = this.getNodeParameter('source', itemIndex) as string;
		const qs: IDataObject = {
			questionId: requiredString(this, 'questionId', itemIndex, 'Message ID (Question ID)'),
			size: this.getNodeParameter('size', itemIndex, 20) as number,
			projectShortName: await projectOf(this, itemIndex),
		};
		if (source === 'session') {
			qs.sessionId = requiredString(this, 'sessionId', itemIndex, 'Session ID');
			return { ...qs, ...(await itemRequest(this, itemIndex, 'pageInSession', { qs })) };
		}
		qs.botId = locatorValue(this, 'botId', itemIndex, 'Bot');
		qs.clientId = requiredString(this, 'clientId', itemIndex, 'Client ID');
		return { ...qs, ...(await itemRequest(this, itemIndex, 'pageInClient', { qs })) };
	},
};
