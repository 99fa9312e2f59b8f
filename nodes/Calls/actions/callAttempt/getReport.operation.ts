import type { IExecuteFunctions } from 'n8n-workflow';

import { simplifyField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { callsItemRequest } from '../../api';
import { idsAndPhonesFields, idsAndPhonesOf, reportOutput } from '../../helpers/reports';

export const getReport: Operation = {
	value: 'getReport',
	name: 'Get Report',
	action: 'Get call attempt report',
	description:
		'Get every call attempt of call jobs by ID and/or phone number, one item per attempt: result, duration, times',
	properties: [...idsAndPhonesFields, simplifyField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const selection = idsAndPhonesOf(this, itemIndex);
		return reportOutput(
			this,
			itemIndex,
			await callsItemRequest<unknown>(this, itemIndex, 'getCallAttemptReport', { body: selection }),
		);
	},
};
