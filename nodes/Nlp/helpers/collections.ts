import type { INodeProperties } from 'n8n-workflow';

import { limitField, returnAllField } from '../../common/fields';

/** The collections several resources use alike; their options are sorted, as the editor lists them. */

const sorted = (options: INodeProperties[]) =>
	[...options].sort((a, b) => a.displayName.localeCompare(b.displayName));

/** Return All, Limit and a "Filters" collection: what every Get Many shows. */
export function getManyFields(filters: INodeProperties[], description: string): INodeProperties[] {
	return [
		returnAllField,
		limitField,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			description,
			options: sorted(filters),
		},
	];
}
