/**
 * The n8n-core harness itself: workflows run through the real engine, errors surface, and
 * continueOnFail behaves as in n8n. Uses test node types only, so it does not depend on the
 * package's nodes.
 */
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { registerNodeType, runNode, runWorkflow, TestEcho } from '../helpers/harness.cts';

const CHAT_TOKEN = 'HarnTest:0123456789abcdef0123456789abcdef01234567';

describe('n8n-core harness', () => {
	it('runs start → node → node and returns the last node output', async () => {
		const result = await runWorkflow({
			items: [{ n: 1 }, { n: 2 }],
			nodes: [
				{ type: 'test.echo', parameters: { field: 'a', value: 'x' } },
				{ name: 'Second', type: 'test.echo', parameters: { field: 'b', value: 'y' } },
			],
		});
		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.json()).toEqual([
			{ n: 1, a: 'x', b: 'y' },
			{ n: 2, a: 'x', b: 'y' },
		]);
		expect(result.json('Node 1')).toEqual([
			{ n: 1, a: 'x' },
			{ n: 2, a: 'x' },
		]);
		expect(result.executionOrder).toEqual(['Start', 'Node 1', 'Second']);
		expect(result.output()[1].pairedItem).toEqual({ item: 1 });
	});

	it('resolves expressions in parameters like n8n does', async () => {
		const result = await runNode(
			'test.echo',
			{ field: 'greeting', value: '={{ "hi " + $json.name }}' },
			[{ name: 'Ann' }],
		);
		expect(result.json()).toEqual([{ name: 'Ann', greeting: 'hi Ann' }]);
	});

	it('reports a node error as a failed workflow', async () => {
		const result = await runNode('test.echo', { failOnItem: 1, errorMessage: 'Boom on item 1' }, [
			{},
			{},
		]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Boom on item 1');
		expect(result.nodeError()?.message).toBe('Boom on item 1');
		expect(result.output()).toEqual([]);
		expect(result.serialized).toContain('Boom on item 1');
	});

	it('continues with an error item when continueOnFail is set', async () => {
		const result = await runNode(
			'test.echo',
			{ failOnItem: 0, errorMessage: 'Bad item' },
			[{ a: 1 }, { a: 2 }],
			undefined,
			{
				continueOnFail: true,
			},
		);
		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.json()).toEqual([{ error: 'Bad item' }, { a: 2, echoed: 'yes' }]);
	});

	it('under continueOnFail, passes the input of a node that throws outright through (as n8n does)', async () => {
		registerNodeType('test.throws', {
			description: {
				...new TestEcho().description,
				name: 'test.throws',
				displayName: 'Test Throws',
			},
			async execute() {
				throw new Error('Unexpected crash');
			},
		});
		const failing = await runWorkflow({
			nodes: [
				{ type: 'test.throws', parameters: {} },
				{ type: 'test.echo', parameters: {} },
			],
		});
		expect(failing.status).toBe('error');
		expect(failing.error?.message).toContain('Unexpected crash');
		expect(failing.executionOrder).toEqual(['Start', 'Node 1']);

		const continued = await runWorkflow({
			items: [{ a: 1 }],
			nodes: [
				{ type: 'test.throws', parameters: {}, continueOnFail: true },
				{ type: 'test.echo', parameters: {} },
			],
		});
		expect(continued.status).toBe('success');
		expect(continued.error).toBeUndefined();
		expect(continued.nodeError('Node 1')?.message).toContain('Unexpected crash');
		expect(continued.json('Node 1')).toEqual([{ a: 1 }]);
		expect(continued.json()).toEqual([{ a: 1, echoed: 'yes' }]);
	});

	it('fails clearly on an unknown node type', async () => {
		await expect(runNode('test.nothing', {})).rejects.toThrow(/Unknown node type "test.nothing"/);
	});

	describe('credentials', () => {
		let fake: FakePlatform;
		beforeAll(async () => {
			fake = await startFakePlatform({ chat: { tokens: [CHAT_TOKEN] } });
		});
		afterAll(async () => await fake.close());

		it('authenticates requests with TovieApi.authenticate (URL-encoded token in the path)', async () => {
			const credentials = { server: 'custom', baseUrl: fake.url, chatApiToken: CHAT_TOKEN };
			const result = await runNode(
				'test.request',
				{ path: '/chatapi/{{tovie:chatApiToken}}/client/u1/message-not-read-count' },
				[{}],
				credentials,
			);
			expect(result.status).toBe('success');
			expect(result.json()).toEqual([{ statusCode: 200, body: { count: 0 } }]);
			const [request] = fake.requestsTo('GET', /message-not-read-count$/);
			expect(request.path).toBe(
				`/chatapi/${encodeURIComponent(CHAT_TOKEN)}/client/u1/message-not-read-count`,
			);
		});

		it('loads package nodes from the registry by short name (Tovie Chat smoke run)', async () => {
			const credentials = { server: 'custom', baseUrl: fake.url, chatApiToken: CHAT_TOKEN };
			const result = await runNode(
				'tovieChat',
				{ resource: 'message', operation: 'send', clientId: 'u1', query: 'hello', simplify: false },
				[{}],
				credentials,
			);
			expect(result.status).toBe('success');
			expect(result.json()[0]).toMatchObject({ clientId: 'u1', data: { nlpClass: '/Start' } });
			// The fake echoes the token; what n8n keeps of the run must not.
			expect(fake.requests.some((r) => r.path.includes(encodeURIComponent(CHAT_TOKEN)))).toBe(true);
			expect(result.serialized).not.toContain(CHAT_TOKEN);
			expect(result.serialized).not.toContain(encodeURIComponent(CHAT_TOKEN));
		});

		it('fails the node when the workflow gives no credential', async () => {
			const result = await runNode('test.request', { path: '/' });
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(/no credentials of type tovieApi/);
		});
	});
});
