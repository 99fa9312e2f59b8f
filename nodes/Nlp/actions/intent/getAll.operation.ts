import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { nlpItemRequest } from '../../api';

const PATHS_PER_REQUEST = 50;
const SEARCH_FIELDS = ['path', 'phrases', 'answer', 'description', 'slots'] as const;

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many intents',
	description: 'List the intents of the project, optionally only those matching a text',
	properties: [
		returnAllField,
		limitField,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			description: 'Case-insensitive substrings; an intent matching any of them is returned',
			options: [
				{ displayName: 'Answer Contains', name: 'answer', type: 'string', default: '' },
				{ displayName: 'Description Contains', name: 'description', type: 'string', default: '' },
				{ displayName: 'Path Contains', name: 'path', type: 'string', default: '', placeholder: 'e.g. /Booking' },
				{ displayName: 'Phrase Contains', name: 'phrases', type: 'string', default: '' },
				{ displayName: 'Slot Contains', name: 'slots', type: 'string', default: '' },
			],
		},
		{
			displayName: 'Include Phrases and Answers',
			name: 'details',
			type: 'boolean',
			default: false,
			description: 'Whether to return the full intents (phrases, patterns, answer) instead of summaries; one extra request in all',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const criteria: IDataObject = {};
		for (const field of SEARCH_FIELDS) {
			const value = String(filters[field] ?? '').trim();
			if (value) criteria[field] = value;
		}
		const summaries = Object.keys(criteria).length
			? await nlpItemRequest<IDataObject[]>(this, itemIndex, 'searchIntents', { body: criteria })
			: await nlpItemRequest<IDataObject[]>(this, itemIndex, 'listIntents');
		const limit = limitOf(this, itemIndex);
		const list = (summaries ?? []).slice(0, limit ?? undefined);
		if (!(this.getNodeParameter('details', itemIndex, false) as boolean) || list.length === 0) return list;
		const byPath = new Map<string, IDataObject>();
		// Paths travel in the query string: ask in slices to keep URLs short.
		for (let start = 0; start < list.length; start += PATHS_PER_REQUEST) {
			const paths = list.slice(start, start + PATHS_PER_REQUEST).map((intent) => String(intent.path));
			const full = await nlpItemRequest<IDataObject[]>(this, itemIndex, 'getIntentsByPaths', { qs: { paths } });
			for (const intent of full ?? []) byPath.set(String(intent.path), intent);
		}
		return list.map((summary) => ({ ...summary, ...byPath.get(String(summary.path)) }));
	},
};
