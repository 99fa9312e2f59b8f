import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput, requiredString } from '../../common/validate';
import { listOf, locatorValue, numericId } from './fields';
import { filtersOf } from './filters';

/** Several labels picked from a list (or IDs given by expression). */
export function labelIdsField(loadOptionsMethod: string): INodeProperties {
	return {
		displayName: 'Label Names or IDs',
		name: 'labelIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod },
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

export function labelIdsOf(ctx: IExecuteFunctions, itemIndex: number, allowEmpty = false): number[] {
	const ids = listOf(ctx.getNodeParameter('labelIds', itemIndex, []));
	if (!ids.length && !allowEmpty) throw invalidInput(ctx, itemIndex, 'Labels', 'is empty', 'Pick at least one label.');
	return ids.map((id) => numericId(ctx, id, itemIndex, 'Labels'));
}

export function labelIdOf(ctx: IExecuteFunctions, itemIndex: number, name = 'labelId', label = 'Label'): number {
	return numericId(ctx, locatorValue(ctx, name, itemIndex, label), itemIndex, label);
}

export const nameField: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', required: true };
export const priorityField: INodeProperties = {
	displayName: 'Priority',
	name: 'priority',
	type: 'number',
	default: 0,
	description: 'Position in the list of labels (lower comes first)',
};

export function nameOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredString(ctx, 'name', itemIndex, 'Name');
}

/** Fields of "Update": only the ones set are changed; the rest keep their current values. */
export function updateFieldsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) throw invalidInput(ctx, itemIndex, 'Update Fields', 'is empty', 'Add at least one field to change.');
	return fields;
}

/** Bulk labelling: which objects and how (BulkLabelingDto). */
export function bulkFields(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Mode',
			name: 'comparisonType',
			type: 'options',
			options: [
				{ name: 'Add Labels', value: 'CONTAINS', description: `Add the labels to the ${what}` },
				{ name: 'Remove Labels', value: 'NOT_CONTAINS', description: `Remove the labels from the ${what}` },
			],
			default: 'CONTAINS',
			description: 'Sent as comparisonType; other values of CheckboxComparisonType can be set by expression',
		},
		{
			displayName: 'IDs',
			name: 'objectIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. ID-1, ID-2',
			description: `Comma-separated IDs of the ${what}; leave empty to select them with the filters below`,
		},
	];
}

/** BulkLabelingDto of one item; either IDs or filters must select the objects. */
export function bulkBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {
		comparisonType: ctx.getNodeParameter('comparisonType', itemIndex) as string,
		labels: labelIdsOf(ctx, itemIndex),
	};
	const objectIds = listOf(ctx.getNodeParameter('objectIds', itemIndex, ''));
	if (objectIds.length) body.objectIds = objectIds;
	const filters = filtersOf(ctx, itemIndex);
	if (filters.length) body.filters = { filters };
	if (!objectIds.length && !filters.length) {
		throw invalidInput(ctx, itemIndex, 'IDs', 'is empty and no filter is set', 'Enter IDs or add filters, so that not every object gets labelled.');
	}
	return body;
}
