import type { INodeProperties } from 'n8n-workflow';

/**
 * A field whose call rests on something the platform's published API pages do not say: the
 * editor shows it under the field (docs/platform-assumptions.md lists every such place).
 */
export function unconfirmed(field: INodeProperties, what: string): INodeProperties {
	return {
		...field,
		hint: `Unconfirmed: ${what} (see docs/platform-assumptions.md in the package)`,
	};
}
