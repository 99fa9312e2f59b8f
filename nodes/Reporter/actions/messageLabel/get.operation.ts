import { getOperation } from '../../helpers/labelOperations';
import { MESSAGE_LABEL } from './common';

export const get = getOperation(MESSAGE_LABEL, {
	route: 'getMessageLabel',
	description: 'Read one message label with its group',
});
