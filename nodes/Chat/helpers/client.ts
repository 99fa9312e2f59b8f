import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredString } from '../../common/validate';

export const clientIdField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. user-42',
	description:
		'Your identifier of the end user: the bot keeps one dialog per client ID. Existing clients are listed in the project under Analytics → Clients.',
};

export function clientIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredString(ctx, 'clientId', itemIndex, 'Client ID');
}

/** The Chat API's `cid`: the client's chat window (a browser tab, say), named by the sender. */
export function connectionIdField(description: string): INodeProperties {
	return {
		displayName: 'Connection ID',
		name: 'cid',
		type: 'string',
		default: '',
		placeholder: 'e.g. tab-1',
		description,
	};
}
