import { linkOperation } from '../../helpers/labelOperations';
import { SESSION, SESSION_LABEL } from './common';

export const removeFromSession = linkOperation(SESSION_LABEL, SESSION, {
	value: 'removeFromSession',
	name: 'Remove From Session',
	action: 'Remove label from session',
	description: 'Take one label off one session; the label itself stays',
	route: 'unlabelSession',
	result: { removed: true },
});
