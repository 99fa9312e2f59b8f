import { bulkLabelOperation } from '../../helpers/labelOperations';
import { MESSAGE_LABEL } from './common';

export const bulkLabel = bulkLabelOperation(
	MESSAGE_LABEL,
	{
		plural: 'messages',
		idsLabel: 'Message IDs',
		idsHint: 'the question IDs of Message → Get Many',
	},
	{
		route: 'bulkLabelMessages',
		description: 'Add or remove labels on many messages at once, chosen by ID or by filters',
	},
);
