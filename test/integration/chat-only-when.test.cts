/**
 * Tovie Chat Trigger's "Only When" on the webhook body exactly as the platform's page prints it,
 * through n8n-core's real webhook context: a full n8n expression ($now in the workflow's zone,
 * $workflow, $execution, extension functions) with `$json` the event's item, and an expression
 * that fails reported on the item instead of dropping the customer's message.
 */
import type { IDataObject } from 'n8n-workflow';

import { documentedArrayBody, DOCUMENTED_TOKEN } from '../fixtures/chat-webhook.cts';
import { TEST_CREDENTIALS } from '../helpers/context.cts';
import { callWebhook, WORKFLOW_TIMEZONE } from '../helpers/harness.cts';

const WORKFLOW_ID = 'wf-chat-only-when';
let calls = 0;

/**
 * One call of the trigger's webhook (a test run) with the documented body, each to a workflow of
 * its own: a trigger takes an event only once.
 */
async function deliver(onlyWhen: string) {
	const body = documentedArrayBody();
	const { answer, items } = await callWebhook(
		{ type: 'tovieChatTrigger', parameters: { options: { onlyWhen } } },
		{
			body: JSON.parse(body),
			rawBody: Buffer.from(body),
			headers: { 'content-type': 'application/json' },
		},
		{ ...TEST_CREDENTIALS, chatApiToken: DOCUMENTED_TOKEN },
		undefined,
		`${WORKFLOW_ID}-${++calls}`,
	);
	return { status: answer.statusCode, received: (answer.body as IDataObject).received, items };
}

it('without Only When the documented event starts the workflow (the default Trigger On takes it)', async () => {
	const { status, received, items } = await deliver('');
	expect([status, received, items.map((item) => item.questionId)]).toEqual([200, 1, ['12345']]);
});

it.each([
	// $now in the workflow's zone, and a date from the event through an extension function.
	[
		`={{ $now.year >= 2020 && $now.zoneName === "${WORKFLOW_TIMEZONE}" && $json.timestamp.toDateTime() < $now }}`,
		1,
	],
	[`={{ $now.minus(1, "day") < $json.timestamp.toDateTime() }}`, 0],
	[`={{ $today.year >= 2020 && !$json.text.isEmpty() && $json.text.includes("Tell the bot") }}`, 1],
	[`={{ $json.data.nlpClass === "/Start" }}`, 0],
	[`={{ $workflow.id.startsWith("${WORKFLOW_ID}-") && $execution.mode === "test" }}`, 1],
	// A bare expression, as typed in a fixed field.
	['$json.clientId === "test" && $json.eventKind === "botReply"', 1],
])('Only When %s: %i item(s)', async (onlyWhen, count) => {
	const { status, received, items } = await deliver(onlyWhen);
	expect([status, received, items.length]).toEqual([200, count, count]);
	for (const item of items) expect(item.onlyWhenError).toBeUndefined();
});

it.each([
	['={{ $json.data.nlpClass.toDateTime().plus(1, "x") }}', /^Only When failed: \S/],
	['={{ $json.text.includes( }}', /^Only When failed: invalid syntax$/],
	['={{ $json.data.nlpClass }}', /^Only When gave "\/CatchAll", not true or false$/],
])(
	'Only When %s cannot decide: the event starts the workflow, and its item says why',
	async (onlyWhen, error) => {
		const { status, received, items } = await deliver(onlyWhen);
		expect([status, received, items.length]).toEqual([200, 1, 1]);
		expect(items[0]).toMatchObject({
			questionId: '12345',
			onlyWhenError: expect.stringMatching(error),
		});
	},
);
