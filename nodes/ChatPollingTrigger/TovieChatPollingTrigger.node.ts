import type {
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { checkTriggerFields } from '../common/checks';
import { tovieApiTest } from '../common/credentialTest';
import { eventSubtitle } from '../common/fields';
import { TOVIE_ICON } from '../common/node';
import { CREDENTIAL_NAME } from '../common/transport';
import { eventFields, pollingTriggerOn, withLegacyChoices } from '../common/chat/events';
import { pollEvents } from './polling';

/** The node's fields, also checked at run time (checkTriggerFields). */
const properties: INodeProperties[] = [
	{
		displayName:
			'Setup: 1. In the credential, fill in the Chat API Token (in the Tovie project: Channels → your Chat API channel → Edit). 2. Click "Execute step" and have a message sent to a client of the channel: the first new message ends the test. 3. Publish the workflow: it then keeps asking for new messages, and starts once per message. Nothing to paste on the platform. Use one polling trigger per channel.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	...eventFields(
		pollingTriggerOn,
		'Narrow down which messages start the workflow, and how long each request to the platform waits',
		[
			{
				displayName: 'Include Client Requests',
				name: 'includeClientRequests',
				type: 'boolean',
				default: false,
				description:
					'Whether to also start on client messages sent to the channel from elsewhere (another page, another app) and on other events that carry no reply, such as a widget state change. Messages that Tovie Chat sent from this n8n do not start it (for the exceptions, such as queue mode, see the README).',
			},
			{
				displayName: 'Max Wait per Request (Seconds)',
				name: 'waitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 300 },
				default: 30,
				description:
					'How long one request to the platform waits for new messages before the node asks again',
			},
		],
	),
];

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
		icon: TOVIE_ICON,
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(pollingTriggerOn),
		description:
			"Starts the workflow on your Tovie Platform (JAICP) bot's Chat API messages when the platform cannot reach your n8n (a laptop, behind a firewall): it asks the platform for new messages instead of waiting for a webhook",
		defaults: { name: 'Tovie Chat Polling Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true, testedBy: 'tovieApiTest' }],
		properties,
	};

	methods = { credentialTest: { tovieApiTest } };

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		checkTriggerFields(this, withLegacyChoices(properties, 'poll'));
		return await pollEvents.call(this);
	}
}
