import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { workflowZone } from '../../../common/dates';
import type { Operation } from '../../../common/router';
import { callsItemRequest } from '../../api';
import { withReadableFields } from '../../helpers/output';
import { CAMPAIGN_OF_TOKEN } from './common';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get campaign',
	description: `Get the campaign's name, status, schedule and short report. ${CAMPAIGN_OF_TOKEN}.`,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const campaign = await callsItemRequest<IDataObject>(this, itemIndex, 'getCallTask');
		return withReadableFields(campaign ?? {}, workflowZone(this));
	},
};
