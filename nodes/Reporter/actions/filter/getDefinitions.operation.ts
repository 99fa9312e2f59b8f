import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { languageField, languageHeader, sectionField } from './shared';

export const getDefinitions: Operation = {
	value: 'getDefinitions',
	name: 'Get Definitions',
	action: 'Get filter definitions',
	description: 'Which filter keys an analytics section offers, with their type and settings (one item per filter)',
	properties: [sectionField, languageField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const analyticsSection = this.getNodeParameter('analyticsSection', itemIndex) as string;
		const headers = languageHeader(this.getNodeParameter('language', itemIndex, ''));
		return await itemRequest<IDataObject[]>(this, itemIndex, 'filters', { qs: { analyticsSection }, headers });
	},
};
