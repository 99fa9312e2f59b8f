import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { nlpItemRequest } from '../../api';
import { clientIdOption, contextHeaders, contextOptions, textField, textOf } from '../../helpers/text';

export const analyze: Operation = {
	value: 'analyze',
	name: 'Analyze',
	action: 'Analyze a phrase',
	description: 'Markup, entities and intents of a phrase in one call',
	properties: [
		textField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				clientIdOption,
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
					displayName: 'Timeout (Ms)',
					name: 'timeout',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 5000,
					description: 'How long the platform may take before it answers with what it has',
				},
				...contextOptions,
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const text = textOf(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const headers = contextHeaders(this, options, itemIndex);
		const clientId = String(options.clientId ?? '').trim() || undefined;
		const body = {
			data: { phrase: { text }, nBest: Number(options.nBest ?? 1), clientId },
			showAll: options.showAll === true,
			timeout: options.timeout === undefined ? undefined : Number(options.timeout),
		};
		const answer = await nlpItemRequest<IDataObject>(this, itemIndex, 'analyze', { body, headers });
		return { text, ...answer };
	},
};
