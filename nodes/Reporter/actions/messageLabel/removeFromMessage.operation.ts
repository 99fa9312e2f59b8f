import { linkOperation } from '../../helpers/labelOperations';
import { MESSAGE, MESSAGE_LABEL } from './common';

export const removeFromMessage = linkOperation(MESSAGE_LABEL, MESSAGE, {
	value: 'removeFromMessage',
	name: 'Remove From Message',
	action: 'Remove label from message',
	description: 'Take one label off one message; the label itself stays',
	route: 'unlabelMessage',
	result: { removed: true },
});
