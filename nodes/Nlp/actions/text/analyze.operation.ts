import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { phraseOf, phraseOptions, textField } from './common';

export const analyze: Operation = {
	value: 'analyze',
	name: 'Analyze',
	action: 'Analyze phrase',
	description: 'Markup, entities and intents of a phrase in one call',
	properties: [
		textField,
		phraseOptions([
			{
				displayName: 'Number of Variants',
				name: 'nBest',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 1,
				description: 'How many candidate intents to return, best first',
			},
			{
				displayName: 'Show All Entities',
				name: 'showAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return every entity found, also overlapping ones',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 5,
				description: 'How long the platform may take before it answers with what it has',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { text, options, headers, clientId } = phraseOf(this, itemIndex);
		const body = {
			data: { phrase: { text }, nBest: Number(options.nBest ?? 1), clientId },
			showAll: options.showAll === true,
			timeout:
				options.timeout === undefined ? undefined : Math.round(Number(options.timeout) * 1000),
		};
		const answer = await itemRequest<IDataObject>(this, itemIndex, 'analyze', { body, headers });
		return { text, ...answer };
	},
};
