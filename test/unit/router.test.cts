/**
 * The router on its own, with a stand-in context: unknown operations, pairing and order,
 * continueOnFail, run-time field checks (numbers, options, multiOptions) and batching (prepare,
 * grouping, chunking, failed chunks, stop on error, concurrency).
 */
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { batchSizeOf, batchSizeOption, simplifyField, simplifyOf } from '../../nodes/common/fields';
import { mapResults } from '../../nodes/common/operation';
import type {
	BatchEntry,
	BatchSpec,
	Operation,
	OperationResult,
	Resource,
} from '../../nodes/common/router';
import { buildProperties, pickFields, route } from '../../nodes/common/router';

/**
 * A context for `route`: `parameters` are the node's parameters as n8n stores them (a string
 * starting with "=" is an expression); `values` gives what such an expression resolves to per item.
 */
function context(options: {
	parameters?: IDataObject;
	values?: Record<string, (itemIndex: number) => unknown>;
	items?: number;
	continueOnFail?: boolean;
	type?: string;
}) {
	const parameters: IDataObject = { resource: 'thing', ...options.parameters };
	const node: INode = {
		id: 'n',
		name: 'Router Test',
		type: options.type ?? 'test.router',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const reads: string[] = [];
	const ctx = {
		getNode: () => node,
		getInputData: () => Array.from({ length: options.items ?? 1 }, (_v, n) => ({ json: { n } })),
		continueOnFail: () => options.continueOnFail ?? false,
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown) {
			reads.push(name);
			const resolve = options.values?.[name];
			if (resolve) return resolve(itemIndex);
			const value = name
				.split('.')
				.reduce<unknown>((object, key) => (object as IDataObject | undefined)?.[key], parameters);
			if (value === undefined && fallback === undefined)
				throw new Error(`Could not get parameter "${name}"`);
			return value === undefined ? fallback : value;
		},
	};
	return { ctx: ctx as unknown as IExecuteFunctions, reads };
}

const base = { name: 'Op', action: 'Do it', description: 'Does it' };
const resources = (...operations: Operation[]): Resource[] => [
	{ value: 'thing', name: 'Thing', operations },
];

async function run(
	operations: Operation[],
	options: Parameters<typeof context>[0] & { operation?: string },
) {
	const { ctx, reads } = context({
		...options,
		parameters: { operation: options.operation ?? operations[0].value, ...options.parameters },
	});
	const [output] = await route.call(ctx, resources(...operations));
	return {
		output,
		reads,
		json: output.map((item) => item.json),
		paired: output.map((item) => item.pairedItem),
	};
}

describe('router: item operations', () => {
	it('refuses an unknown operation', async () => {
		const echo: Operation = { ...base, value: 'echo', execute: async () => ({}) };
		await expect(run([echo], { operation: 'nope' })).rejects.toThrow(
			'The operation "nope" of "thing" is not supported',
		);
	});

	it('pairs every result with its item, in order: an object, a list, ready items with binary data', async () => {
		const shapes: Operation = {
			...base,
			value: 'shapes',
			async execute(itemIndex) {
				if (itemIndex === 0) return { a: 1 };
				if (itemIndex === 1) return [{ b: 1 }, { b: 2 }];
				return { json: { c: 1 }, binary: { data: { data: '', mimeType: 'text/plain' } } };
			},
		};
		const { output, paired } = await run([shapes], { items: 3 });
		expect(output.map((item) => item.json)).toEqual([{ a: 1 }, { b: 1 }, { b: 2 }, { c: 1 }]);
		expect(paired).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }, { item: 2 }]);
		expect(output[3].binary?.data.mimeType).toBe('text/plain');
	});

	it('with continueOnFail an item that fails becomes an error item (error, errorDescription) and the others go on', async () => {
		const failing: Operation = {
			...base,
			value: 'failing',
			async execute(itemIndex) {
				if (itemIndex === 1)
					throw new NodeOperationError({ name: 'x' } as INode, 'Bad item [item 1]', {
						description: 'Fix it',
					});
				if (itemIndex === 2) throw new Error('plain');
				return { ok: itemIndex };
			},
		};
		const { json, paired } = await run([failing], { items: 4, continueOnFail: true });
		expect(json).toEqual([
			{ ok: 0 },
			{ error: 'Bad item [item 1]', errorDescription: 'Fix it' },
			{ error: 'plain' },
			{ ok: 3 },
		]);
		expect(paired).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});

	it('without continueOnFail the first failure stops the run, as a node error with its item index', async () => {
		const calls: number[] = [];
		const failing: Operation = {
			...base,
			value: 'failing',
			async execute(itemIndex) {
				calls.push(itemIndex);
				if (itemIndex === 1) throw new Error('plain');
				return {};
			},
		};
		const error = await run([failing], { items: 3 }).catch((e: NodeOperationError) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
		expect(calls).toEqual([0, 1]);
	});
});

describe('router: run-time field checks', () => {
	const fields: INodeProperties[] = [
		{
			displayName: 'Count',
			name: 'count',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 5 },
			default: 1,
		},
		{
			displayName: 'File Type',
			name: 'fileType',
			type: 'options',
			options: [
				{ name: 'XLSX', value: 'XLSX' },
				{ name: 'CSV', value: 'CSV' },
			],
			default: 'XLSX',
		},
		{
			displayName: 'Days',
			name: 'days',
			type: 'multiOptions',
			options: [
				{ name: 'Monday', value: 'mon' },
				{ name: 'Sunday', value: 'sun' },
			],
			default: [],
		},
		{
			displayName: 'Label',
			name: 'label',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'labels' },
			options: [],
			default: '',
		},
		{
			displayName: 'Lenient',
			name: 'lenient',
			type: 'options',
			options: [{ name: 'Yes', value: 'YES' }],
			default: 'YES',
			ignoreValidationDuringExecution: true,
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'A', value: 'a' },
				{ name: 'B', value: 'b' },
			],
			default: 'a',
		},
		{
			displayName: 'Only For B',
			name: 'onlyB',
			type: 'number',
			typeOptions: { maxValue: 3 },
			default: 0,
			displayOptions: { show: { mode: ['b'] } },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			options: [
				{
					displayName: 'Size',
					name: 'size',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
				},
			],
		},
	];
	const echo: Operation = {
		...base,
		value: 'echo',
		properties: fields,
		execute: async () => ({ ok: true }),
	};
	const expression = '={{ $json.value }}';

	it('refuses, naming field and item, an options value that is not a choice (File Type "PDF": issue 13)', async () => {
		const { json } = await run([echo], {
			items: 2,
			continueOnFail: true,
			parameters: { fileType: expression },
			values: { fileType: (itemIndex) => (itemIndex === 0 ? 'PDF' : 'CSV') },
		});
		expect(json[0]).toEqual({
			error: 'File Type must be one of "XLSX", "CSV", not "PDF" [item 0]',
		});
		expect(json[1]).toEqual({ ok: true });
	});

	it('refuses a multiOptions value with an unknown choice or that is not a list; the hint gives the values', async () => {
		const { json } = await run([echo], {
			items: 3,
			continueOnFail: true,
			parameters: { days: expression },
			values: { days: (itemIndex) => [['Monday'], 'mon', ['mon', 'sun']][itemIndex] },
		});
		expect(json[0]).toEqual({
			error: 'Days has "Monday", which is not one of "mon", "sun" [item 0]',
			errorDescription: 'The values of the list: "mon" (Monday), "sun" (Sunday).',
		});
		expect(json[1].error).toBe('Days must be a list of "mon", "sun", not "mon" [item 1]');
		expect(json[2]).toEqual({ ok: true });
	});

	it('refuses numbers out of range or not numbers, in collections too', async () => {
		const { json } = await run([echo], {
			items: 3,
			continueOnFail: true,
			parameters: { count: expression, options: { size: expression } },
			values: {
				count: (itemIndex) => [9, 'x', 2][itemIndex],
				'options.size': (itemIndex) => (itemIndex === 2 ? 0 : 1),
			},
		});
		expect(json.map((j) => j.error)).toEqual([
			'Count must be a whole number from 1 to 5, not 9 [item 0]',
			'Count is not a number: "x" [item 1]',
			'Size must be at least 1, not 0 [item 2]',
		]);
	});

	it('skips fields hidden by their display options, with loaded options, read by their operation, and empty values', async () => {
		const { json } = await run([echo], {
			parameters: {
				mode: 'a',
				onlyB: 99,
				label: 'anything',
				lenient: '={{ "yes" }}',
				fileType: '',
			},
		});
		expect(json).toEqual([{ ok: true }]);
		const shown = await run([echo], { parameters: { mode: 'b', onlyB: 99 }, continueOnFail: true });
		expect(shown.json).toEqual([{ error: 'Only For B must be at most 3, not 99 [item 0]' }]);
	});

	it('treats an expression in a display condition as shown, as n8n does', async () => {
		const { json } = await run([echo], {
			parameters: { mode: '={{ "b" }}', onlyB: 99 },
			values: { mode: () => 'b' },
			continueOnFail: true,
		});
		expect(json[0].error).toBe('Only For B must be at most 3, not 99 [item 0]');
	});

	it('reads no field again per item when its value is fixed and right (no per-item cost, nothing thrown)', async () => {
		const { json, reads } = await run([echo], {
			items: 50,
			parameters: { count: 3, fileType: 'CSV', days: ['mon'], options: { size: 4 } },
		});
		expect(json).toHaveLength(50);
		expect(reads.filter((name) => !['resource', 'operation'].includes(name))).toEqual([]);
	});

	it('a fixed wrong value fails every item, each naming itself', async () => {
		const { json } = await run([echo], {
			items: 2,
			parameters: { count: 7 },
			continueOnFail: true,
		});
		expect(json.map((j) => j.error)).toEqual([
			'Count must be a whole number from 1 to 5, not 7 [item 0]',
			'Count must be a whole number from 1 to 5, not 7 [item 1]',
		]);
	});
});

describe('router: batch operations', () => {
	interface Sent {
		chunk: number[];
		stopOnError: boolean;
	}

	/** A batch operation over items' `value`s: key by the value's letter, `fail` rules per chunk or item. */
	function batchOperation(settings: {
		size?: BatchSpec['size'];
		failChunk?: (items: number[]) => boolean;
		failItem?: number;
		badItem?: number;
		concurrency?: number;
		answer?: (chunk: number[]) => number;
	}) {
		const sent: Sent[] = [];
		const prepared: number[] = [];
		let inFlight = 0;
		let maxInFlight = 0;
		const spec = {
			prepare(itemIndex: number) {
				prepared.push(itemIndex);
				if (itemIndex === settings.badItem)
					throw new NodeOperationError(this.getNode(), `Value is bad [item ${itemIndex}]`, {
						itemIndex,
					});
				return this.getNodeParameter('value', itemIndex) as string;
			},
			key: (value: string) => value[0],
			size: settings.size ?? 2,
			concurrency: settings.concurrency,
			async send(
				this: IExecuteFunctions,
				chunk: Array<BatchEntry<string>>,
				options: { stopOnError: boolean },
			) {
				const items = chunk.map((entry) => entry.itemIndex);
				sent.push({ chunk: items, stopOnError: options.stopOnError });
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				await new Promise((resolve) => setTimeout(resolve, 5));
				inFlight--;
				if (settings.failChunk?.(items))
					throw new NodeApiError(
						this.getNode(),
						{ message: 'refused' },
						{ message: `Chunk ${items.join(',')} refused` },
					);
				const results = chunk.map(({ itemIndex, value }) =>
					itemIndex === settings.failItem
						? new Error(`Item ${itemIndex} refused`)
						: { value, itemIndex },
				);
				return settings.answer ? results.slice(0, settings.answer(items)) : results;
			},
		} satisfies BatchSpec<string>;
		const operation: Operation = { ...base, value: 'batch', batch: spec };
		return { operation, sent, prepared, maxInFlight: () => maxInFlight };
	}
	const letters = ['a1', 'b1', 'a2', 'a3', 'b2', 'a4'];
	const values = { value: (itemIndex: number) => letters[itemIndex] };

	it('groups items by key (consecutive or not), cuts groups into chunks of the size, answers in item order', async () => {
		const { operation, sent } = batchOperation({});
		const { json, paired } = await run([operation], { items: 6, values });
		expect(sent.map((s) => s.chunk)).toEqual([
			[0, 2],
			[3, 5],
			[1, 4],
		]);
		expect(json).toEqual(letters.map((value, itemIndex) => ({ value, itemIndex })));
		expect(paired).toEqual(letters.map((_v, item) => ({ item })));
	});

	it('reads the size once per execution (e.g. the "Batch Size" option) and sends nothing for no items', async () => {
		const option = batchSizeOption({ default: 2, max: 10, description: 'Items per request' });
		const { operation, sent } = batchOperation({ size: batchSizeOf(option) });
		const { reads } = await run([operation], {
			items: 6,
			values,
			parameters: { options: { batchSize: 4 } },
		});
		expect(sent.map((s) => s.chunk)).toEqual([
			[0, 2, 3, 5],
			[1, 4],
		]);
		expect(reads.filter((name) => name === 'options.batchSize')).toHaveLength(1);
		const none = batchOperation({});
		expect((await run([none.operation], { items: 0, values })).json).toEqual([]);
		expect(none.sent).toEqual([]);
	});

	it('prepares every item before any request: without continueOnFail a bad item stops the run with nothing sent', async () => {
		const { operation, sent, prepared } = batchOperation({ badItem: 3 });
		const error = await run([operation], { items: 6, values }).catch((e: Error) => e);
		expect((error as Error).message).toBe('Value is bad [item 3]');
		expect(prepared).toEqual([0, 1, 2, 3]);
		expect(sent).toEqual([]);
	});

	it('with continueOnFail a bad item fails alone and stays out of the batch', async () => {
		const { operation, sent } = batchOperation({ badItem: 2 });
		const { json, paired } = await run([operation], { items: 6, values, continueOnFail: true });
		expect(sent.map((s) => s.chunk)).toEqual([[0, 3], [5], [1, 4]]);
		expect(json[2]).toEqual({ error: 'Value is bad [item 2]' });
		expect(paired).toHaveLength(6);
		expect(sent.every((s) => !s.stopOnError)).toBe(true);
	});

	it('a failed chunk fails only its items, each with its own item index; one result may be an error', async () => {
		const { operation } = batchOperation({ failChunk: (items) => items.includes(3), failItem: 1 });
		const { json, paired } = await run([operation], { items: 6, values, continueOnFail: true });
		expect(json.map((j) => j.error ?? 'ok')).toEqual([
			'ok',
			'Item 1 refused',
			'ok',
			'Chunk 3,5 refused',
			'ok',
			'Chunk 3,5 refused',
		]);
		expect(paired).toEqual(letters.map((_v, item) => ({ item })));
	});

	it('without continueOnFail the first failed chunk ends the run: nothing more is sent, its first item is named', async () => {
		const { operation, sent } = batchOperation({ failChunk: (items) => items.includes(3) });
		const error = (await run([operation], { items: 6, values }).catch(
			(e: NodeApiError) => e,
		)) as NodeApiError;
		expect(error.message).toBe('Chunk 3,5 refused');
		expect(error.context.itemIndex).toBe(3);
		expect(sent.map((s) => s.chunk)).toEqual([
			[0, 2],
			[3, 5],
		]);
		expect(sent.every((s) => s.stopOnError)).toBe(true);
	});

	it('a send that answers too few results fails its chunk', async () => {
		const { operation } = batchOperation({
			answer: (items) => (items[0] === 1 ? 1 : items.length),
		});
		const { json } = await run([operation], { items: 6, values, continueOnFail: true });
		expect(json[1].error).toBe('The operation answered 1 results for 2 items');
		expect(json[4].error).toBe('The operation answered 1 results for 2 items');
		expect(json[0]).toEqual({ value: 'a1', itemIndex: 0 });
	});

	it('a size that cannot be read fails every item', async () => {
		const { operation, sent } = batchOperation({
			size() {
				throw new Error('Batch Size is broken');
			},
		});
		const { json } = await run([operation], { items: 2, values, continueOnFail: true });
		expect(json).toEqual([{ error: 'Batch Size is broken' }, { error: 'Batch Size is broken' }]);
		expect(sent).toEqual([]);
	});

	it('runs at most `concurrency` chunks at once and keeps the order', async () => {
		const { operation, maxInFlight } = batchOperation({ size: 1, concurrency: 3 });
		const { json } = await run([operation], { items: 6, values });
		expect(maxInFlight()).toBe(3);
		expect(json.map((j) => j.value)).toEqual(letters);
		const serial = batchOperation({ size: 1 });
		await run([serial.operation], { items: 6, values });
		expect(serial.maxInFlight()).toBe(1);
	});

	it('mapResults passes each result of either form through, and leaves errors alone', async () => {
		const upper = function (this: IExecuteFunctions, result: OperationResult): OperationResult {
			return { ...(result as IDataObject), mapped: this.getNode().name };
		};
		const { operation } = batchOperation({ failItem: 1 });
		const batched = await run([mapResults(operation, upper)], {
			items: 2,
			values,
			continueOnFail: true,
		});
		expect(batched.json).toEqual([
			{ value: 'a1', itemIndex: 0, mapped: 'Router Test' },
			{ error: 'Item 1 refused' },
		]);
		const item: Operation = {
			...base,
			value: 'item',
			execute: async (itemIndex) => ({ itemIndex }),
		};
		expect((await run([mapResults(item, upper)], {})).json).toEqual([
			{ itemIndex: 0, mapped: 'Router Test' },
		]);
	});
});

describe('router: the Output choice of an AI tool variant', () => {
	const record = { id: 7, status: 'done', customer: { name: 'Ann', phone: '1' }, extra: 'x' };
	const getOne: Operation = {
		...base,
		value: 'get',
		properties: [simplifyField],
		async execute(this: IExecuteFunctions, itemIndex) {
			return simplifyOf(this, itemIndex) ? { id: record.id, status: record.status } : record;
		},
	};

	it('adds Output and Fields beside Simplify, shown only in the tool variant, and hides Simplify there', () => {
		const properties = buildProperties(resources(getOne));
		const byName = (name: string) => properties.find((p) => p.name === name)!;
		expect(byName('simplify').displayOptions).toMatchObject({
			hide: { '@tool': [true] },
			show: { operation: ['get'] },
		});
		expect(byName('output').displayOptions?.show).toMatchObject({
			'@tool': [true],
			operation: ['get'],
		});
		expect(byName('outputFields').displayOptions?.show).toMatchObject({
			'@tool': [true],
			output: ['selected'],
		});
	});

	it('in the editor follows Simplify and ignores Output', async () => {
		const { json } = await run([getOne], {
			parameters: { simplify: false, output: 'selected', outputFields: 'id' },
		});
		expect(json).toEqual([record]);
	});

	it('as a tool returns the simplified, the raw or only the selected fields (dot paths reach into objects)', async () => {
		const tool = { type: 'test.routerTool' };
		expect((await run([getOne], { ...tool, parameters: { output: 'simplified' } })).json).toEqual([
			{ id: 7, status: 'done' },
		]);
		expect((await run([getOne], { ...tool, parameters: { output: 'raw' } })).json).toEqual([
			record,
		]);
		const selected = await run([getOne], {
			...tool,
			parameters: { output: 'selected', outputFields: 'status, customer.name, missing' },
		});
		expect(selected.json).toEqual([{ status: 'done', 'customer.name': 'Ann' }]);
		expect(selected.paired).toEqual([{ item: 0 }]);
	});

	it('pickFields leaves out what is not there', () => {
		expect(pickFields({ a: { b: null } }, ['a.b', 'a.c', 'z'])).toEqual({ 'a.b': null });
	});
});
