import type { IExecuteFunctions } from 'n8n-workflow';

import { limitField, returnAllField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { dateFilterField, dateFilterOf, reportPages } from '../fields';

export const getMany: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many call jobs by date',
	description: 'List call jobs created or finished in a time range, one item per call job (pages of 200)',
	properties: [
		returnAllField,
		limitField,
		dateFilterField([
			['createdAtFrom', 'Created After'],
			['createdAtTo', 'Created Before'],
			['finishedAtFrom', 'Finished After'],
			['finishedAtTo', 'Finished Before'],
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await reportPages(this, itemIndex, 'getCallJobReportByDate', dateFilterOf(this, itemIndex));
	},
};
