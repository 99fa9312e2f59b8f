import type { INodeProperties } from 'n8n-workflow';

import { limitField, returnAllField, filtersCollection } from '../../common/fields';

/** Return All, Limit and a "Filters" collection: what every Get Many shows. */
export function getManyFields(filters: INodeProperties[], description: string): INodeProperties[] {
	return [returnAllField, limitField, filtersCollection(description, filters)];
}
