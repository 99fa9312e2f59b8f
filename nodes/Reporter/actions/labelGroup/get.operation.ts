import { getOperation } from '../../helpers/labelOperations';
import { LABEL_GROUP } from './common';

export const get = getOperation(LABEL_GROUP, {
	route: 'getLabelGroup',
	description: 'Read one group of message labels',
});
