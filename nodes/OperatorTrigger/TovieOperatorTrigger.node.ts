import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { checkTriggerFields } from '../common/checks';
import { tovieApiTest } from '../common/credentialTest';
import { isoInZone } from '../common/dates';
import { eventSubtitle } from '../common/fields';
import { TOVIE_ICON } from '../common/node';
import {
	parseOperatorWebhook,
	REMEMBERED_WEBHOOK_KEY,
	type RememberedWebhook,
} from '../common/operator/webhook';
import {
	callOf,
	OPERATOR_WEBHOOKS,
	toClientItem,
	type ClientEvent,
	type OperatorCall,
} from './calls';
import { toDestinations } from './destinations';
import { triggerOnProperty, triggerProperties } from './properties';

export class TovieOperatorTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie Operator Trigger',
		name: 'tovieOperatorTrigger',
		icon: TOVIE_ICON,
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(triggerOnProperty),
		description:
			'Starts the workflow when your bot hands a chat to a live agent, and on every client message in it (Tovie Platform, JAICP, Operator API)',
		defaults: { name: 'Tovie Operator Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The trigger never reads a credential (the Operator API calls it without any token); it may
		// carry the one the workflow's Tovie Operator node uses, but needs none.
		credentials: [{ name: 'tovieApi', required: false, testedBy: 'tovieApiTest' }],
		// The base URL (the channel's "API URL", the one URL shown) and one webhook per call under it.
		webhooks: OPERATOR_WEBHOOKS,
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
		const call = callOf(this.getRequestObject());
		// n8n routes only this node's paths here: no call name means the base URL itself.
		if (!call)
			return answer(this, 200, {
				message: 'Tovie Operator Trigger: use this URL as the API URL of the Operator API channel',
			});
		// ISO 8601 in the workflow zone, like every output date (nodes/common/dates.ts).
		return await HANDLERS[call](this, isoInZone(this));
	}
}

type Handler = (
	ctx: IWebhookFunctions,
	receivedAt: string,
) => IWebhookResponseData | Promise<IWebhookResponseData>;

function answer(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

function answerDestinations(ctx: IWebhookFunctions, receivedAt: string): IWebhookResponseData {
	const source = ctx.getNodeParameter('destinationsSource', 'list') as string;
	// The workflow answers through a Respond to Webhook node (responseMode "responseNode").
	if (source === 'workflow')
		return { workflowData: [[{ json: { event: 'getDestinations', receivedAt } }]] };
	const raw =
		source === 'json'
			? ctx.getNodeParameter('destinationsJson', '[]')
			: (ctx.getNodeParameter('destinations.group', []) as unknown);
	const verdict = toDestinations(raw);
	return verdict.ok
		? answer(ctx, 200, { destinations: verdict.destinations as unknown as IDataObject[] })
		: answer(ctx, 500, { error: verdict.message });
}

function rememberWebhook(ctx: IWebhookFunctions, receivedAt: string): IWebhookResponseData {
	const body = ctx.getBodyData();
	// Remembered in the workflow's static data, which n8n saves after production webhook calls
	// and reloads for every production execution (also on queue-mode workers).
	if (!parseOperatorWebhook(body.url))
		return answer(ctx, 400, {
			error: "url must be the platform's …/operatorapi/{apiKey} webhook URL",
		});
	const remembered: RememberedWebhook = {
		url: String(body.url).trim(),
		setAt: receivedAt,
		node: ctx.getNode().name,
	};
	ctx.getWorkflowStaticData('global')[REMEMBERED_WEBHOOK_KEY] = remembered;
	return answer(ctx, 200, {});
}

/** A client event (a hand-over, a message, a file, a closed chat): answered at once, then started if chosen. */
function startOnClientEvent(call: OperatorCall): Handler {
	return (ctx, receivedAt) => {
		const verdict = toClientItem(call, ctx.getBodyData(), receivedAt);
		if (!verdict.ok) return answer(ctx, 400, { error: verdict.message });
		if (
			call === 'selectDestination' &&
			ctx.getNodeParameter('destinationsSource', 'list') === 'list'
		) {
			const groups = toDestinations(ctx.getNodeParameter('destinations.group', []));
			const group = groups.ok
				? groups.destinations.find((d) => d.destinationId === verdict.item.destinationId)
				: undefined;
			if (group) verdict.item.destinationName = group.name;
		}
		checkTriggerFields(ctx, [triggerOnProperty]);
		const triggerOn = ctx.getNodeParameter('triggerOn', []) as ClientEvent[];
		answer(ctx, 200, {});
		if (!triggerOn.includes(verdict.item.event as ClientEvent)) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [ctx.helpers.returnJsonArray([verdict.item])] };
	};
}

const HANDLERS: Record<OperatorCall, Handler> = {
	getDestinations: answerDestinations,
	setWebhook: rememberWebhook,
	selectDestination: startOnClientEvent('selectDestination'),
	sendText: startOnClientEvent('sendText'),
	sendFile: startOnClientEvent('sendFile'),
	closeChat: startOnClientEvent('closeChat'),
};
