import type { IExecuteFunctions } from 'n8n-workflow';

import {
	limitField,
	limitOf,
	returnAllField,
	simplifyField,
	simplifyOf,
} from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { requiredDate, toDateTime } from '../../helpers/dates';
import { reporterList } from '../../helpers/paging';
import { botField, locatorValue } from '../../helpers/pickers';
import { projectOf, reporterOptions } from '../../helpers/project';
import { simplifyClient } from '../../helpers/simplify';

export const getAllForBot: Operation = {
	value: 'getAllForBot',
	name: 'Get Many for Bot',
	action: 'Get bot clients',
	description: 'List every client of one bot who joined before a date',
	properties: [
		botField,
		{
			displayName: 'Joined Before',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Only clients who first wrote to the bot up to this time',
		},
		returnAllField,
		limitField,
		simplifyField,
		reporterOptions(),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const botId = locatorValue(this, 'botId', itemIndex, 'Bot');
		const dateTo = requiredDate(toDateTime, this, 'dateTo', itemIndex, 'Joined Before');
		const qs = { projectShortName: await projectOf(this, itemIndex, true), botId, dateTo };
		const clients = await reporterList(
			this,
			itemIndex,
			'clientsForBot',
			'clients',
			{ qs },
			limitOf(this, itemIndex),
		);
		return simplifyOf(this, itemIndex) ? clients.map(simplifyClient) : clients;
	},
};
