import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { templateIdOf, templateLocator } from '../../helpers/locators';
import { templateOut } from './common';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get template',
	description: 'Get a sending template: its channel, client, campaign, event or message',
	properties: [templateLocator],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const uuid = templateIdOf(this, itemIndex);
		return templateOut(
			this,
			uuid,
			await itemRequest(this, itemIndex, 'getTemplate', { pathParams: { uuid } }),
		);
	},
};
