import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { batchSizeOf, batchSizeOption, simplifyField } from '../../../common/fields';
import type { BatchSpec, Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { clientIdOption, phraseOf, phraseOptions, simplifyInference, textField } from './common';

/** Most phrases one inference-multiple request carries (the spec sets no limit). */
export const MAX_BATCH_SIZE = 1000;

const batchSize = batchSizeOption({
	default: 100,
	max: MAX_BATCH_SIZE,
	description: 'How many items to classify in one request. 1 sends one request per item.',
});

interface Phrase {
	text: string;
	options: IDataObject;
	simplify: boolean;
	headers?: Record<string, string>;
	maxAttempts?: unknown;
}

export const classify: Operation = {
	value: 'classify',
	name: 'Classify',
	action: 'Classify phrase',
	description: 'Find the intents a phrase matches; many items go to the platform in one request',
	properties: [
		textField,
		simplifyField,
		phraseOptions(
			[
				batchSize,
				{
					displayName: 'Include Debug Info',
					name: 'showDebugInfo',
					type: 'boolean',
					default: false,
					description:
						'Whether the platform should add its debug data to each variant (with Simplify off)',
				},
				{
					displayName: 'Number of Variants',
					name: 'nBest',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 100 },
					default: 5,
					description: 'How many candidate intents to return per phrase, best first',
				},
			],
			{
				...clientIdOption,
				description: `${clientIdOption.description}. Items with a client ID are classified one per request.`,
			},
		),
	],
	batch: {
		prepare(itemIndex) {
			const { text, options, headers } = phraseOf(this, itemIndex);
			const { maxAttempts } = this.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject;
			const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
			return { text, options, simplify, headers, maxAttempts };
		},
		// Items with the same settings share a request; a client ID is classified one per request.
		key: ({ options, maxAttempts, simplify }, itemIndex) =>
			options.clientId
				? `item ${itemIndex}`
				: JSON.stringify({ ...options, maxAttempts, simplify }),
		size: batchSizeOf(batchSize),
		async send(chunk) {
			const [{ itemIndex: first, value }] = chunk;
			const { options, headers } = value;
			const common = {
				nBest: Number(options.nBest ?? 5),
				showDebugInfo: options.showDebugInfo === true,
			};
			let answers: IDataObject[];
			if (chunk.length === 1) {
				const clientId = String(options.clientId ?? '').trim() || undefined;
				const body = { phrase: { text: value.text }, ...common, clientId };
				answers = [await itemRequest<IDataObject>(this, first, 'inference', { body, headers })];
			} else {
				const body = {
					phrases: chunk.map(({ value: { text } }) => ({ phrase: { text } })),
					...common,
				};
				answers =
					(await itemRequest<IDataObject[]>(this, first, 'inferenceMultiple', { body, headers })) ??
					[];
				if (!Array.isArray(answers) || answers.length !== chunk.length) {
					throw new NodeOperationError(
						this.getNode(),
						`The platform answered ${Array.isArray(answers) ? answers.length : 'no'} results for ${chunk.length} phrases`,
					);
				}
			}
			return chunk.map(({ value: { text, simplify } }, n) =>
				simplify ? simplifyInference(text, answers[n]) : { text, ...answers[n] },
			);
		},
	} satisfies BatchSpec<Phrase>,
};
