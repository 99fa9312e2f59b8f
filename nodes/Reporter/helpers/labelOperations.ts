import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../common/router';
import type { ReporterRoute } from '../api';
import { itemRequest } from '../api';
import { byList } from './byList';
import { filtersField } from './filterFields';
import type { LabelKind } from './labels';
import {
	bulkBody,
	bulkFields,
	labelIdOf,
	labelIdsField,
	labelIdsOf,
	prioritiesField,
	prioritiesOf,
	updateFieldsField,
	updateFieldsOf,
} from './labels';

/**
 * The operations message labels, session labels and label groups share, up to nouns and routes.
 * Each operation still has its own file (actions/<resource>/<value>.operation.ts) that names it.
 */
interface Call {
	route: ReporterRoute;
	description: string;
}

export function getOperation(kind: LabelKind, { route, description }: Call): Operation {
	return {
		value: 'get',
		name: 'Get',
		action: `Get ${kind.noun}`,
		description,
		properties: [kind.locator],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await itemRequest(this, itemIndex, route, {
				pathParams: { id: labelIdOf(this, itemIndex, kind) },
			});
		},
	};
}

/** Update through the by-list route: it takes partial records, so one request carries every item. */
export function updateOperation(
	kind: LabelKind,
	{ route, description, fields }: Call & { fields?: INodeProperties[] },
): Operation {
	return {
		value: 'update',
		name: 'Update',
		action: `Update ${kind.noun}`,
		description,
		properties: [kind.locator, updateFieldsField(kind.noun, fields)],
		batch: byList(
			route,
			(ctx, itemIndex) => ({
				id: labelIdOf(ctx, itemIndex, kind),
				...updateFieldsOf(ctx, itemIndex),
			}),
			(_ctx, _itemIndex, entries) => entries.map((entry) => ({ ...entry, updated: true })),
			true,
		),
	};
}

export function deleteOperation(kind: LabelKind, { route, description }: Call): Operation {
	return {
		value: 'delete',
		name: 'Delete',
		action: `Delete ${kind.noun}`,
		description,
		properties: [kind.locator],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			await itemRequest(this, itemIndex, route, {
				pathParams: { id: labelIdOf(this, itemIndex, kind) },
			});
			return { deleted: true };
		},
	};
}

export function changePriorityOperation(kind: LabelKind, { route, description }: Call): Operation {
	return {
		value: 'changePriority',
		name: 'Change Priority',
		action: `Change ${kind.noun} priority`,
		description,
		properties: [prioritiesField(kind)],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const body = prioritiesOf(this, itemIndex, kind);
			await itemRequest(this, itemIndex, route, { body, idempotent: true });
			return { updated: true, priorities: body };
		},
	};
}

/** What a label is put on: a message (by its question ID) or a session; the fields that name it, read as query parameters. */
export interface LabelTarget {
	/** Singular, lower case: "message". */
	noun: string;
	fields: INodeProperties[];
	query(ctx: IExecuteFunctions, itemIndex: number): IDataObject;
}

/** Add or Remove one label on one object (the spec sends Remove as a DELETE with a JSON body). */
export function linkOperation(
	kind: LabelKind,
	target: LabelTarget,
	how: {
		value: string;
		name: string;
		action: string;
		description: string;
		route: ReporterRoute;
		result: IDataObject;
	},
): Operation {
	return {
		value: how.value,
		name: how.name,
		action: how.action,
		description: how.description,
		properties: [...target.fields, kind.locator],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const qs = target.query(this, itemIndex);
			const labelId = labelIdOf(this, itemIndex, kind);
			await itemRequest(this, itemIndex, how.route, { qs, body: { labelId }, idempotent: true });
			return { ...qs, labelId, ...how.result };
		},
	};
}

/** Replace the labels of one object with a list (an empty list removes them all). */
export function setLabelsOperation(
	kind: LabelKind,
	target: LabelTarget,
	{ value, route, description }: Call & { value: string },
): Operation {
	return {
		value,
		name: `Set on ${target.noun[0].toUpperCase()}${target.noun.slice(1)}`,
		action: `Set ${target.noun} labels`,
		description,
		properties: [
			...target.fields,
			labelIdsField(
				kind.loadOptionsMethod,
				`The labels the ${target.noun} keeps; the others are removed`,
			),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const qs = target.query(this, itemIndex);
			const labelIds = labelIdsOf(this, itemIndex, true);
			await itemRequest(this, itemIndex, route, {
				qs,
				body: labelIds.map((labelId) => ({ labelId })),
				idempotent: true,
			});
			return { ...qs, labelIds };
		},
	};
}

/** Add or remove labels on many objects at once, chosen by IDs or filters (BulkLabelingDto). */
export function bulkLabelOperation(
	kind: LabelKind,
	target: { plural: string; idsLabel: string; idsHint: string },
	{ route, description }: Call,
): Operation {
	return {
		value: 'bulkLabel',
		name: 'Bulk Label',
		action: `Label ${target.plural} in bulk`,
		description,
		properties: [
			labelIdsField(kind.loadOptionsMethod, `The labels to add or remove`),
			...bulkFields(target.plural, target.idsLabel, target.idsHint),
			filtersField(),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const body = bulkBody(this, itemIndex, target.idsLabel);
			await itemRequest(this, itemIndex, route, { body, idempotent: true });
			return { ...body, done: true };
		},
	};
}
