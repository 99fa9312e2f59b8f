import type { IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { pagedList } from '../../api';
import { requiredDate, toDateTime } from '../../helpers/dates';
import { botField, locatorValue, projectOf, reporterOptions } from '../../helpers/fields';

export const getAllForBot: Operation = {
	value: 'getAllForBot',
	name: 'Get Many for Bot',
	action: 'Get many clients of a bot',
	description: 'List every client of one bot who joined before a date',
	properties: [
		botField,
		{ displayName: 'Joined Before', name: 'dateTo', type: 'dateTime', default: '', required: true, description: 'Clients who joined up to this time' },
		returnAllField,
		limitField,
		reporterOptions(),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const botId = locatorValue(this, 'botId', itemIndex, 'Bot');
		const dateTo = requiredDate(toDateTime, this, 'dateTo', itemIndex, 'Joined Before');
		const qs = { projectShortName: await projectOf(this, itemIndex, true), botId, dateTo };
		return await pagedList(this, itemIndex, 'clientsForBot', 'clients', { qs }, limitOf(this, itemIndex));
	},
};
