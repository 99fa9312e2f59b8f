import { changePriorityOperation } from '../../helpers/labelOperations';
import { LABEL_GROUP } from './common';

export const changePriority = changePriorityOperation(LABEL_GROUP, {
	route: 'labelGroupsPriority',
	description: 'Reorder label groups: give each chosen group its new position',
});
