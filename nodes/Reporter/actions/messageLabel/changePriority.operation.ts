import { changePriorityOperation } from '../../helpers/labelOperations';
import { MESSAGE_LABEL } from './common';

export const changePriority = changePriorityOperation(MESSAGE_LABEL, {
	route: 'messageLabelsPriority',
	description: 'Reorder message labels: give each chosen label its new position',
});
