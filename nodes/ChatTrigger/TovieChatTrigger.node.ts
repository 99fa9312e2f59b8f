import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { checkTriggerFields } from '../common/checks';
import { tovieApiTest } from '../common/credentialTest';
import { workflowZone } from '../common/dates';
import { eventSubtitle } from '../common/fields';
import { TOVIE_ICON } from '../common/node';
import { searchChatApiChannels } from '../common/search';
import { CREDENTIAL_NAME } from '../common/transport';
import {
	eventFields,
	eventKindOf,
	kindsOf,
	passesFilter,
	toTriggerItem,
	webhookTriggerOn,
	withLegacyChoices,
	type EventFilter,
} from '../common/chat/events';
import { ownSendOf, savedOwnSendOf, settledOwnSends } from '../common/chat/ownSends';
import { checkOnlyWhen, onlyWhenTest } from '../common/chat/onlyWhen';
import { chatZoneOf } from '../common/chat/timestamps';
import { registration } from './registration';
import { checkRequest, dropRepeats } from './guard';
import { verifyWebhook } from './verify';
/** How long a delivery waits for a Send Without Waiting still waiting for its answer. */
const ASYNC_ANSWER_WAIT_MS = 2000;

/** The node's fields, also checked at run time (checkTriggerFields). */
const properties: INodeProperties[] = [
	{
		displayName: 'Webhook Registration',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Paste the URL Myself',
				value: 'manual',
				description: "Copy this node's URL into the Chat API channel settings yourself",
			},
			{
				name: 'Register Automatically',
				value: 'auto',
				description:
					"The node sets the channel's webhook address to its own URL while it listens, and puts the previous address back afterwards (needs the Unified API Token in the credential)",
			},
		],
		default: 'manual',
		description: "How the Chat API channel learns this node's URL",
	},
	{
		displayName:
			'A Chat API channel has one webhook address, so only one trigger gets its messages: use one Tovie Chat Trigger per channel. Setting the address for another workflow, or for a test while this one is published, sends the messages there instead.',
		name: 'oneWebhookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			'Setup: 1. Copy the Test URL above (Production URL once you publish). 2. In the Tovie project, open Channels → your Chat API channel → Edit, paste the URL into "Webhook address" and save. 3. Click "Listen for test event" and have a message sent to a client of the channel (for example with Tovie Chat → Send Without Waiting), or Publish the workflow after pasting the Production URL. If the platform cannot reach this n8n (a laptop, behind a firewall), use Tovie Chat Polling Trigger instead.',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
	},
	{
		displayName:
			'Setup: 1. In the credential, fill in the Chat API Token, the Unified API Token and the Project Short Name (the project lists the channels below). 2. Pick the channel, or leave Channel empty to use the one whose token is the credential\'s Chat API Token. 3. Click "Listen for test event": the node sets the channel\'s webhook address to the Test URL until the event arrives or you stop listening, then puts the previous address back. 4. Publish the workflow: the node sets the Production URL, and puts the previous address back when you unpublish it. No pasting needed.',
		name: 'registrationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['auto'] } },
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			"The Chat API channel whose webhook address the node sets. The list shows the Chat API channels of the credential's project (Project Short Name); By ID takes the number in the channel's address in the project (Channels → the channel). Empty: the channel whose token is the credential's Chat API Token.",
		displayOptions: { show: { registration: ['auto'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchChatApiChannels', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 49199',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: 'A channel ID is a number' },
					},
				],
			},
		],
	},
	...eventFields(webhookTriggerOn, 'Narrow down which messages start the workflow'),
];

export class TovieChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie Chat Trigger',
		name: 'tovieChatTrigger',
		icon: TOVIE_ICON,
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(webhookTriggerOn),
		description:
			'Starts the workflow when your Tovie Platform (JAICP) bot, a live agent or a text campaign writes to a Chat API client',
		defaults: { name: 'Tovie Chat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true, testedBy: 'tovieApiTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties,
	};

	methods = { credentialTest: { tovieApiTest }, listSearch: { searchChatApiChannels } };

	// "Paste the URL Myself": nothing to check, create or delete. "Register Automatically": the
	// channel's callback URL is set through the Bot channel API (registration.ts). n8n calls these
	// for the Test URL too, while the editor listens for a test event, and deletes it afterwards.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// Runs on publish and on "Listen for test event": an unreadable Only When stops both.
				await checkOnlyWhen(this);
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
		const request = this.getRequestObject() as {
			rawBody?: Buffer;
			method?: string;
			headers?: Record<string, unknown>;
		};
		const rawBody = request.rawBody;
		const refusal = checkRequest(
			request.method,
			request.headers?.['content-type'] as string | undefined,
			rawBody?.length,
		);
		if (refusal) return answer(refusal.status, { error: refusal.message });
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		const verdict = verifyWebhook(
			rawBody?.toString('utf8'),
			this.getBodyData(),
			String(credentials.chatApiToken ?? ''),
		);
		if (!verdict.ok) return answer(verdict.status, { error: verdict.message });
		checkTriggerFields(this, withLegacyChoices(properties, 'webhook'));

		const filter: EventFilter = {
			kinds: kindsOf(this.getNodeParameter('triggerOn', []) as string[], 'webhook'),
			clientId: (this.getNodeParameter('options.clientId', '') as string) || undefined,
		};
		// The platform resends an event it got no quick 200 for: a repeat starts nothing.
		const events = dropRepeats(
			verdict.events,
			`${this.getWorkflow().id}|${this.getNode().id}`,
			this.getWorkflowStaticData('node'),
		);
		// A reply to this n8n's Send Without Waiting is known by its questionId; a send still waiting
		// for the platform's answer may be this reply's (briefly: the platform waits 3 s for ours).
		const token = String(credentials.chatApiToken ?? '');
		if (events.length > 0) await settledOwnSends(token, ASYNC_ANSWER_WAIT_MS, (send) => !send.sync);
		const saved = this.getWorkflowStaticData('global');
		const platformZone = chatZoneOf(credentials, this.getNode());
		const candidates = events
			.map((event) => {
				const own =
					ownSendOf(token, { questionId: event.questionId, isRequest: false }) ??
					savedOwnSendOf(saved, token, event.questionId);
				const kind = own && !own.sync ? 'asyncReply' : eventKindOf(event, 'webhook');
				return toTriggerItem(event, 'webhook', workflowZone(this), kind, platformZone);
			})
			.filter((item) => passesFilter(item, filter));
		const onlyWhen = onlyWhenTest(this);
		const items = onlyWhen ? await onlyWhen(candidates) : candidates;
		// Answer at once: the platform waits 3 s and then sends the event again.
		answer(200, {
			received: items.length,
			...(verdict.dropped ? { dropped: verdict.dropped } : {}),
		});
		if (items.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
