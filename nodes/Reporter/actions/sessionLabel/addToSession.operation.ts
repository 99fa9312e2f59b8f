import { linkOperation } from '../../helpers/labelOperations';
import { SESSION, SESSION_LABEL } from './common';

export const addToSession = linkOperation(SESSION_LABEL, SESSION, {
	value: 'addToSession',
	name: 'Add to Session',
	action: 'Add label to session',
	description: 'Put an existing session label on one session',
	route: 'labelSession',
	result: { labeled: true },
});
