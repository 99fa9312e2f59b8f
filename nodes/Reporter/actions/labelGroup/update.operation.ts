import { updateOperation } from '../../helpers/labelOperations';
import { LABEL_GROUP } from './common';

export const update = updateOperation(LABEL_GROUP, {
	route: 'updateLabelGroups',
	description: 'Rename label groups or change their priority; all input items in one request',
});
