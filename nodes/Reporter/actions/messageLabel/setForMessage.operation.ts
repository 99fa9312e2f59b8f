import { setLabelsOperation } from '../../helpers/labelOperations';
import { MESSAGE_IN_SESSION, MESSAGE_LABEL } from './common';

export const setForMessage = setLabelsOperation(MESSAGE_LABEL, MESSAGE_IN_SESSION, {
	value: 'setForMessage',
	route: 'setMessageLabels',
	description:
		'Replace all labels of one message with the chosen ones; labels left out are removed (none chosen removes all)',
});
