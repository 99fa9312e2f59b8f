import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { byList } from '../../helpers/byList';
import { nameField, nameOf, priorityField } from '../../helpers/labels';

export const createMany: Operation = {
	value: 'createMany',
	name: 'Create Many',
	action: 'Create many message labels',
	description: 'Create one label per input item, all in one request (the API returns no IDs: read them with Get Many)',
	properties: [
		nameField,
		priorityField,
		{ displayName: 'Group Name', name: 'groupName', type: 'string', default: '', required: true },
	],
	batch: byList(
		'createMessageLabels',
		(ctx, itemIndex) => ({
			name: nameOf(ctx, itemIndex),
			priority: ctx.getNodeParameter('priority', itemIndex, 0) as number,
			group: { name: requiredString(ctx, 'groupName', itemIndex, 'Group Name') },
		}),
		{ created: true },
	),
};
