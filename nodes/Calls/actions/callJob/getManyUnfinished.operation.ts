import type { IExecuteFunctions } from 'n8n-workflow';

import { limitField, returnAllField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { reportPages } from '../fields';

export const getManyUnfinished: Operation = {
	value: 'getManyUnfinished',
	name: 'Get Many Unfinished',
	action: 'Get many unfinished call jobs',
	description: 'List call jobs that are not finished yet, one item per call job (pages of 200)',
	properties: [returnAllField, limitField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await reportPages(this, itemIndex, 'getCallJobReportUnfinished', undefined);
	},
};
