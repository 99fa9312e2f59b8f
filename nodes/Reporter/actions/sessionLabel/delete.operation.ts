import { deleteOperation } from '../../helpers/labelOperations';
import { SESSION_LABEL } from './common';

export const deleteLabel = deleteOperation(SESSION_LABEL, {
	route: 'deleteSessionLabel',
	description: 'Permanently delete a session label; the sessions that carry it lose it',
});
