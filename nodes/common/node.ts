import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from './fields';
import type { Resource } from './operation';
import { buildProperties } from './router';
import { CREDENTIAL_NAME } from './transport';

/** The same icon for every node, in its light and dark variants. */
export const TOVIE_ICON = {
	light: 'file:../../icons/tovie.svg',
	dark: 'file:../../icons/tovie.dark.svg',
} as const;

/**
 * What every Tovie action node's description shares: one input and output, the credential and its
 * test, the properties built from its resources, a subtitle from their display names. The node file
 * adds what is its own, and writes icon, subtitle and usableAsTool out, where n8n's linter looks.
 */
export function actionNodeDescription(node: {
	displayName: string;
	name: string;
	description: string;
	resources: Resource[];
}) {
	const properties = buildProperties(node.resources);
	return {
		displayName: node.displayName,
		name: node.name,
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: node.description,
		defaults: { name: node.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true, testedBy: 'tovieApiTest' }],
		properties,
	} satisfies Omit<INodeTypeDescription, 'icon' | 'usableAsTool'>;
}
