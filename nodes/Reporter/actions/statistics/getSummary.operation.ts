import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { optionalString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { requiredDate, toDateOnly } from '../../helpers/dates';
import { botIdsField, headerOptions, headersOf, listOf, projectOf, reporterOptions } from '../../helpers/fields';

const dated = { show: { metric: ['switchedSessions', 'telephony'] } };
// Inside the Options collection, the root parameter is addressed as `/metric`.
const datedOption = { show: { '/metric': dated.show.metric } };

export const getSummary: Operation = {
	value: 'getSummary',
	name: 'Get Summary',
	action: 'Get summary statistics',
	description: 'Sessions switched to an agent per day, telephony figures, or unique clients per project',
	properties: [
		{
			displayName: 'Metric',
			name: 'metric',
			type: 'options',
			options: [
				{ name: 'Sessions Switched to Agent', value: 'switchedSessions', description: 'Per day' },
				{ name: 'Telephony', value: 'telephony', description: 'Calls in, out, billed, and average duration' },
				{ name: 'Unique Clients', value: 'uniqueClients', description: 'Per project of the account' },
			],
			default: 'switchedSessions',
		},
		{ displayName: 'Date From', name: 'dateFrom', type: 'dateTime', default: '', required: true, displayOptions: dated, description: 'First day (sent as YYYY-MM-DD)' },
		{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', default: '', required: true, displayOptions: dated, description: 'Last day (sent as YYYY-MM-DD)' },
		{ ...botIdsField, displayOptions: dated },
		{
			displayName: 'Transfer Detected By',
			name: 'transferToOperatorMethod',
			type: 'options',
			options: [
				{ name: 'Switch to Agent', value: 'SWITCH' },
				{ name: 'Bot Answer Text', value: 'TEXT', description: 'A bot answer with the text below counts as a transfer' },
			],
			default: 'SWITCH',
			displayOptions: { show: { metric: ['switchedSessions'] } },
		},
		{
			displayName: 'Text for Transfer',
			name: 'textForTransfer',
			type: 'string',
			default: '',
			displayOptions: { show: { metric: ['switchedSessions'], transferToOperatorMethod: ['TEXT'] } },
		},
		reporterOptions([{ ...headerOptions[0], displayOptions: datedOption }]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const metric = this.getNodeParameter('metric', itemIndex) as string;
		const projectShortName = await projectOf(this, itemIndex);
		if (metric === 'uniqueClients') {
			return await itemRequest<IDataObject[]>(this, itemIndex, 'uniqueClients', { qs: { projectShortName } });
		}
		const qs: IDataObject = {
			projectShortName,
			dateFrom: requiredDate(toDateOnly, this, 'dateFrom', itemIndex, 'Date From'),
			dateTo: requiredDate(toDateOnly, this, 'dateTo', itemIndex, 'Date To'),
		};
		const botIds = listOf(this.getNodeParameter('botIds', itemIndex, ''));
		if (botIds.length) qs.botIds = botIds;
		const headers = headersOf(this.getNodeParameter('options', itemIndex, {}) as IDataObject);
		if (metric === 'telephony') return await itemRequest(this, itemIndex, 'telephonyStats', { qs, headers });
		qs.transferToOperatorMethod = this.getNodeParameter('transferToOperatorMethod', itemIndex) as string;
		if (qs.transferToOperatorMethod === 'TEXT') qs.textForTransfer = optionalString(this, 'textForTransfer', itemIndex);
		return await itemRequest(this, itemIndex, 'switchedSessions', { qs, headers });
	},
};
