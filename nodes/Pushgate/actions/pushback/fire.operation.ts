import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { keyValueInput, keyValuesOf, optionsCollection } from '../../../common/fields';
import type { BatchSpec, Operation } from '../../../common/router';
import { firePushback, pushbackTarget, type PushbackTarget } from '../../helpers/firing';

const DEFAULT_CONCURRENCY = 5;

const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: DEFAULT_CONCURRENCY,
	description: 'How many pushbacks of the input items to fire at the same time',
};

interface Firing {
	target: PushbackTarget;
	data: IDataObject | undefined;
}

/** Fires the pushback of every input item: one request each, several at a time. */
export const fire: Operation = {
	acts: true,
	value: 'fire',
	name: 'Fire',
	action: 'Fire pushback event',
	description:
		'Fire the bot event a pushback stands for, in the dialog the bot script created it for, with the data given then or with new event data. A firing is never repeated: after an answer that leaves open whether the event fired (an error, a timeout), it is not sent again.',
	properties: [
		{
			displayName: 'Pushback',
			name: 'pushback',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 96190b45-84ee-4007-9aab-d257ad22729f',
			description:
				'The pushback ID, or its whole activation link (https://…/pushgate/push_…), as the bot script got it from $pushgate.createPushback and passed it on (for example in a Chat API answer)',
		},
		...keyValueInput({
			name: 'data',
			displayName: 'Event Data',
			description: 'What the bot script receives with the event, in $request.rawRequest.eventData',
			extraModes: [
				{
					name: 'Data From Pushback',
					value: 'pushback',
					description: 'The event fires with the data given when the pushback was created',
				},
			],
			default: 'pushback',
		}),
		optionsCollection('Settings most firings leave as they are', [
			{
				displayName: 'Allow Links to Another Server',
				name: 'allowOtherHost',
				type: 'boolean',
				default: false,
				description:
					"Whether to fire an activation link that points at another server than the credential's (for example a regional server)",
			},
			concurrencyOption,
		]),
	],
	batch: {
		// Every item's pushback and data are read and checked before the first firing.
		async prepare(itemIndex) {
			const allowOtherHost = this.getNodeParameter(
				'options.allowOtherHost',
				itemIndex,
				false,
			) as boolean;
			const target = await pushbackTarget(
				this,
				itemIndex,
				this.getNodeParameter('pushback', itemIndex, ''),
				allowOtherHost,
			);
			return { target, data: keyValuesOf(this, itemIndex, 'data', 'Event Data') };
		},
		// One pushback per request (Pushgate takes one), several requests at a time.
		size: 1,
		concurrency(this: IExecuteFunctions) {
			const value = this.getNodeParameter(
				`options.${concurrencyOption.name}`,
				0,
				DEFAULT_CONCURRENCY,
			) as number;
			return Number.isFinite(value) && value >= 1 ? value : DEFAULT_CONCURRENCY;
		},
		async send([{ itemIndex, value }]) {
			return [await firePushback(this, itemIndex, value.target, value.data)];
		},
	} satisfies BatchSpec<Firing>,
};
