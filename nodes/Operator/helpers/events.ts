import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../../common/transport';
import { invalidInput, optionalString } from '../../common/validate';
import { itemRequest } from '../api';
import {
	CREDENTIAL_WEBHOOK_FIELD,
	parseOperatorWebhook,
	rememberedWebhook,
	type OperatorWebhook,
} from '../../common/operator/webhook';

export type OperatorEventType = 'TextMessage' | 'FileMessage' | 'Closed' | 'SelectDestination';

const WEBHOOK_FORM =
	'Expected https://{host}/chatadapter/chatapi/webhook/operatorapi/{channel ID}.';
const NO_WEBHOOK_HINT =
	'Publish the workflow with the Tovie Operator Trigger and connect the channel (the platform then sends its webhook URL), or fill in "Operator Webhook URL" in the credential, or choose "Custom URL" under Platform Webhook.';

/**
 * The webhook to post to, for one item: a custom URL when chosen; otherwise the credential's
 * Operator Webhook URL when filled in, else the URL the Tovie Operator Trigger of this workflow
 * received from the platform (workflow static data; production executions only).
 */
export async function operatorWebhookOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<OperatorWebhook> {
	const source = ctx.getNodeParameter('webhookSource', itemIndex, 'auto') as string;
	if (source === 'url') {
		const url = optionalString(ctx, 'webhookUrl', itemIndex);
		const parsed = parseOperatorWebhook(url);
		if (!parsed)
			throw invalidInput(
				ctx,
				itemIndex,
				'Webhook URL',
				url ? 'is not an Operator API webhook URL' : 'is empty',
				WEBHOOK_FORM,
			);
		return parsed;
	}
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME, itemIndex)) as IDataObject;
	const fromCredential = credentials[CREDENTIAL_WEBHOOK_FIELD];
	if (typeof fromCredential === 'string' && fromCredential.trim()) {
		const parsed = parseOperatorWebhook(fromCredential);
		if (!parsed)
			throw invalidInput(
				ctx,
				itemIndex,
				"The credential's Operator Webhook URL",
				'is not an Operator API webhook URL',
				WEBHOOK_FORM,
			);
		return parsed;
	}
	const parsed = parseOperatorWebhook(rememberedWebhook(ctx.getWorkflowStaticData('global'))?.url);
	if (!parsed)
		throw invalidInput(ctx, itemIndex, 'Platform Webhook', 'is not known yet', NO_WEBHOOK_HINT);
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
	const answer = await itemRequest<unknown>(ctx, itemIndex, 'event', {
		baseUrl: webhook.baseUrl,
		pathParams: { apiKey: webhook.apiKey },
		qs: webhook.qs,
		body: event,
		extraSecrets: [webhook.apiKey],
	});
	const hasAnswer =
		answer !== undefined &&
		answer !== null &&
		!(typeof answer === 'object' && Object.keys(answer).length === 0);
	return hasAnswer ? { ...event, response: answer as IDataObject } : event;
}
