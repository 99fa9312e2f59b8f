import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';

import { paginate } from '../../../common/paginate';
import { invalidInput, listOf } from '../../../common/validate';
import { itemRequest, RECORDS_PAGE_SIZE, type NlpRoute } from '../../api';
import { entityRefOf, positiveId } from '../../helpers/locators';

/** What the entity record operations share: the record picker, the client, a record's parts. */

export const recordClientIdField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	default: '',
	description:
		'For client entities only: the client the records belong to (the ID the bot gets with each message)',
};

export const recordLocator: INodeProperties = {
	displayName: 'Record',
	name: 'record',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'A record of the entity above (in the project, open NLU → Entities and the entity; the list shows values and synonyms)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: {
				searchListMethod: 'searchRecords',
				searchable: true,
				searchFilterRequired: false,
			},
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 90017' },
	],
};

/** The record's numeric ID, from the picker (any mode holds the ID) or a plain value. */
export function recordIdOf(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('record', itemIndex, '') as
		| INodeParameterResourceLocator
		| string;
	return positiveId(
		ctx,
		typeof raw === 'object' && raw !== null ? raw.value : raw,
		itemIndex,
		'Record ID',
	);
}

export const recordTypeOptions = [
	{ name: 'Pattern', value: 'pattern', description: 'Patterns in the JAICP pattern language' },
	{ name: 'Synonyms', value: 'synonyms', description: 'Words and phrases that mean the value' },
];

export const recordTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: recordTypeOptions,
	default: 'synonyms',
	description: 'How the record matches text: by synonyms or by patterns',
};

export const synonymsField: INodeProperties = {
	displayName: 'Synonyms or Patterns',
	name: 'rule',
	type: 'string',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Synonym or Pattern' },
	default: [],
	placeholder: 'e.g. NYC',
	description: 'What the record matches in a phrase',
};

/** The route (by entity ID or by name) and its path parameters for a records call. */
export function recordsRoute(
	ctx: IExecuteFunctions,
	itemIndex: number,
	byId: NlpRoute,
	byName: NlpRoute,
): { route: NlpRoute; pathParams: Record<string, string | number> } {
	const ref = entityRefOf(ctx, itemIndex);
	return ref.id !== undefined
		? { route: byId, pathParams: { entityId: ref.id } }
		: { route: byName, pathParams: { entityName: ref.name! } };
}

/** A record (NamedEntityRecordData) from its parts; rule and value must not be empty. */
export function recordOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: unknown,
	rule: unknown,
	value: unknown,
): IDataObject {
	// A synonym may hold a comma ("Washington, D.C."): text splits at line breaks only.
	const rules = listOf(ctx, itemIndex, rule, 'Synonyms or Patterns', /\r?\n/);
	if (rules.length === 0)
		throw invalidInput(
			ctx,
			itemIndex,
			'Synonyms or Patterns',
			'is empty',
			'Add at least one synonym or pattern.',
		);
	const text =
		typeof value === 'string'
			? value.trim()
			: value === undefined || value === null
				? ''
				: JSON.stringify(value);
	if (!text)
		throw invalidInput(
			ctx,
			itemIndex,
			'Value',
			'is empty',
			'Enter the value the record stands for, e.g. New York.',
		);
	if (type !== 'synonyms' && type !== 'pattern')
		throw invalidInput(
			ctx,
			itemIndex,
			'Type',
			`must be synonyms or pattern, not ${JSON.stringify(type)}`,
		);
	return { type, rule: rules, value: text };
}

/**
 * The records of the item's entity, page by page: up to `limit`, or until `found` matches one (the
 * API has no single-record GET, so Update looks its record up this way).
 */
export async function recordPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	query: IDataObject,
	{ limit, found }: { limit?: number; found?: (record: IDataObject) => boolean } = {},
): Promise<IDataObject[]> {
	const { route, pathParams } = recordsRoute(ctx, itemIndex, 'getRecords', 'getRecordsByName');
	return await paginate(
		async (page, size) => {
			const answer = await itemRequest<IDataObject>(ctx, itemIndex, route, {
				pathParams,
				qs: { ...query, page, size },
			});
			const items = (answer?.records ?? []) as IDataObject[];
			const paging = (answer?.paging ?? {}) as IDataObject;
			return {
				items,
				total: typeof paging.totalCount === 'number' ? paging.totalCount : undefined,
				size: typeof paging.pageSize === 'number' ? paging.pageSize : undefined,
				last: found !== undefined && items.some(found),
			};
		},
		{ limit, pageSize: RECORDS_PAGE_SIZE, list: 'entity records', node: ctx.getNode() },
	);
}
