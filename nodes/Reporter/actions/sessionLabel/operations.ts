import { sessionLabelField } from '../../helpers/fields';
import { labelOperations } from '../../helpers/labelOperations';

/** Get, Update, Delete, Change Priority and Update Many of session labels. */
export const sessionLabelOperations = labelOperations({
	noun: 'session label',
	locator: sessionLabelField,
	id: ['labelId', 'Session Label'],
	get: { route: 'getSessionLabel', description: 'Read one session label' },
	// SessionLabelCreate requires name and priority.
	update: { route: 'updateSessionLabel', description: 'Rename a session label or change its priority' },
	delete: { route: 'deleteSessionLabel', description: 'Delete a session label; sessions lose it' },
	changePriority: { route: 'sessionLabelsPriority', description: 'Reorder session labels: give each label ID its new priority' },
	updateMany: { route: 'updateSessionLabels', description: 'Update one session label per input item, all in one request' },
});
