import { bulkLabelOperation } from '../../helpers/labelOperations';
import { SESSION_LABEL } from './common';

export const bulkLabel = bulkLabelOperation(
	SESSION_LABEL,
	{ plural: 'sessions', idsLabel: 'Session IDs', idsHint: 'as Session → Get Many lists them' },
	{
		route: 'bulkLabelSessions',
		description: 'Add or remove labels on many sessions at once, chosen by ID or by filters',
	},
);
