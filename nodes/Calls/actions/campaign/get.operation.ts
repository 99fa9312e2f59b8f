import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { workflowZone } from '../../../common/dates';
import type { Operation } from '../../../common/router';
import { callsItemRequest, withReadableFields } from '../../api';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get the campaign',
	description: "Get the campaign of the credential's Calls API token: name, status, schedule and short report",
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const campaign = await callsItemRequest<IDataObject>(this, itemIndex, 'getCallTask');
		return withReadableFields(campaign ?? {}, workflowZone(this));
	},
};
