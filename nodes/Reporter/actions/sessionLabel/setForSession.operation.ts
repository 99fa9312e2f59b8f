import { setLabelsOperation } from '../../helpers/labelOperations';
import { SESSION, SESSION_LABEL } from './common';

export const setForSession = setLabelsOperation(SESSION_LABEL, SESSION, {
	value: 'setForSession',
	route: 'setSessionLabels',
	description:
		'Replace all labels of one session with the chosen ones; labels left out are removed (none chosen removes all)',
});
