/**
 * Pure parts of the Operator API nodes: webhook URL parsing, call → item mapping, agent groups,
 * and the descriptions (the trigger: one webhook per call under one base URL, which is the URL shown).
 */
import { parseOperatorWebhook, rememberedWebhook } from '../../nodes/common/operator/webhook';
import { TovieOperator } from '../../nodes/Operator/TovieOperator.node';
import { callOf, OPERATOR_CALLS, toClientItem } from '../../nodes/OperatorTrigger/calls';
import { toDestinations } from '../../nodes/OperatorTrigger/destinations';
import { TovieOperatorTrigger } from '../../nodes/OperatorTrigger/TovieOperatorTrigger.node';
import { agentEventProblem } from '../helpers/fake-platform/operator.cts';

const AT = '2026-01-01T00:00:00.000Z';

describe('parseOperatorWebhook', () => {
	it.each([
		[
			'https://platform.tovie.ai/chatadapter/chatapi/webhook/operatorapi/12345',
			{
				baseUrl: 'https://platform.tovie.ai/chatadapter/chatapi/webhook/operatorapi',
				apiKey: '12345',
			},
		],
		[
			'http://bot.jaicp.com:8080/chatapi/webhook/operatorapi/a%2Fb/',
			{ baseUrl: 'http://bot.jaicp.com:8080/chatapi/webhook/operatorapi', apiKey: 'a/b' },
		],
		[
			'https://h.example/x/operatorapi/k?region=eu',
			{ baseUrl: 'https://h.example/x/operatorapi', apiKey: 'k', qs: { region: 'eu' } },
		],
	])('splits %s', (url, expected) => {
		expect(parseOperatorWebhook(url)).toEqual(expected);
	});

	it.each([
		undefined,
		'',
		'not a url',
		'ftp://h/operatorapi/k',
		'https://h/operatorapi/',
		'https://h/operatorapi',
		'https://evil.example/collect',
		'https://h/operatorapi/%E0%A4%A',
	])('refuses %p', (url) => {
		expect(parseOperatorWebhook(url)).toBeUndefined();
	});

	it('reads only a remembered entry with a URL', () => {
		expect(rememberedWebhook({})).toBeUndefined();
		expect(rememberedWebhook({ tovieOperatorWebhook: { setAt: AT } })).toBeUndefined();
		expect(rememberedWebhook({ tovieOperatorWebhook: { url: 'u', setAt: AT, node: 'T' } })).toEqual(
			{ url: 'u', setAt: AT, node: 'T' },
		);
	});
});

describe('callOf', () => {
	it.each([
		[{ path: '/webhook/abc/sendText' }, 'sendText'],
		[{ url: '/webhook-test/abc/getDestinations?x=1' }, 'getDestinations'],
		[{ path: '/webhook/abc/closeChat/' }, 'closeChat'],
		[{ path: '/webhook/abc/other' }, undefined],
		[{}, undefined],
	])('%p → %p', (request, call) => {
		expect(callOf(request)).toBe(call);
	});
});

describe('toClientItem', () => {
	it.each([
		[
			'sendText',
			{ userId: 'u', text: 'hi' },
			{ event: 'clientMessage', userId: 'u', text: 'hi', receivedAt: AT },
		],
		[
			'sendText',
			{ userId: 42, text: '' },
			{ event: 'clientMessage', userId: '42', text: '', receivedAt: AT },
		],
		[
			'sendFile',
			{ userId: 'u', url: 'https://f/x', fileName: 'x', size: '10' },
			{
				event: 'clientFile',
				userId: 'u',
				url: 'https://f/x',
				fileName: 'x',
				size: 10,
				receivedAt: AT,
			},
		],
		[
			'sendFile',
			{ userId: 'u', url: 'https://f/x' },
			{ event: 'clientFile', userId: 'u', url: 'https://f/x', receivedAt: AT },
		],
		['closeChat', { userId: 'u' }, { event: 'chatClosed', userId: 'u', text: '', receivedAt: AT }],
		[
			'selectDestination',
			{
				userId: 'u',
				destinationId: 5,
				userName: 'Jo',
				attributes: '{"a":"1"}',
				hiddenAttributes: 'plain',
				customData: { c: 1 },
			},
			{
				event: 'newDialog',
				userId: 'u',
				destinationId: '5',
				userName: 'Jo',
				attributes: { a: '1' },
				hiddenAttributes: { value: 'plain' },
				customData: { c: 1 },
				receivedAt: AT,
			},
		],
	] as const)('%s %p', (call, body, item) => {
		expect(toClientItem(call, body, AT)).toEqual({ ok: true, item });
	});

	it.each([
		['sendText', { text: 'x' }, 'userId is required'],
		['sendText', { userId: ' ' }, 'userId is required'],
		['sendText', { userId: 'u' }, 'text is required'],
		['sendFile', { userId: 'u', url: '' }, 'url is required'],
		['selectDestination', { userId: 'u' }, 'destinationId is required'],
		['closeChat', 'text', 'Expected a JSON object'],
		['setWebhook', { userId: 'u' }, 'setWebhook does not start a workflow'],
	] as const)('refuses %s %p', (call, body, message) => {
		expect(toClientItem(call, body, AT)).toEqual({ ok: false, message });
	});
});

describe('toDestinations', () => {
	it('accepts the list, JSON text and {destinations}, with string IDs and boolean flags', () => {
		const expected = {
			ok: true,
			destinations: [
				{ destinationId: '1', name: 'A', hasOnline: true },
				{ destinationId: 'b', name: 'B', hasOnline: false },
			],
		};
		const list = [
			{ destinationId: 1, name: 'A', hasOnline: 'true' },
			{ id: 'b', name: ' B ', hasOnline: '' },
		];
		expect(toDestinations(list)).toEqual(expected);
		expect(toDestinations(JSON.stringify(list))).toEqual(expected);
		expect(toDestinations({ destinations: list })).toEqual(expected);
		expect(toDestinations('')).toEqual({ ok: true, destinations: [] });
		expect(toDestinations([])).toEqual({ ok: true, destinations: [] });
	});

	it.each([
		['[', 'Agent Groups (JSON) is not valid JSON'],
		[{ a: 1 }, 'Agent groups must be a list of {destinationId, name, hasOnline}'],
		[[{ name: 'no id' }], 'Agent group 1 needs an ID and a name'],
		[
			[
				{ destinationId: 'x', name: 'X' },
				{ destinationId: 'x', name: 'Y' },
			],
			'Agent group ID "x" is used twice',
		],
	])('refuses %p', (raw, message) => {
		expect(toDestinations(raw)).toEqual({ ok: false, message });
	});
});

describe('descriptions', () => {
	it('the trigger serves each call once under one base path, and shows only the base URL itself', () => {
		const { description } = new TovieOperatorTrigger();
		const [base, ...calls] = description.webhooks!;
		expect(calls.map((w) => [w.httpMethod, w.path])).toEqual(
			OPERATOR_CALLS.map((c) => [c.method, c.call]),
		);
		expect(description.webhooks!.every((w) => w.name === 'default')).toBe(true);
		expect(calls.every((w) => w.ndvHideUrl === true)).toBe(true);
		// Path '' with isFullPath: n8n shows and serves `…/webhook/{webhookId}`, the URL to paste as is.
		expect(base).toMatchObject({ httpMethod: 'GET', path: '', isFullPath: true });
		expect(base.ndvHideUrl).toBeUndefined();
		expect(description.usableAsTool).toBeUndefined();
		// It never reads a credential: attachable (the workflow's Tovie Operator uses one), not required.
		expect(description.credentials).toEqual([
			{ name: 'tovieApi', required: false, testedBy: 'tovieApiTest' },
		]);
	});

	it('the action node has the four operations, all with the webhook source, and one Agent collection where an agent speaks', () => {
		const { description } = new TovieOperator();
		const operations = description.properties.find((p) => p.name === 'operation')!
			.options as Array<{ value: string; action: string }>;
		expect(operations.map((o) => o.value)).toEqual([
			'closeChat',
			'selectAgentGroup',
			'sendFile',
			'sendText',
		]);
		const shownFor = (name: string) =>
			description.properties
				.filter((p) => p.name === name)
				.map((p) => p.displayOptions?.show?.operation);
		expect(shownFor('webhookSource')).toEqual([
			['closeChat'],
			['selectAgentGroup'],
			['sendFile'],
			['sendText'],
		]);
		expect(shownFor('agent')).toEqual([['closeChat'], ['sendFile'], ['sendText']]);
		// Send File asks only for the client and the link; everything else has a default.
		const sendFile = description.properties.filter((p) =>
			p.displayOptions?.show?.operation?.includes('sendFile'),
		);
		expect(sendFile.filter((p) => p.required).map((p) => p.displayName)).toEqual([
			'Client ID',
			'File URL',
		]);
	});
});

describe('the fake platform checks agent events as the brief lists them', () => {
	const employee = { employeeId: 'e', firstName: 'F', lastName: 'L', avatarUrl: 'https://a' };
	it.each([
		[{ id: '1', userId: 'u', type: 'TextMessage', text: 't', employee }, undefined],
		[{ id: '1', userId: 'u', type: 'TextMessage', text: 't' }, 'employee is required'],
		[
			{
				id: '1',
				userId: 'u',
				type: 'TextMessage',
				text: 't',
				employee: { ...employee, avatarUrl: '' },
			},
			'employee.avatarUrl is required',
		],
		[
			{
				id: '1',
				userId: 'u',
				type: 'FileMessage',
				url: 'u',
				name: 'n',
				size: '2',
				comment: '',
				employee,
			},
			'size must be an integer',
		],
		[{ userId: 'u', type: 'Closed', employee }, 'id is required'],
		[
			{
				id: '1',
				userId: 'u',
				type: 'SelectDestination',
				destination: { destinationId: 'd', name: 'n', hasOnline: 'true' },
			},
			'destination needs destinationId, name and hasOnline',
		],
		[{ id: '1', userId: 'u', type: 'Other' }, 'Unknown event type Other'],
	])('%p → %p', (event, problem) => {
		expect(agentEventProblem(event)).toBe(problem);
	});
});
