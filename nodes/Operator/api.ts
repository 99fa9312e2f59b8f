import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callOptions } from '../common/fields';
import { CREDENTIAL_NAME, tovieRequest } from '../common/transport';
import { invalidInput, optionalString } from '../common/validate';
import { CREDENTIAL_WEBHOOK_FIELD, parseOperatorWebhook, rememberedWebhook, type OperatorWebhook } from './webhook';

/**
 * The Operator API, agent side: one route. The platform gives its URL in `setWebhook`
 * (`…/chatadapter/chatapi/webhook/operatorapi/{apiKey}`); the body is one event, `TextMessage`,
 * `FileMessage`, `Closed` or `SelectDestination` (brief, Operator API page). The call needs no
 * token: the channel id in the path authorises it, so it is treated as a secret.
 */
export const OPERATOR_ROUTES = {
	event: { method: 'POST', path: '/{apiKey}' },
} as const;

export type OperatorEventType = 'TextMessage' | 'FileMessage' | 'Closed' | 'SelectDestination';

const NO_WEBHOOK_HINT =
	'Activate the workflow with the Tovie Operator Trigger and connect the channel (the platform then sends its webhook URL), or fill in "Operator Webhook URL" in the credential, or choose "Custom URL" under Platform Webhook.';

/**
 * The webhook to post to, for one item: a custom URL when chosen; otherwise the credential's
 * Operator Webhook URL when filled in, else the URL the Tovie Operator Trigger of this workflow
 * received from the platform (workflow static data; production executions only).
 */
export async function operatorWebhookOf(ctx: IExecuteFunctions, itemIndex: number): Promise<OperatorWebhook> {
	const source = ctx.getNodeParameter('webhookSource', itemIndex, 'auto') as string;
	if (source === 'url') {
		const url = optionalString(ctx, 'webhookUrl', itemIndex);
		const parsed = parseOperatorWebhook(url);
		if (!parsed) {
			throw invalidInput(ctx, itemIndex, 'Webhook URL', url ? 'is not an Operator API webhook URL' : 'is empty', 'Expected https://{host}/chatadapter/chatapi/webhook/operatorapi/{channel ID}.');
		}
		return parsed;
	}
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME, itemIndex)) as IDataObject;
	const fromCredential = credentials[CREDENTIAL_WEBHOOK_FIELD];
	if (typeof fromCredential === 'string' && fromCredential.trim()) {
		const parsed = parseOperatorWebhook(fromCredential);
		if (!parsed) {
			throw invalidInput(ctx, itemIndex, 'The credential\'s Operator Webhook URL', 'is not an Operator API webhook URL', 'Expected https://{host}/chatadapter/chatapi/webhook/operatorapi/{channel ID}.');
		}
		return parsed;
	}
	const remembered = rememberedWebhook(ctx.getWorkflowStaticData('global'));
	const parsed = parseOperatorWebhook(remembered?.url);
	if (!parsed) throw invalidInput(ctx, itemIndex, 'Platform Webhook', 'is not known yet', NO_WEBHOOK_HINT);
	return parsed;
}

/** Posts one agent event; returns the event as sent (with its new unique id) and any answer. */
export async function sendOperatorEvent(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: OperatorEventType,
	fields: IDataObject,
): Promise<IDataObject> {
	const webhook = await operatorWebhookOf(ctx, itemIndex);
	const event: IDataObject = { id: randomUUID(), userId: fields.userId, type, ...fields };
	const answer = await tovieRequest<unknown>(
		ctx,
		{
			...OPERATOR_ROUTES.event,
			baseUrl: webhook.baseUrl,
			pathParams: { apiKey: webhook.apiKey },
			qs: webhook.qs,
			body: event,
			extraSecrets: [webhook.apiKey],
		},
		callOptions(ctx, itemIndex),
	);
	const hasAnswer = answer !== undefined && answer !== null && !(typeof answer === 'object' && Object.keys(answer).length === 0);
	return hasAnswer ? { ...event, response: answer as IDataObject } : event;
}
