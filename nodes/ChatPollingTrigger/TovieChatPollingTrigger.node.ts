import type { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { clientIdFilterField, kindNotice, onlyWhenField, triggerOnField } from '../ChatTrigger/events';
import { pollEvents } from './polling';

/**
 * The same events as Tovie Chat Trigger, for an n8n the platform cannot reach (behind NAT, on a
 * laptop): instead of receiving webhooks it keeps long-polling the Chat API events. A separate
 * node, because n8n runs a node's `trigger()` before its `webhook()` in test executions. One
 * poller per channel token: the platform keeps one event stream per channel.
 */
export class TovieChatPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie Chat Polling Trigger',
		name: 'tovieChatPollingTrigger',
		icon: { light: 'file:../../icons/tovie.svg', dark: 'file:../../icons/tovie.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"On " + $parameter["triggerOn"].join(", ")}}',
		description:
			'Starts the workflow on Tovie Platform (JAICP) Chat API messages by long-polling the events, without a public webhook URL',
		defaults: { name: 'Tovie Chat Polling Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' }],
		properties: [
			triggerOnField,
			kindNotice,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					clientIdFilterField,
					{
						displayName: 'Include Client Requests',
						name: 'includeClientRequests',
						type: 'boolean',
						default: false,
						description:
							'Whether to also start on client messages sent to the channel from elsewhere (another page, another app) and on other events that carry no reply, such as a widget state change. Messages that Tovie Chat sent from this n8n never start it (in queue mode, see the README).',
					},
					{
						displayName: 'Max Wait per Poll (Seconds)',
						name: 'waitSeconds',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 300 },
						default: 30,
						description: 'How long one long-polling request waits for events before asking again',
					},
					onlyWhenField,
				],
			},
		],
	};

	methods = { credentialTest: { tovieApiTest } };

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return await pollEvents.call(this);
	}
}
