import { changePriorityOperation } from '../../helpers/labelOperations';
import { SESSION_LABEL } from './common';

export const changePriority = changePriorityOperation(SESSION_LABEL, {
	route: 'sessionLabelsPriority',
	description: 'Reorder session labels: give each chosen label its new position',
});
