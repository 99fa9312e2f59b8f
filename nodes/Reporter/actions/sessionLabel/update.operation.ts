import { updateOperation } from '../../helpers/labelOperations';
import { SESSION_LABEL } from './common';

export const update = updateOperation(SESSION_LABEL, {
	route: 'updateSessionLabels',
	description: 'Rename session labels or change their priority; all input items in one request',
});
