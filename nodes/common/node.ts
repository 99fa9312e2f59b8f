import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from './fields';
import type { Resource } from './operation';
import { buildProperties } from './router';
import { CREDENTIAL_NAME } from './transport';

/** The same icon for every node, in its light and dark variants. */
export const TOVIE_ICON = { light: 'file:../../icons/tovie.svg', dark: 'file:../../icons/tovie.dark.svg' } as const;

/**
 * The description of an action node: what is its own (names, what it does, its resources) and what
 * every Tovie action node shares (icon, the credential and its test, one input and output, usable as
 * an AI tool, a subtitle from display names).
 */
export function actionNodeDescription(node: { displayName: string; name: string; description: string; resources: Resource[] }): INodeTypeDescription {
	const properties = buildProperties(node.resources);
	return {
		displayName: node.displayName,
		name: node.name,
		icon: TOVIE_ICON,
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: node.description,
		defaults: { name: node.displayName },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true, testedBy: 'tovieApiTest' }],
		properties,
	};
}
