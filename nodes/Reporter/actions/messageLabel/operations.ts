import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { messageLabelField } from '../../helpers/fields';
import { labelOperations } from '../../helpers/labelOperations';

const groupIdOption: INodeProperties = { displayName: 'Group ID', name: 'groupId', type: 'number', default: 0 };

/** Get, Update, Delete, Change Priority and Update Many of message labels. */
export const messageLabelOperations = labelOperations({
	noun: 'message label',
	locator: messageLabelField,
	id: ['labelId', 'Label'],
	get: { route: 'getMessageLabel', description: 'Read one message label with its group' },
	update: {
		route: 'updateMessageLabel',
		description: 'Rename a message label, move it to another group or change its priority',
		fields: [groupIdOption],
		// MessageLabelUpdate requires name, groupId and priority; the label holds its group as an object.
		current: (label: IDataObject) => ({
			name: label.name,
			groupId: (label.group as IDataObject | undefined)?.id,
			priority: label.priority,
		}),
	},
	delete: { route: 'deleteMessageLabel', description: 'Delete a message label; messages lose it' },
	changePriority: { route: 'messageLabelsPriority', description: 'Reorder message labels: give each label ID its new priority' },
	updateMany: {
		route: 'updateMessageLabels',
		description: 'Update one label per input item, all in one request; fields left out keep their values',
		fields: [
			groupIdOption,
			{ displayName: 'Group Name', name: 'groupName', type: 'string', default: '' },
			{ displayName: 'Group Priority', name: 'groupPriority', type: 'number', default: 0 },
		],
	},
});
