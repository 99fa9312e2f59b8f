import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodeParameterResourceLocator,
} from 'n8n-workflow';

import { invalidInput } from '../../common/validate';
import { itemRequest } from '../api';

/** Intent paths are hierarchical and start with a slash: `/Greetings/Hello`. */
export function checkedIntentPath(
	ctx: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	label: string,
): string {
	const path = typeof raw === 'string' ? raw.trim() : '';
	if (!path)
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			'is empty',
			'Enter an intent path such as /Greetings/Hello.',
		);
	if (!path.startsWith('/') || path.includes('//') || (path.length > 1 && path.endsWith('/'))) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`is not a valid intent path: "${path}"`,
			'An intent path starts with "/" and has no empty segments, e.g. /Greetings/Hello.',
		);
	}
	return path;
}

export function positiveId(
	ctx: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	label: string,
): number {
	const text = String(raw ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			text ? `is not a numeric ID: "${text}"` : 'is empty',
			'Enter the numeric ID, e.g. 12174.',
		);
	}
	return Number(text);
}

export const intentLocator: INodeProperties = {
	displayName: 'Intent',
	name: 'intent',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The intent, by its path in the intent tree (in the project, open NLU → Intents)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchIntents', searchable: true },
		},
		{ displayName: 'By Path', name: 'path', type: 'string', placeholder: 'e.g. /Greetings/Hello' },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 12174' },
	],
};

/** The intent's numeric ID, looking the path up when the user gave one. */
export async function intentIdOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'intent',
): Promise<number> {
	const locator = ctx.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator;
	if (locator.mode === 'id') return positiveId(ctx, locator.value, itemIndex, 'Intent ID');
	const path = checkedIntentPath(ctx, locator.value, itemIndex, 'Intent');
	const found = await itemRequest<IDataObject[]>(ctx, itemIndex, 'getIntentsByPaths', {
		qs: { paths: [path] },
	});
	const intent = (found ?? []).find((entry) => entry.path === path);
	if (!intent)
		throw invalidInput(
			ctx,
			itemIndex,
			'Intent',
			`"${path}" does not exist in the project`,
			'Pick an intent from the list or check the path.',
		);
	return Number(intent.id);
}

/** Intent locator value without a lookup: `{ id }` or `{ path }` (Delete batches paths). */
export function intentRefOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { id?: number; path?: string } {
	const locator = ctx.getNodeParameter('intent', itemIndex) as INodeParameterResourceLocator;
	if (locator.mode === 'id') return { id: positiveId(ctx, locator.value, itemIndex, 'Intent ID') };
	return { path: checkedIntentPath(ctx, locator.value, itemIndex, 'Intent') };
}

export const entityLocator: INodeProperties = {
	displayName: 'Entity',
	name: 'entity',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The entity, by its name without "@" (in the project, open NLU → Entities)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchEntities', searchable: true },
		},
		{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. city' },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 5021' },
	],
};

/** Entity locator value: `{ id }` or `{ name }` (the list gives names; a leading `@` is dropped). */
export function entityRefOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { id?: number; name?: string } {
	const locator = ctx.getNodeParameter('entity', itemIndex) as INodeParameterResourceLocator;
	if (locator.mode === 'id') return { id: positiveId(ctx, locator.value, itemIndex, 'Entity ID') };
	const name = String(locator.value ?? '')
		.trim()
		.replace(/^@/, '');
	if (!name)
		throw invalidInput(
			ctx,
			itemIndex,
			'Entity',
			'is empty',
			'Pick an entity from the list or enter its name.',
		);
	return { name };
}

/** The entity's numeric ID, looking the name up when needed. */
export async function entityIdOf(ctx: IExecuteFunctions, itemIndex: number): Promise<number> {
	const ref = entityRefOf(ctx, itemIndex);
	if (ref.id !== undefined) return ref.id;
	const found = await itemRequest<IDataObject[]>(ctx, itemIndex, 'getEntitiesByNames', {
		qs: { names: [ref.name] },
	});
	const entity = (found ?? []).find((entry) => entry.name === ref.name);
	if (!entity)
		throw invalidInput(
			ctx,
			itemIndex,
			'Entity',
			`"${ref.name}" does not exist in the project`,
			'Pick an entity from the list or check the name.',
		);
	return Number(entity.id);
}
