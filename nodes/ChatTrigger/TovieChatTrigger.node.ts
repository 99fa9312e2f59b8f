import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { CREDENTIAL_NAME } from '../common/transport';
import { clientIdFilterField, eventsOfBody, passesFilter, toTriggerItem, triggerOnField, type EventFilter } from './events';
import { verifyWebhook } from './verify';

export class TovieChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie Chat Trigger',
		name: 'tovieChatTrigger',
		icon: { light: 'file:../../icons/tovie.svg', dark: 'file:../../icons/tovie.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"On " + $parameter["triggerOn"].join(", ")}}',
		description: 'Starts the workflow when a Tovie Platform (JAICP) bot, agent or text campaign sends a Chat API message',
		defaults: { name: 'Tovie Chat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'In the project, open Channels → your Chat API channel → Edit, and paste this node\'s URL into "Webhook address": the Test URL while you test, the Production URL once the workflow is active. If the platform cannot reach this n8n, use Tovie Chat Polling Trigger instead.',
				name: 'webhookNotice',
				type: 'notice',
				default: '',
			},
			triggerOnField,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [clientIdFilterField],
			},
		],
	};

	methods = { credentialTest: { tovieApiTest } };

	// The platform has no API to register a Chat API webhook with the channel token alone: the user
	// pastes the URL (see the notice), so there is nothing to check, create or delete.
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
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		const rawBody = (this.getRequestObject() as { rawBody?: Buffer }).rawBody;
		const verdict = verifyWebhook(rawBody?.toString('utf8'), this.getBodyData(), String(credentials.chatApiToken ?? ''));
		if (!verdict.ok) return answer(verdict.status, { error: verdict.message });

		const filter: EventFilter = {
			kinds: this.getNodeParameter('triggerOn', []) as string[],
			clientId: (this.getNodeParameter('options.clientId', '') as string) || undefined,
		};
		const items = (eventsOfBody(verdict.body) ?? []).map(toTriggerItem).filter((item) => passesFilter(item, filter));
		// Answer at once: the platform waits 3 s and then sends the event again.
		answer(200, { received: items.length });
		if (items.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
