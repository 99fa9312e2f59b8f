import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyField } from '../../../common/descriptions';
import type { Operation, OperationResult } from '../../../common/router';
import { nlpItemRequest } from '../../api';
import { clientIdOption, contextHeaders, contextOptions, simplifyInference, textField, textOf } from '../../helpers/text';

/** Most phrases one inference-multiple request carries (the spec sets no limit). */
export const MAX_BATCH_SIZE = 1000;

interface Pending {
	index: number;
	text: string;
	key: string;
}

export const classify: Operation = {
	value: 'classify',
	name: 'Classify',
	action: 'Classify a phrase',
	description: 'Find the intents a phrase matches; many items go to the platform in one request',
	properties: [
		textField,
		simplifyField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Batch Size',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
					default: 100,
					description: 'How many items to classify in one request. 1 sends one request per item.',
				},
				{ ...clientIdOption, description: `${clientIdOption.description}. Items with a client ID are classified one per request.` },
				{
					displayName: 'Include Debug Info',
					name: 'showDebugInfo',
					type: 'boolean',
					default: false,
					description: 'Whether the platform should add its debug data to each variant (with Simplify off)',
				},
				{
					displayName: 'Number of Variants',
					name: 'nBest',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 100 },
					default: 5,
					description: 'How many candidate intents to return per phrase, best first',
				},
				...contextOptions,
			],
		},
	],
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
		const results: Array<OperationResult | Error> = [];
		const pending: Pending[] = [];
		for (const index of itemIndexes) {
			try {
				const options = this.getNodeParameter('options', index, {}) as IDataObject;
				contextHeaders(this, options, index); // validates the date before any request
				const text = textOf(this, index);
				const { maxAttempts } = this.getNodeParameter('requestOptions', index, {}) as IDataObject;
				const simplify = this.getNodeParameter('simplify', index, true);
				pending.push({ index, text, key: JSON.stringify({ ...options, maxAttempts, simplify }) });
			} catch (error) {
				// Without continueOnFail the run stops here: no request is sent for the other items.
				if (!this.continueOnFail()) return itemIndexes.map(() => error as Error);
				results[index] = error as Error;
			}
		}

		// Consecutive items with the same options share a request, up to the batch size.
		const chunks: Pending[][] = [];
		for (const entry of pending) {
			const last = chunks[chunks.length - 1];
			const options = this.getNodeParameter('options', entry.index, {}) as IDataObject;
			const size = options.clientId ? 1 : Math.min(MAX_BATCH_SIZE, Math.max(1, Number(options.batchSize ?? 100)));
			if (last && last[0].key === entry.key && last.length < size) last.push(entry);
			else chunks.push([entry]);
		}

		for (const chunk of chunks) {
			const first = chunk[0].index;
			const options = this.getNodeParameter('options', first, {}) as IDataObject;
			const simplify = this.getNodeParameter('simplify', first, true) as boolean;
			const common = { nBest: Number(options.nBest ?? 5), showDebugInfo: options.showDebugInfo === true };
			const headers = contextHeaders(this, options, first);
			try {
				let answers: IDataObject[];
				if (chunk.length === 1) {
					const clientId = String(options.clientId ?? '').trim() || undefined;
					const body = { phrase: { text: chunk[0].text }, ...common, clientId };
					answers = [await nlpItemRequest<IDataObject>(this, first, 'inference', { body, headers })];
				} else {
					const body = { phrases: chunk.map(({ text }) => ({ phrase: { text } })), ...common };
					answers = (await nlpItemRequest<IDataObject[]>(this, first, 'inferenceMultiple', { body, headers })) ?? [];
					if (!Array.isArray(answers) || answers.length !== chunk.length) {
						throw new NodeOperationError(this.getNode(), `The platform answered ${Array.isArray(answers) ? answers.length : 'no'} results for ${chunk.length} phrases`);
					}
				}
				chunk.forEach(({ index, text }, n) => {
					results[index] = simplify ? simplifyInference(text, answers[n]) : { text, ...answers[n] };
				});
			} catch (error) {
				// One failed request fails the items it carried, each with its own item index.
				for (const { index } of chunk) results[index] = error as Error;
			}
		}
		return itemIndexes.map((index) => results[index]);
	},
};
