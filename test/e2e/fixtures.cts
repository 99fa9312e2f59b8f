/**
 * What the end-to-end suites feed n8n: the credential the examples reference (pointing at the fake
 * platform), and workflows derived from the examples.
 *
 * Convention for examples/*.json (one importable workflow per node, written by each node's
 * author): fixed workflow `id`; credentials referenced as
 * `{ "tovieApi": { "id": "tovieExampleCred", "name": "Tovie Platform account" } }`; action
 * examples start with `n8n-nodes-base.manualTrigger` and are executed by package.e2e.cts with
 * `n8n execute --id`; trigger examples (a `...Trigger` node of the package) carry a fixed
 * `webhookId` and are published and driven by trigger.e2e.cts.
 */
import { randomUUID } from 'node:crypto';

import type { ExampleWorkflow } from './n8n.cts';

export const EXAMPLE_CREDENTIAL_ID = 'tovieExampleCred';
export const EXAMPLE_CREDENTIAL_NAME = 'Tovie Platform account';

/** Secrets the fake platform accepts; distinctive, so a leak is easy to grep for. */
export const SECRETS = {
	chatApiToken: 'e2e-chat-token-7Hq2xV9p',
	chatApiToken2: 'e2e-chat-token-2-Lm4nB8',
	callsApiToken: 'e2e-calls-token-Zk3wR6',
	nlpApiKey: 'e2e-nlp-key-Yt5uP1',
	apiToken: 'e2e-unified-token-Qs8dF2',
	operatorChannel: 'e2e-operator-channel-Vb7kT3',
} as const;

export const PROJECT_SHORT_NAME = 'e2e-project';

export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	data: Record<string, string>;
}

/** The credential the examples reference, with the fake platform as a custom server. */
export function exampleCredential(
	fakeUrl: string,
	overrides: Partial<CredentialFixture> = {},
	data: Record<string, string> = {},
): CredentialFixture {
	return {
		id: EXAMPLE_CREDENTIAL_ID,
		name: EXAMPLE_CREDENTIAL_NAME,
		type: 'tovieApi',
		...overrides,
		data: {
			server: 'custom',
			baseUrl: fakeUrl,
			chatApiToken: SECRETS.chatApiToken,
			callsApiToken: SECRETS.callsApiToken,
			nlpApiKey: SECRETS.nlpApiKey,
			apiToken: SECRETS.apiToken,
			projectShortName: PROJECT_SHORT_NAME,
			operatorWebhookUrl: `${fakeUrl}/chatadapter/chatapi/webhook/operatorapi/${SECRETS.operatorChannel}`,
			...data,
		},
	};
}

export function isTriggerExample(workflow: ExampleWorkflow): boolean {
	return workflow.nodes.some(
		(node) => node.type.startsWith('n8n-nodes-tovie.') && /Trigger$/.test(node.type),
	);
}

/** Core nodes that need nothing outside n8n, so an example made only of them and the package's nodes can run here. */
const OFFLINE_CORE_NODES = new Set(
	[
		'manualTrigger',
		'set',
		'code',
		'if',
		'filter',
		'switch',
		'merge',
		'noOp',
		'splitOut',
		'aggregate',
		'wait',
		'stickyNote',
		'splitInBatches',
		'limit',
		'sort',
		'removeDuplicates',
		'dateTime',
		'crypto',
		'executionData',
	].map((name) => `n8n-nodes-base.${name}`),
);

export function isManualExample(workflow: ExampleWorkflow): boolean {
	return workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger');
}

/** Nodes that would reach a service other than the (fake) Tovie platform, or a second trigger. */
export function externalNodes(workflow: ExampleWorkflow): string[] {
	return workflow.nodes
		.filter(
			(node) => !node.type.startsWith('n8n-nodes-tovie.') && !OFFLINE_CORE_NODES.has(node.type),
		)
		.map((node) => `${node.name} (${node.type})`);
}

/** An action example `n8n execute` can run here: a manual trigger and nothing external. */
export function isRunnableExample(workflow: ExampleWorkflow): boolean {
	return (
		isManualExample(workflow) && !isTriggerExample(workflow) && externalNodes(workflow).length === 0
	);
}

/**
 * The example as the suites import it: a fixed id when it has none (n8n's import needs one; derived
 * from the file name) and every Tovie credential reference pointed at the e2e credential.
 */
export function normaliseExample(file: string, workflow: ExampleWorkflow): ExampleWorkflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as ExampleWorkflow;
	// The pinned sample data is for a user opening the example; the suites run the real nodes.
	delete copy.pinData;
	if (!copy.id)
		copy.id = `ex${file.replace(/\.json$/, '').replace(/[^A-Za-z0-9]/g, '')}`
			.slice(0, 16)
			.padEnd(16, '0');
	for (const node of copy.nodes) {
		if (node.credentials?.tovieApi)
			node.credentials.tovieApi = { id: EXAMPLE_CREDENTIAL_ID, name: EXAMPLE_CREDENTIAL_NAME };
	}
	return copy;
}

/** A deep copy with another id, name, webhookId and credential. */
export function variantOf(
	workflow: ExampleWorkflow,
	changes: { id: string; name: string; webhookId?: string; credentialId?: string },
): ExampleWorkflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as ExampleWorkflow;
	copy.id = changes.id;
	copy.name = changes.name;
	for (const node of copy.nodes) {
		node.id = randomUUID();
		if (node.webhookId && changes.webhookId) node.webhookId = changes.webhookId;
		if (node.credentials?.tovieApi && changes.credentialId) {
			node.credentials.tovieApi = {
				id: changes.credentialId,
				name: `${EXAMPLE_CREDENTIAL_NAME} ${changes.credentialId}`,
			};
		}
	}
	return copy;
}

/** Puts a Wait node of `seconds` right after the node named `after`. */
export function withWaitAfter(
	workflow: ExampleWorkflow,
	after: string,
	seconds: number,
): ExampleWorkflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as ExampleWorkflow;
	const connections = copy.connections as Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	>;
	const next = connections[after]?.main ?? [[]];
	const anchor = copy.nodes.find((node) => node.name === after);
	copy.nodes.push({
		id: '0f0e0d0c-0b0a-4909-8807-060504030201',
		name: 'Slow step',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [(anchor?.position[0] ?? 0) + 120, (anchor?.position[1] ?? 0) + 200],
		parameters: { amount: seconds, unit: 'seconds' },
		webhookId: '0f0e0d0c-0b0a-4909-8807-0605040302aa',
	});
	connections[after] = { main: [[{ node: 'Slow step', type: 'main', index: 0 }]] };
	connections['Slow step'] = { main: next };
	return copy;
}

/** Every string of `text` that is one of the secrets. */
export function leakedSecrets(text: string): string[] {
	return Object.values(SECRETS).filter(
		(secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)),
	);
}
