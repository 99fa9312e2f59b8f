import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { clientIdField, clientIdOf } from '../../helpers/client';
import { unconfirmed } from '../../helpers/unconfirmed';

export const load: Operation = {
	value: 'load',
	name: 'Load',
	action: 'Load app state',
	description:
		'Get the state object saved last for a client, as the platform returns it: no field is read or converted',
	properties: [
		unconfirmed(
			clientIdField,
			'the API pages do not give the address of this call; the node uses /chatapi/{token}/client/{clientId}/state, which the platform may not serve',
		),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clientId = clientIdOf(this, itemIndex);
		const state = await itemRequest<unknown>(this, itemIndex, 'loadState', {
			pathParams: { clientId },
		});
		// The state is any JSON: objects become the item, anything else is wrapped.
		return state && typeof state === 'object' && !Array.isArray(state)
			? (state as IDataObject)
			: { state: state as IDataObject };
	},
};
