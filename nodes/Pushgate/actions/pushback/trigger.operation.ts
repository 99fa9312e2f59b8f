import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { fireItem, pushbackFields } from './fields';

export const trigger: Operation = {
	value: 'trigger',
	name: 'Trigger',
	action: 'Trigger a pushback',
	description: 'Fire the bot event behind a pushback, with or without event data',
	properties: pushbackFields,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await fireItem(this, itemIndex);
	},
};
