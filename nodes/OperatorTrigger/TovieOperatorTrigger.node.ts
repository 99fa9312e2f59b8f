import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { parseOperatorWebhook, REMEMBERED_WEBHOOK_KEY, type RememberedWebhook } from '../Operator/webhook';
import { callOf, toClientItem, type ClientEvent } from './calls';
import { toDestinations } from './destinations';
import { triggerProperties } from './properties';

export class TovieOperatorTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie Operator Trigger',
		name: 'tovieOperatorTrigger',
		icon: { light: 'file:../../icons/tovie.svg', dark: 'file:../../icons/tovie.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"On " + $parameter["triggerOn"].join(", ")}}',
		description: 'Serves the Tovie Platform (JAICP) Operator API: starts the workflow when a bot hands a client over to a live agent, and on every client message',
		defaults: { name: 'Tovie Operator Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The package's one credential, as on every node (the Tovie Operator node of the workflow uses
		// it); the Operator API itself calls this trigger without any token.
		credentials: [{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' }],
		// One webhook per Operator API call, all under the same base URL (the channel's "API URL").
		webhooks: [
			{ name: 'default', httpMethod: 'GET', path: 'getDestinations', responseMode: '={{$parameter["destinationsSource"] === "workflow" ? "responseNode" : "onReceived"}}', responseData: 'noData' },
			{ name: 'default', httpMethod: 'POST', path: 'setWebhook', responseMode: 'onReceived', responseData: 'noData', ndvHideUrl: true },
			{ name: 'default', httpMethod: 'POST', path: 'selectDestination', responseMode: 'onReceived', responseData: 'noData', ndvHideUrl: true },
			{ name: 'default', httpMethod: 'POST', path: 'sendText', responseMode: 'onReceived', responseData: 'noData', ndvHideUrl: true },
			{ name: 'default', httpMethod: 'POST', path: 'sendFile', responseMode: 'onReceived', responseData: 'noData', ndvHideUrl: true },
			{ name: 'default', httpMethod: 'POST', path: 'closeChat', responseMode: 'onReceived', responseData: 'noData', ndvHideUrl: true },
		],
		properties: triggerProperties,
	};

	methods = { credentialTest: { tovieApiTest } };

	// The platform calls the URL the user pasted: nothing to check, register or remove.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			response.status(status).json(body);
			return { noWebhookResponse: true };
		};
		const call = callOf(this.getRequestObject());
		if (!call) return answer(404, { error: 'Unknown Operator API call' });
		const receivedAt = new Date().toISOString();

		if (call === 'getDestinations') {
			const source = this.getNodeParameter('destinationsSource', 'list') as string;
			// The workflow answers through a Respond to Webhook node (responseMode "responseNode").
			if (source === 'workflow') return { workflowData: [[{ json: { event: 'getDestinations', receivedAt } }]] };
			const raw = source === 'json' ? this.getNodeParameter('destinationsJson', '[]') : (this.getNodeParameter('destinations.group', []) as unknown);
			const verdict = toDestinations(raw);
			return verdict.ok ? answer(200, { destinations: verdict.destinations as unknown as IDataObject[] }) : answer(500, { error: verdict.message });
		}

		const body = this.getBodyData();
		if (call === 'setWebhook') {
			// Remembered in the workflow's static data, which n8n saves after production webhook
			// calls and reloads for every production execution (also on queue-mode workers).
			if (!parseOperatorWebhook(body.url)) return answer(400, { error: 'url must be the platform\'s …/operatorapi/{apiKey} webhook URL' });
			const remembered: RememberedWebhook = { url: String(body.url).trim(), setAt: receivedAt, node: this.getNode().name };
			this.getWorkflowStaticData('global')[REMEMBERED_WEBHOOK_KEY] = remembered;
			return answer(200, {});
		}

		const verdict = toClientItem(call, body, receivedAt);
		if (!verdict.ok) return answer(400, { error: verdict.message });
		if (call === 'selectDestination' && this.getNodeParameter('destinationsSource', 'list') === 'list') {
			const groups = toDestinations(this.getNodeParameter('destinations.group', []));
			const group = groups.ok ? groups.destinations.find((d) => d.destinationId === verdict.item.destinationId) : undefined;
			if (group) verdict.item.destinationName = group.name;
		}
		const triggerOn = this.getNodeParameter('triggerOn', []) as ClientEvent[];
		// Answer at once, whether or not the event starts the workflow.
		answer(200, {});
		if (!triggerOn.includes(verdict.item.event as ClientEvent)) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([verdict.item])] };
	}
}
