import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { workflowZone } from '../../../common/dates';
import type { Operation } from '../../../common/router';
import { callsItemRequest, withReadableFields } from '../../api';
import { idsAndPhonesFields, idsAndPhonesOf } from '../fields';

export const getReport: Operation = {
	value: 'getReport',
	name: 'Get Report',
	action: 'Get a call attempt report',
	description: 'Get every call attempt of call jobs by ID and/or phone number; one item per attempt',
	properties: idsAndPhonesFields,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const selection = idsAndPhonesOf(this, itemIndex);
		const reports = await callsItemRequest<IDataObject[]>(this, itemIndex, 'getCallAttemptReport', { body: selection });
		const zone = workflowZone(this);
		return (Array.isArray(reports) ? reports : []).map((report) => withReadableFields(report, zone));
	},
};
