import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredString } from '../../common/validate';

export const clientIdField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. user-42',
	description: 'Your identifier of the end user; the bot keeps one dialog per client ID',
};

export function clientIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredString(ctx, 'clientId', itemIndex, 'Client ID');
}

/**
 * A field whose call rests on something the platform's published API pages do not say: the
 * editor shows it under the field (docs/platform-assumptions.md lists every such place).
 */
export function unconfirmed(field: INodeProperties, what: string): INodeProperties {
	return { ...field, hint: `Unconfirmed: ${what} (see docs/platform-assumptions.md in the package)` };
}
