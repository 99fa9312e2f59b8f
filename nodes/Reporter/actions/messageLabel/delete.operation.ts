import { deleteOperation } from '../../helpers/labelOperations';
import { MESSAGE_LABEL } from './common';

export const deleteLabel = deleteOperation(MESSAGE_LABEL, {
	route: 'deleteMessageLabel',
	description: 'Permanently delete a message label; the messages that carry it lose it',
});
