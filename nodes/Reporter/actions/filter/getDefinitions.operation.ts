import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { languageHeader } from '../../helpers/headers';
import { languageField, sectionField } from './common';

export const getDefinitions: Operation = {
	value: 'getDefinitions',
	name: 'Get Definitions',
	action: 'Get filter definitions',
	description:
		'Which filters an Analytics page offers, with their key, type and settings: one item per filter (the keys and types Filters → Other (JSON) takes)',
	properties: [sectionField, languageField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const analyticsSection = this.getNodeParameter('analyticsSection', itemIndex) as string;
		const headers = languageHeader(this.getNodeParameter('language', itemIndex, ''));
		return await itemRequest<IDataObject[]>(this, itemIndex, 'filters', {
			qs: { analyticsSection },
			headers,
		});
	},
};
