import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../common/router';
import type { ReporterRoute } from '../api';
import { itemRequest } from '../api';
import { byList } from './byList';
import { prioritiesField, prioritiesOf } from './fields';
import { labelIdOf, updateFieldsOf } from './labels';

/** One operation of a label kind: the route it calls and the text shown in the operation list. */
interface LabelCall {
	route: ReporterRoute;
	description: string;
}

/** What "Update" and "Update Many" add to the Name and Priority fields. */
interface LabelUpdateCall extends LabelCall {
	/** Extra "Update Fields" options, listed before Name and Priority. */
	fields?: INodeProperties[];
}

/**
 * A kind of label record (message label, label group, session label): the calls that read,
 * change and delete one record by its numeric ID are the same for every kind, up to the nouns,
 * the locator field and the routes.
 */
export interface LabelKind {
	/** Singular, lower case: "label group". The plural adds an "s". */
	noun: string;
	/** The resource locator that picks one record. */
	locator: INodeProperties;
	/** Parameter name and label of the locator: ['groupId', 'Label Group']. */
	id: [name: string, label: string];
	get: LabelCall;
	update: LabelUpdateCall & {
		/**
		 * The fields the update DTO requires, read from the current record: the API replaces
		 * them all, so the ones left out of "Update Fields" keep their current values.
		 */
		current?: (record: IDataObject) => IDataObject;
	};
	delete: LabelCall;
	changePriority: LabelCall;
	updateMany: LabelUpdateCall;
}

export type LabelOperations = Record<'get' | 'update' | 'delete' | 'changePriority' | 'updateMany', Operation>;

const nameAndPriority = (record: IDataObject): IDataObject => ({ name: record.name, priority: record.priority });

/** "Update Fields": only the ones set are changed (options sorted by name, extras first). */
function updateFieldsField(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			...extra,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Priority', name: 'priority', type: 'number', default: 0 },
		],
	};
}

/** Get, Update, Delete, Change Priority and Update Many of one label kind. */
export function labelOperations(kind: LabelKind): LabelOperations {
	const { noun, locator } = kind;
	const plural = `${noun}s`;
	const idOf = (ctx: IExecuteFunctions, itemIndex: number) => labelIdOf(ctx, itemIndex, ...kind.id);
	return {
		get: {
			value: 'get',
			name: 'Get',
			action: `Get a ${noun}`,
			description: kind.get.description,
			properties: [locator],
			async execute(this: IExecuteFunctions, itemIndex: number) {
				const id = idOf(this, itemIndex);
				return await itemRequest(this, itemIndex, kind.get.route, { pathParams: { id } });
			},
		},
		update: {
			value: 'update',
			name: 'Update',
			action: `Update a ${noun}`,
			description: kind.update.description,
			properties: [locator, updateFieldsField(kind.update.fields)],
			async execute(this: IExecuteFunctions, itemIndex: number) {
				const id = idOf(this, itemIndex);
				const fields = updateFieldsOf(this, itemIndex);
				const current = await itemRequest(this, itemIndex, kind.get.route, { pathParams: { id } });
				const body: IDataObject = {};
				for (const [key, value] of Object.entries((kind.update.current ?? nameAndPriority)(current))) {
					body[key] = fields[key] ?? value;
				}
				await itemRequest(this, itemIndex, kind.update.route, { pathParams: { id }, body });
				return { id, ...body, updated: true };
			},
		},
		delete: {
			value: 'delete',
			name: 'Delete',
			action: `Delete a ${noun}`,
			description: kind.delete.description,
			properties: [locator],
			async execute(this: IExecuteFunctions, itemIndex: number) {
				const id = idOf(this, itemIndex);
				await itemRequest(this, itemIndex, kind.delete.route, { pathParams: { id } });
				return { deleted: true };
			},
		},
		changePriority: {
			value: 'changePriority',
			name: 'Change Priority',
			action: `Change the priority of ${plural}`,
			description: kind.changePriority.description,
			properties: [prioritiesField],
			async execute(this: IExecuteFunctions, itemIndex: number) {
				const body = prioritiesOf(this, itemIndex);
				await itemRequest(this, itemIndex, kind.changePriority.route, { body });
				return { updated: true, priorities: body };
			},
		},
		updateMany: {
			value: 'updateMany',
			name: 'Update Many',
			action: `Update many ${plural}`,
			description: kind.updateMany.description,
			properties: [locator, updateFieldsField(kind.updateMany.fields)],
			batch: byList(kind.updateMany.route, (ctx, itemIndex) => ({ id: idOf(ctx, itemIndex), ...updateFieldsOf(ctx, itemIndex) }), { updated: true }, true),
		},
	};
}
