import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput, jsonObjectParameter } from '../../../common/validate';
import { itemRequest } from '../../api';
import { clientIdField, clientIdOf } from '../../helpers/client';
import { unconfirmed } from '../../helpers/unconfirmed';

export const save: Operation = {
	value: 'save',
	name: 'Save',
	action: 'Save app state',
	description:
		'Store any JSON object as the chat application state of a client, replacing the state saved before; the platform does not check its contents',
	properties: [
		unconfirmed(
			clientIdField,
			'the API pages do not give the address of this call; the node uses /chatapi/{token}/client/{clientId}/state, which the platform may not serve',
		),
		{
			displayName: 'State (JSON)',
			name: 'state',
			type: 'json',
			required: true,
			default: '{}',
			description: 'The object to store, returned unchanged by Load',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clientId = clientIdOf(this, itemIndex);
		const state = jsonObjectParameter(this, 'state', itemIndex, 'State (JSON)');
		if (!state)
			throw invalidInput(
				this,
				itemIndex,
				'State (JSON)',
				'is empty',
				'Enter a JSON object, for example {"page": "checkout"}.',
			);
		await itemRequest(this, itemIndex, 'saveState', {
			pathParams: { clientId },
			body: state,
			idempotent: true,
		});
		return { clientId, saved: true, state };
	},
};
