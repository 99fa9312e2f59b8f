/**
 * A small stand-in for n8n's webhook server in integration tests (the real one is exercised by the
 * end-to-end suite): each POST goes to Tovie Chat Trigger's webhook() through n8n-core's
 * WebhookContext, the node's answer is sent back, then the workflow runs with the items.
 */
import { createServer, type Server } from 'node:http';

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { callWebhook, runWorkflow } from './harness.cts';
import { expectNoSecrets } from './integration.cts';

/**
 * Stands in for n8n's webhook server: passes each POST to the node's webhook() through n8n-core's
 * WebhookContext, answers with what the node answered, then runs the workflow with the items.
 */
export class WebhookServer {
	constructor(private readonly credentials: () => ICredentialDataDecryptedObject) {}

	server!: Server;
	url = '';
	parameters: IDataObject = {};
	calls: Array<{ status: number; items: IDataObject[]; answeredInMs: number }> = [];
	executions: IDataObject[][] = [];
	/** While set, workflows wait for it after the answer was sent (proves the answer comes first). */
	holdWorkflows?: Promise<void>;
	/** While set, every call is to one published trigger (else each call is to a workflow of its own). */
	workflowId?: string;

	async start() {
		this.server = createServer((req, res) => {
			const started = Date.now();
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', async () => {
				const rawBody = Buffer.concat(chunks);
				let body: unknown = {};
				try {
					body = JSON.parse(rawBody.toString('utf8'));
				} catch {
					// n8n leaves an unparseable body to the node (rawBody)
				}
				const { answer, items } = await callWebhook(
					{ type: 'tovieChatTrigger', parameters: this.parameters },
					{ body, rawBody, headers: req.headers as Record<string, string> },
					this.credentials(),
					undefined,
					this.workflowId,
				);
				res
					.writeHead(answer.statusCode ?? 200, { 'content-type': 'application/json' })
					.end(JSON.stringify(answer.body ?? {}));
				this.calls.push({
					status: answer.statusCode ?? 200,
					items,
					answeredInMs: Date.now() - started,
				});
				if (items.length === 0) return;
				// The workflow runs after the answer, as with responseMode onReceived.
				// A macrotask first, as n8n's webhook server does: the caller gets the answer before the run.
				await new Promise((resolve) => setImmediate(resolve));
				await this.holdWorkflows;
				const run = await runWorkflow({
					items,
					credentials: this.credentials(),
					nodes: [{ type: 'test.echo', parameters: { field: 'handled', value: 'yes' } }],
				});
				expectNoSecrets([run.serialized]);
				this.executions.push(run.json());
			});
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/webhook/test-id/webhook`;
	}

	reset(parameters: IDataObject = {}) {
		this.parameters = parameters;
		this.calls = [];
		this.executions = [];
		this.holdWorkflows = undefined;
		this.workflowId = undefined;
	}
}
