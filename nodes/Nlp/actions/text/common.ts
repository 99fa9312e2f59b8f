import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/fields';

import { requiredString, toEpochMs } from '../../../common/validate';

/** What the Text operations share: the phrase, the client and the date context of a phrase. */

export const textField: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. I want to book a table for two',
	description: 'The phrase to process, usually a customer message',
};

/** The phrase of one item; an empty or blank phrase is an error naming the field and the item. */
export function textOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'text',
	label = 'Text',
): string {
	return requiredString(ctx, name, itemIndex, label);
}

export const clientIdOption: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	default: '',
	description:
		'The client whose records of client entities to use (the ID the bot gets with each message)',
};

/** Options of the calls that resolve dates ("tomorrow") and client entities. */
export const contextOptions: INodeProperties[] = [
	{
		displayName: 'Reference Time',
		name: 'refTime',
		type: 'dateTime',
		default: '',
		description:
			'The "now" that dates in the phrase such as "tomorrow" count from; empty means the current time',
	},
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/London',
		description: 'Time zone of dates in the phrase; empty means the project time zone',
	},
];

/** Z-timezone / Z-refTime headers from an options collection. */
export function contextHeaders(
	ctx: IExecuteFunctions,
	options: IDataObject,
	itemIndex: number,
): Record<string, string> | undefined {
	const headers: Record<string, string> = {};
	const timezone = String(options.timezone ?? '').trim();
	if (timezone) headers['Z-timezone'] = timezone;
	const refTime = toEpochMs(ctx, options.refTime, itemIndex, 'Reference Time');
	if (refTime !== undefined) headers['Z-refTime'] = String(refTime);
	return Object.keys(headers).length ? headers : undefined;
}

/** The top intent and a short list of variants, from an InferenceResultsData answer. */
export function simplifyInference(text: string, answer: IDataObject): IDataObject {
	const variants = ((answer?.variants ?? []) as IDataObject[]).filter(Boolean);
	const top = variants[0];
	const intent = (top?.intent ?? null) as IDataObject | null;
	return {
		text,
		intent: intent?.path ?? null,
		intentId: intent?.id ?? null,
		confidence: (top?.confidence as number | undefined) ?? 0,
		answer: intent?.answer ?? null,
		slots: (top?.slots ?? []) as IDataObject[],
		variants: variants.map((variant) => ({
			intent: ((variant.intent ?? null) as IDataObject | null)?.path ?? null,
			confidence: variant.confidence ?? 0,
		})),
	};
}

/** The "Options" of an operation on a phrase: the client, the date context and `extra`, sorted. */
export function phraseOptions(
	extra: INodeProperties[],
	client: INodeProperties = clientIdOption,
): INodeProperties {
	return optionsCollection('Settings of the call; left out, the platform defaults apply', [
		client,
		...extra,
		...contextOptions,
	]);
}

/** The phrase of one item with its options, context headers and client (checked before any request). */
export function phraseOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { text: string; options: IDataObject; headers?: Record<string, string>; clientId?: string } {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const headers = contextHeaders(ctx, options, itemIndex);
	const text = textOf(ctx, itemIndex);
	return { text, options, headers, clientId: String(options.clientId ?? '').trim() || undefined };
}
