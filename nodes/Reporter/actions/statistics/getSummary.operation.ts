import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { optionalString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { requiredDate, toDateOnly } from '../../helpers/dates';
import { headersOf, timeZoneOption } from '../../helpers/headers';
import { botIdsField, botIdsOf } from '../../helpers/pickers';
import { projectOf, reporterOptions } from '../../helpers/project';
import { perInterval, telephonyPerDay } from './common';

const dated = { show: { metric: ['switchedSessions', 'telephony'] } };
// Inside the Options collection, the root parameter is addressed as `/metric`.
const datedOption = { show: { '/metric': dated.show.metric } };

export const getSummary: Operation = {
	value: 'getSummary',
	name: 'Get Summary',
	action: 'Get summary statistics',
	description:
		'Sessions transferred to an agent per day, calls per day (incoming, outgoing, billed), or unique clients per project. One item per day (intervalStart: ISO date in the workflow time zone) or per project.',
	properties: [
		{
			displayName: 'Metric',
			name: 'metric',
			type: 'options',
			options: [
				{
					name: 'Sessions Transferred to Agent',
					value: 'switchedSessions',
					description: 'Per day',
				},
				{
					name: 'Telephony',
					value: 'telephony',
					description: 'Incoming, outgoing and billed calls per day, and the average call duration',
				},
				{
					name: 'Unique Clients',
					value: 'uniqueClients',
					description: 'Per project of the account, for all time',
				},
			],
			default: 'switchedSessions',
			description: 'What to count',
		},
		{
			displayName: 'Date From',
			name: 'dateFrom',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: dated,
			description: 'First day counted (its date in the workflow time zone)',
		},
		{
			displayName: 'Date To',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: dated,
			description: 'Last day counted (its date in the workflow time zone)',
		},
		{ ...botIdsField, displayOptions: dated },
		{
			displayName: 'Transfer Detected By',
			name: 'transferToOperatorMethod',
			type: 'options',
			options: [
				{
					name: 'Bot Answer Text',
					value: 'TEXT',
					description: 'A bot answer with the text below counts as a transfer',
				},
				{
					name: 'Transfer to Agent',
					value: 'SWITCH',
					description: 'The script transferred the session to an agent',
				},
			],
			default: 'SWITCH',
			displayOptions: { show: { metric: ['switchedSessions'] } },
			description: 'How the platform tells that a session was transferred to an agent',
		},
		{
			displayName: 'Text for Transfer',
			name: 'textForTransfer',
			type: 'string',
			default: '',
			placeholder: 'e.g. Connecting you to an agent',
			displayOptions: {
				show: { metric: ['switchedSessions'], transferToOperatorMethod: ['TEXT'] },
			},
			description: 'The bot answer that means a transfer',
		},
		reporterOptions([{ ...timeZoneOption, displayOptions: datedOption }]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const metric = this.getNodeParameter('metric', itemIndex) as string;
		const projectShortName = await projectOf(this, itemIndex);
		if (metric === 'uniqueClients') {
			return await itemRequest<IDataObject[]>(this, itemIndex, 'uniqueClients', {
				qs: { projectShortName },
			});
		}
		const qs: IDataObject = {
			projectShortName,
			dateFrom: requiredDate(toDateOnly, this, 'dateFrom', itemIndex, 'Date From'),
			dateTo: requiredDate(toDateOnly, this, 'dateTo', itemIndex, 'Date To'),
		};
		const botIds = botIdsOf(this, itemIndex);
		if (botIds.length) qs.botIds = botIds;
		const headers = headersOf(
			this,
			itemIndex,
			this.getNodeParameter('options', itemIndex, {}) as IDataObject,
		);
		if (metric === 'telephony')
			return telephonyPerDay(
				this,
				await itemRequest(this, itemIndex, 'telephonyStats', { qs, headers }),
			);
		qs.transferToOperatorMethod = this.getNodeParameter(
			'transferToOperatorMethod',
			itemIndex,
		) as string;
		if (qs.transferToOperatorMethod === 'TEXT')
			qs.textForTransfer = optionalString(this, 'textForTransfer', itemIndex);
		const answer = await itemRequest(this, itemIndex, 'switchedSessions', { qs, headers });
		return perInterval(this, answer.stats, { filterSetId: answer.filterSetId });
	},
};
