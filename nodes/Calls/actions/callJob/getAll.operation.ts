import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, returnAllField, simplifyField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import type { DateFilter } from '../../helpers/reports';
import { dateFilterOf, filtersField, reportPages } from '../../helpers/reports';

const DATES: DateFilter[] = [
	['createdAtFrom', 'Created After', 'Only call jobs created (number added) after this time'],
	['createdAtTo', 'Created Before', 'Only call jobs created (number added) before this time'],
	['finishedAtFrom', 'Finished After', 'Only call jobs finished after this time'],
	['finishedAtTo', 'Finished Before', 'Only call jobs finished before this time'],
];

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many call jobs',
	description:
		'List call jobs of the campaign with their results, one item per call job: by creation or finish time, or only those not finished yet',
	properties: [
		returnAllField,
		limitField,
		filtersField(DATES, [
			{
				displayName: 'Unfinished Only',
				name: 'unfinishedOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether to list only call jobs not finished yet (planned, being called or waiting for a redial). The platform lists these without dates: the date filters cannot be combined with it.',
			},
		]),
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const dates = dateFilterOf(this, itemIndex, filters, DATES);
		if (filters.unfinishedOnly === true) {
			if (Object.keys(dates).length) {
				throw invalidInput(
					this,
					itemIndex,
					'Filters',
					'combine Unfinished Only with dates',
					'The platform lists unfinished call jobs without date filters: remove the dates, or filter the output with a Filter node.',
				);
			}
			return await reportPages(this, itemIndex, 'getCallJobReportUnfinished', undefined);
		}
		return await reportPages(this, itemIndex, 'getCallJobReportByDate', dates);
	},
};
