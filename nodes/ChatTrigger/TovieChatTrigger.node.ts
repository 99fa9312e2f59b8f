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
import { workflowZone } from '../common/dates';
import { searchChatApiChannels } from '../common/search';
import { CREDENTIAL_NAME } from '../common/transport';
import {
	clientIdFilterField,
	kindNotice,
	onlyWhenField,
	onlyWhenOf,
	passesFilter,
	toTriggerItem,
	triggerOnField,
	type EventFilter,
} from './events';
import { registration } from './registration';
import { checkRequest, dropRepeats } from './guard';
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
				displayName: 'Webhook Registration',
				name: 'registration',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Paste the URL Myself',
						value: 'manual',
						description: 'Copy this node\'s URL into the Chat API channel settings',
					},
					{
						name: 'Register Automatically',
						value: 'auto',
						description:
							'Set the channel\'s webhook to this node\'s URL on activation and put the previous one back on deactivation (needs the Unified API Token, and the Project Short Name unless you pick the channel)',
					},
				],
				default: 'manual',
			},
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				description:
					"The Chat API channel to register on. The list shows the Chat API channels of the credential's project. Empty: the channel whose token is the credential's Chat API Token.",
				displayOptions: { show: { registration: ['auto'] } },
				modes: [
					{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchChatApiChannels', searchable: true } },
					{
						displayName: 'By ID',
						name: 'id',
						type: 'string',
						placeholder: 'e.g. 49199',
						validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A channel ID is a number' } }],
					},
				],
			},
			{
				displayName:
					'In the project, open Channels → your Chat API channel → Edit, and paste this node\'s URL into "Webhook address": the Test URL while you test, the Production URL once the workflow is active. If the platform cannot reach this n8n, use Tovie Chat Polling Trigger instead.',
				name: 'webhookNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			triggerOnField,
			kindNotice,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [clientIdFilterField, onlyWhenField],
			},
		],
	};

	methods = { credentialTest: { tovieApiTest }, listSearch: { searchChatApiChannels } };

	// "Paste the URL Myself": nothing to check, create or delete. "Register Automatically": the
	// channel's callback URL is set through the Bot channel API (registration.ts).
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration', 'manual') !== 'auto') return true;
				return await registration.isRegistered(this, this.getNodeWebhookUrl('default')!);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration', 'manual') !== 'auto') return true;
				await registration.register(this, this.getNodeWebhookUrl('default')!);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration', 'manual') !== 'auto') return true;
				await registration.unregister(this, this.getNodeWebhookUrl('default')!);
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
		const request = this.getRequestObject() as { rawBody?: Buffer; method?: string; headers?: Record<string, unknown> };
		const rawBody = request.rawBody;
		const refusal = checkRequest(request.method, request.headers?.['content-type'] as string | undefined, rawBody?.length);
		if (refusal) return answer(refusal.status, { error: refusal.message });
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		const verdict = verifyWebhook(rawBody?.toString('utf8'), this.getBodyData(), String(credentials.chatApiToken ?? ''));
		if (!verdict.ok) return answer(verdict.status, { error: verdict.message });

		const filter: EventFilter = {
			kinds: this.getNodeParameter('triggerOn', []) as string[],
			clientId: (this.getNodeParameter('options.clientId', '') as string) || undefined,
			onlyWhen: onlyWhenOf(this.getNode()),
		};
		// The platform resends an event it got no quick 200 for: a repeat starts nothing.
		const events = dropRepeats(verdict.events, this.getWorkflowStaticData('node'));
		const items = events.map((event) => toTriggerItem(event, 'webhook', workflowZone(this))).filter((item) => passesFilter(item, filter));
		// Answer at once: the platform waits 3 s and then sends the event again.
		answer(200, { received: items.length, ...(verdict.dropped ? { dropped: verdict.dropped } : {}) });
		if (items.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
