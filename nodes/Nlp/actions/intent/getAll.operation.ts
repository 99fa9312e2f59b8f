import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitOf } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { getManyFields } from '../../helpers/collections';

const PATHS_PER_REQUEST = 50;
const SEARCH_FIELDS = ['path', 'phrases', 'answer', 'description', 'slots'] as const;

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many intents',
	description: 'List the intents of the project, optionally only those matching a text',
	properties: [
		...getManyFields(
			[
				{
					displayName: 'Answer Contains',
					name: 'answer',
					type: 'string',
					default: '',
					description: 'Text the answer of the intent contains',
				},
				{
					displayName: 'Description Contains',
					name: 'description',
					type: 'string',
					default: '',
					description: 'Text the description of the intent contains',
				},
				{
					displayName: 'Path Contains',
					name: 'path',
					type: 'string',
					default: '',
					placeholder: 'e.g. /Booking',
					description: 'Text the path of the intent contains',
				},
				{
					displayName: 'Phrase Contains',
					name: 'phrases',
					type: 'string',
					default: '',
					description: 'Text one of the training phrases contains',
				},
				{
					displayName: 'Slot Contains',
					name: 'slots',
					type: 'string',
					default: '',
					description: 'Text the name of one of the slots contains',
				},
			],
			'Case-insensitive substrings; an intent matching any of them is returned',
		),
		{
			displayName: 'Include Phrases and Answers',
			name: 'details',
			type: 'boolean',
			default: false,
			description:
				'Whether to return the full intents (phrases, patterns, answer) instead of summaries; one extra request in all',
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
			? await itemRequest<IDataObject[]>(this, itemIndex, 'searchIntents', { body: criteria })
			: await itemRequest<IDataObject[]>(this, itemIndex, 'listIntents');
		const limit = limitOf(this, itemIndex);
		const list = (summaries ?? []).slice(0, limit ?? undefined);
		if (!(this.getNodeParameter('details', itemIndex, false) as boolean) || list.length === 0)
			return list;
		const byPath = new Map<string, IDataObject>();
		// Paths travel in the query string: ask in slices to keep URLs short.
		for (let start = 0; start < list.length; start += PATHS_PER_REQUEST) {
			const paths = list
				.slice(start, start + PATHS_PER_REQUEST)
				.map((intent) => String(intent.path));
			const full = await itemRequest<IDataObject[]>(this, itemIndex, 'getIntentsByPaths', {
				qs: { paths },
			});
			for (const intent of full ?? []) byPath.set(String(intent.path), intent);
		}
		return list.map((summary) => ({ ...summary, ...byPath.get(String(summary.path)) }));
	},
};
