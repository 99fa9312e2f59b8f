import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { byList } from '../../helpers/byList';
import { nameField, nameOf, priorityField } from '../../helpers/labels';
import { optionsCollection } from '../../../common/fields';

function entryOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const group: IDataObject = { name: requiredString(ctx, 'groupName', itemIndex, 'Group Name') };
	if (options.groupPriority !== undefined) group.priority = options.groupPriority;
	return {
		name: nameOf(ctx, itemIndex),
		priority: ctx.getNodeParameter('priority', itemIndex, 0) as number,
		group,
	};
}

/** Name and group name: how a created label is found again in the list. */
const keyOf = (label: IDataObject) =>
	JSON.stringify([label.name, (label.group as IDataObject | undefined)?.name]);

/**
 * The by-list route answers no IDs: the labels are read back once and each item gets the newest
 * label of its name and group (or its entry with `created: true` if the list does not show it).
 */
async function createdLabels(
	ctx: IExecuteFunctions,
	itemIndex: number,
	entries: IDataObject[],
): Promise<IDataObject[]> {
	const newest = new Map<string, IDataObject>();
	for (const label of await itemRequest<IDataObject[]>(ctx, itemIndex, 'listMessageLabels')) {
		const seen = newest.get(keyOf(label));
		if (!seen || Number(label.id) > Number(seen.id)) newest.set(keyOf(label), label);
	}
	return entries.map((entry) => newest.get(keyOf(entry)) ?? { ...entry, created: true });
}

export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create message label',
	description:
		'Create message labels in a group (a new group is created when no group has this name); all input items in one request',
	properties: [
		nameField('message label'),
		{
			displayName: 'Group Name',
			name: 'groupName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Topics',
			description:
				'The label group to put the label in; a group of this name is created when there is none',
		},
		priorityField('message label'),
		optionsCollection('Settings used only when the group is new', [
			{
				displayName: 'Group Priority',
				name: 'groupPriority',
				type: 'number',
				default: 0,
				description: 'Position of a new group in the list of groups (lower comes first)',
			},
		]),
	],
	batch: byList('createMessageLabels', entryOf, createdLabels),
};
