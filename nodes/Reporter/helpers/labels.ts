import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { settingsCollection } from '../../common/fields';

import { invalidInput, listOf, requiredString, requireChanges } from '../../common/validate';
import { locator, locatorValue, numericId } from './pickers';
import { filtersOf } from './filters';

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** One kind of label record: its locator, the parameter and label of the locator, and its list method. */
export interface LabelKind {
	/** Singular, lower case, as actions use it: "message label". */
	noun: string;
	locator: INodeProperties;
	/** Parameter name and display name of the locator: ['groupId', 'Label Group']. */
	id: [name: string, label: string];
	/** The loadOptions method that lists the records (methods/labels.ts). */
	loadOptionsMethod: string;
}

const PICK_OR_ID = 'Pick it from the list, or enter its ID';

export const messageLabelLocator = locator(
	'Message Label',
	'labelId',
	'searchMessageLabels',
	'e.g. 12',
	`The message label, shown as "Group / Label". ${PICK_OR_ID} (Message Label → Get Many lists the IDs).`,
);
export const sessionLabelLocator = locator(
	'Session Label',
	'labelId',
	'searchSessionLabels',
	'e.g. 7',
	`The session label. ${PICK_OR_ID}; the list shows the labels the project's sessions can be filtered by.`,
);
export const labelGroupLocator = locator(
	'Label Group',
	'groupId',
	'searchLabelGroups',
	'e.g. 3',
	`The group of message labels. ${PICK_OR_ID}; the list shows the groups that hold at least one label.`,
);

/** Several labels picked from a list (or IDs given by expression). */
export function labelIdsField(loadOptionsMethod: string, description: string): INodeProperties {
	return {
		displayName: 'Label Names or IDs',
		name: 'labelIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod },
		default: [],
		description: `${description}. Choose from the list, or specify IDs using an ${EXPRESSION_LINK}.`,
	};
}

function numericIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	label: string,
): number[] {
	return listOf(ctx, itemIndex, raw, label).map((id) => numericId(ctx, id, itemIndex, label));
}

export function labelIdsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	allowEmpty = false,
): number[] {
	const ids = numericIds(ctx, itemIndex, ctx.getNodeParameter('labelIds', itemIndex, []), 'Labels');
	if (!ids.length && !allowEmpty)
		throw invalidInput(ctx, itemIndex, 'Labels', 'is empty', 'Pick at least one label.');
	return ids;
}

export function labelIdOf(ctx: IExecuteFunctions, itemIndex: number, kind: LabelKind): number {
	const [name, label] = kind.id;
	return numericId(ctx, locatorValue(ctx, name, itemIndex, label), itemIndex, label);
}

export function nameField(what: string): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Refund',
		description: `Name of the ${what}, as the platform shows it`,
	};
}

export function priorityField(what: string): INodeProperties {
	return {
		displayName: 'Priority',
		name: 'priority',
		type: 'number',
		default: 0,
		description: `Position of the ${what} in its list (lower comes first)`,
	};
}

export function nameOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredString(ctx, 'name', itemIndex, 'Name');
}

/** A label group chosen from the list (message labels name their group). */
export const groupIdOption: INodeProperties = {
	displayName: 'Group Name or ID',
	name: 'groupId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLabelGroups' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The label moves to this group',
};

const nameAndPriority = (what: string): INodeProperties[] => [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: `New name of the ${what}`,
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'number',
		default: 0,
		description: `New position of the ${what} in its list (lower comes first)`,
	},
];

/** "Update Fields": only the fields set are sent; the platform keeps the others. */
export function updateFieldsField(what: string, extra: INodeProperties[] = []): INodeProperties {
	return settingsCollection('update', what, [...extra, ...nameAndPriority(what)]);
}

/** The fields of one item's Update; a group chosen from the list arrives as text and is sent as a number. */
export function updateFieldsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = { ...(ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject) };
	if (fields.groupId === '') delete fields.groupId;
	if (fields.groupId !== undefined)
		fields.groupId = numericId(ctx, String(fields.groupId), itemIndex, 'Group');
	requireChanges(ctx, itemIndex, fields);
	return fields;
}

/** "Priorities": each record picked from the list with its new priority (LabelPriorityChangeDto[]). */
export function prioritiesField(kind: LabelKind): INodeProperties {
	const what = kind.noun;
	return {
		displayName: 'Priorities',
		name: 'priorities',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add priority',
		default: {},
		description: `The ${what}s to move and their new positions; the others keep theirs`,
		options: [
			{
				displayName: 'Priority',
				name: 'priority',
				values: [
					{
						displayName: `${kind.id[1].replace(/^Message /, '')} Name or ID`,
						name: 'id',
						type: 'options',
						typeOptions: { loadOptionsMethod: kind.loadOptionsMethod },
						default: '',
						description: `The ${what}. Choose from the list, or specify an ID using an ${EXPRESSION_LINK}.`,
					},
					{
						displayName: 'New Priority',
						name: 'newPriority',
						type: 'number',
						default: 0,
						description: `New position of the ${what} in its list (lower comes first)`,
					},
				],
				description: `One ${what} and its new position`,
			},
		],
	};
}

export function prioritiesOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: LabelKind,
): IDataObject[] {
	const list = ((ctx.getNodeParameter('priorities', itemIndex, {}) as IDataObject).priority ??
		[]) as IDataObject[];
	if (list.length === 0)
		throw invalidInput(
			ctx,
			itemIndex,
			'Priorities',
			'is empty',
			`Add at least one ${kind.noun} and its new priority.`,
		);
	return list.map((entry) => ({
		id: numericId(ctx, String(entry.id ?? '').trim(), itemIndex, kind.id[1]),
		newPriority: Number(entry.newPriority ?? 0),
	}));
}

/** Bulk labelling: which objects and how (BulkLabelingDto). `what` is plural: "messages". */
export function bulkFields(what: string, idsLabel: string, idsHint: string): INodeProperties[] {
	return [
		{
			displayName: 'Mode',
			name: 'comparisonType',
			type: 'options',
			options: [
				{ name: 'Add Labels', value: 'CONTAINS', description: `Add the labels to the ${what}` },
				{
					name: 'Remove Labels',
					value: 'NOT_CONTAINS',
					description: `Remove the labels from the ${what}`,
				},
			],
			default: 'CONTAINS',
			description: `Whether to add the labels to the ${what} or remove them`,
		},
		{
			displayName: idsLabel,
			name: 'objectIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. ID-1, ID-2',
			description: `IDs of the ${what}, separated by commas (${idsHint}); leave empty to choose the ${what} with the filters below`,
		},
	];
}

/** BulkLabelingDto of one item; either IDs or filters must select the objects. */
export function bulkBody(ctx: IExecuteFunctions, itemIndex: number, idsLabel: string): IDataObject {
	const body: IDataObject = {
		comparisonType: ctx.getNodeParameter('comparisonType', itemIndex) as string,
		labels: labelIdsOf(ctx, itemIndex),
	};
	const objectIds = listOf(
		ctx,
		itemIndex,
		ctx.getNodeParameter('objectIds', itemIndex, ''),
		idsLabel,
	);
	if (objectIds.length) body.objectIds = objectIds;
	const filters = filtersOf(ctx, itemIndex);
	if (filters.length) body.filters = { filters };
	if (!objectIds.length && !filters.length) {
		throw invalidInput(
			ctx,
			itemIndex,
			idsLabel,
			'is empty and no filter is set',
			`Enter ${idsLabel} or add filters, so that not every object gets labelled.`,
		);
	}
	return body;
}
