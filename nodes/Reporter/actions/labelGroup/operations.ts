import { labelGroupField } from '../../helpers/fields';
import { labelOperations } from '../../helpers/labelOperations';

/** Groups of message labels: every operation reads or changes one group by its ID. */
export const labelGroupOperations = labelOperations({
	noun: 'label group',
	locator: labelGroupField,
	id: ['groupId', 'Label Group'],
	get: { route: 'getLabelGroup', description: 'Read one group of message labels' },
	// LogLabelGroupCreate requires name and priority.
	update: { route: 'updateLabelGroup', description: 'Rename a label group or change its priority' },
	delete: { route: 'deleteLabelGroup', description: 'Delete a group of message labels' },
	changePriority: { route: 'labelGroupsPriority', description: 'Reorder label groups: give each group ID its new priority' },
	updateMany: { route: 'updateLabelGroups', description: 'Update one label group per input item, all in one request' },
});
