import { getOperation } from '../../helpers/labelOperations';
import { SESSION_LABEL } from './common';

export const get = getOperation(SESSION_LABEL, {
	route: 'getSessionLabel',
	description: 'Read one session label',
});
