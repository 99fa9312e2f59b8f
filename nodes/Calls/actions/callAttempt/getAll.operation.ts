import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, returnAllField, simplifyField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import type { DateFilter } from '../../helpers/reports';
import { dateFilterOf, filtersField, reportPages } from '../../helpers/reports';

const DATES: DateFilter[] = [
	['startedAtFrom', 'Started After', 'Only call attempts whose talk started after this time'],
	['startedAtTo', 'Started Before', 'Only call attempts whose talk started before this time'],
	['finishedAtFrom', 'Finished After', 'Only call attempts finished after this time'],
	['finishedAtTo', 'Finished Before', 'Only call attempts finished before this time'],
];

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many call attempts',
	description:
		'List call attempts of the campaign started or finished in a time range, one item per attempt',
	properties: [returnAllField, limitField, filtersField(DATES), simplifyField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		return await reportPages(
			this,
			itemIndex,
			'getCallAttemptReportByDate',
			dateFilterOf(this, itemIndex, filters, DATES),
		);
	},
};
