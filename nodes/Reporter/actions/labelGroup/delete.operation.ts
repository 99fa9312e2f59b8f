import { deleteOperation } from '../../helpers/labelOperations';
import { LABEL_GROUP } from './common';

export const deleteGroup = deleteOperation(LABEL_GROUP, {
	route: 'deleteLabelGroup',
	description: 'Permanently delete a group of message labels (its labels may be deleted with it)',
});
