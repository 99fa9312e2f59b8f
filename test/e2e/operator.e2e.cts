/**
 * The Operator API hand-off in a real n8n: Tovie Operator Trigger published behind n8n's production
 * webhook URL, the fake platform connecting the channel (setWebhook), asking for agent groups
 * (getDestinations), transferring a client and sending its messages; the workflow answers through
 * Tovie Operator with the platform webhook URL the trigger remembered (no URL in the credential), so
 * the remembered URL must survive from one production call to the next execution.
 */
import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import { OperatorModule } from '../helpers/fake-platform/operator.cts';
import { startE2eFake } from './fake.cts';
import { EXAMPLE_CREDENTIAL_NAME, exampleCredential, leakedSecrets, SECRETS } from './fixtures.cts';
import { N8nInstance, sleep, type ExampleWorkflow } from './n8n.cts';

const PORT = Number(process.env.E2E_OPERATOR_PORT ?? 5694);
const CREDENTIAL_ID = 'tovieOperatorCred01';
const WEBHOOK_ID = '5e3c1a7b-2d4f-4e6a-9b8c-0d1e2f3a4b5c';
const CHANNEL = SECRETS.operatorChannel;

let fake: FakePlatform;
let operator: OperatorModule;
let n8n: N8nInstance;

const credentials = {
	tovieApi: { id: CREDENTIAL_ID, name: `${EXAMPLE_CREDENTIAL_NAME} (operator)` },
};
const workflow: ExampleWorkflow = {
	id: 'TovieOperatorE2e01',
	name: 'Operator hand-off: echo the client as an agent',
	nodes: [
		{
			id: 'op-e2e-trigger',
			name: 'Tovie Operator Trigger',
			type: 'n8n-nodes-tovie.tovieOperatorTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: {
				triggerOn: ['clientMessage'],
				destinationsSource: 'list',
				destinations: {
					group: [{ destinationId: 'support', name: 'Support team', hasOnline: true }],
				},
			},
			credentials,
		},
		{
			id: 'op-e2e-reply',
			name: 'Answer as the agent',
			type: 'n8n-nodes-tovie.tovieOperator',
			typeVersion: 1,
			position: [240, 0],
			parameters: {
				resource: 'chat',
				operation: 'sendText',
				userId: '={{ $json.userId }}',
				text: '=Echo: {{ $json.text }}',
				agent: {
					employeeId: 'ann',
					firstName: 'Ann',
					lastName: 'Smith',
					avatarUrl: 'https://example.com/ann.png',
				},
				webhookSource: 'auto',
			},
			credentials,
		},
	],
	connections: {
		'Tovie Operator Trigger': { main: [[{ node: 'Answer as the agent', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
} as unknown as ExampleWorkflow;

beforeAll(async () => {
	fake = await startE2eFake();
	operator = fake.module(OperatorModule);
	n8n = new N8nInstance({ port: PORT });
	// No Operator Webhook URL in the credential: the node must use the one the trigger received.
	await n8n.importCredentials([
		exampleCredential(
			fake.url,
			{ id: CREDENTIAL_ID, name: credentials.tovieApi.name },
			{ operatorWebhookUrl: '' },
		),
	]);
	await n8n.importWorkflow(workflow);
	await n8n.cliOk(['publish:workflow', `--id=${workflow.id}`]);
	await n8n.start();
	await n8n.setupOwner();
	await n8n.createApiKey();
	await n8n.waitForWebhook(`${WEBHOOK_ID}/setWebhook`);
}, 300_000);

afterAll(async () => {
	await n8n?.dispose();
	await fake?.close();
});

test('the channel connects to the production URL and gets the agent groups', async () => {
	const apiUrl = `${n8n.url}/webhook/${WEBHOOK_ID}`;
	expect(await operator.connect(CHANNEL, apiUrl)).toMatchObject({ status: 200 });
	const destinations = await operator.getDestinations(CHANNEL);
	expect(destinations).toMatchObject({
		status: 200,
		response: {
			destinations: [{ destinationId: 'support', name: 'Support team', hasOnline: true }],
		},
	});
});

test('a client message starts the workflow, which answers as the agent through the remembered webhook', async () => {
	expect(await operator.transfer(CHANNEL, 'e2e-client-7', 'support')).toMatchObject({
		status: 200,
	});
	expect(await operator.clientText(CHANNEL, 'e2e-client-7', 'Where is my parcel?')).toMatchObject({
		status: 200,
	});
	const deadline = Date.now() + 30_000;
	while (!operator.eventsOf('e2e-client-7').length && Date.now() < deadline) await sleep(200);
	const [event] = operator.eventsOf('e2e-client-7');
	expect(event).toMatchObject({
		type: 'TextMessage',
		userId: 'e2e-client-7',
		text: 'Echo: Where is my parcel?',
		employee: { employeeId: 'ann', firstName: 'Ann', lastName: 'Smith' },
	});
	const [execution] = await n8n.waitForExecutions(workflow.id, 1);
	expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
	expect(leakedSecrets(JSON.stringify(execution))).toEqual([]);
});
