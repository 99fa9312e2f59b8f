import { updateOperation } from '../../helpers/labelOperations';
import { groupIdOption } from '../../helpers/labels';
import { MESSAGE_LABEL } from './common';

export const update = updateOperation(MESSAGE_LABEL, {
	route: 'updateMessageLabels',
	description:
		'Rename message labels, move them to another group or change their priority; all input items in one request',
	fields: [groupIdOption],
});
