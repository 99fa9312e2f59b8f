import { linkOperation } from '../../helpers/labelOperations';
import { MESSAGE, MESSAGE_LABEL } from './common';

export const addToMessage = linkOperation(MESSAGE_LABEL, MESSAGE, {
	value: 'addToMessage',
	name: 'Add to Message',
	action: 'Add label to message',
	description: 'Put an existing message label on one message',
	route: 'labelMessage',
	result: { labeled: true },
});
