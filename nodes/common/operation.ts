import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** What an operation returns for one item: one object, several, or ready items (binary data). */
export type OperationResult =
	| IDataObject
	| IDataObject[]
	| INodeExecutionData
	| INodeExecutionData[];

/** One prepared item of a batch operation. */
export interface BatchEntry<Prepared> {
	itemIndex: number;
	value: Prepared;
}

/**
 * A batch operation: many items per request. The router prepares every item, groups them by
 * `key`, cuts each group into chunks of at most `size` and sends the chunks one after the other
 * (or `concurrency` at a time); it owns `continueOnFail`, pairing and order. Declare one with
 * `satisfies BatchSpec<Prepared>` so `key` and `send` see the prepared type.
 */
export interface BatchSpec<Prepared = unknown> {
	/** Reads and checks one item; a throw fails that item only, before any request. */
	prepare(this: IExecuteFunctions, itemIndex: number): Prepared | Promise<Prepared>;
	/** Items with the same key may share a request (default: all share one key). */
	key?(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): string;
	/** Max items per request: a number, or read once per execution (e.g. the "Batch Size" option). */
	size: number | ((this: IExecuteFunctions) => number);
	/**
	 * Sends one chunk; returns one result (OperationResult or Error) per entry, in order. A throw
	 * fails that chunk's items only. With `stopOnError` (the node does not continue on fail) the
	 * run ends at the first failed item: a send that makes several requests stops at its first
	 * failure too.
	 */
	send(
		this: IExecuteFunctions,
		chunk: Array<BatchEntry<Prepared>>,
		options: { stopOnError: boolean },
	): Promise<Array<OperationResult | Error>>;
	/** Chunks in flight at once (default 1); read once per execution when a function. */
	concurrency?: number | ((this: IExecuteFunctions) => number);
}

interface OperationBase {
	value: string;
	name: string;
	action: string;
	description: string;
	/** Fields shown only for this operation (display options are added by the router). */
	properties?: INodeProperties[];
	/**
	 * The operation acts on the platform with no idempotence key the platform honours (a message, a
	 * send, a fired event, a create, a deploy): the router gives it Repeat Protection (repeats.ts)
	 * and, when a run stops on an error, says which items were sent. docs/architecture.md lists them.
	 */
	acts?: boolean;
}

/** Handles one item at a time. */
export interface ItemOperation extends OperationBase {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	batch?: never;
}

/** Puts many items into one request (see `BatchSpec`). */
export interface BatchOperation extends OperationBase {
	batch: BatchSpec;
	execute?: never;
}

/** Exactly one of the two forms. */
export type Operation = ItemOperation | BatchOperation;

export interface Resource {
	value: string;
	name: string;
	description?: string;
	operations: Operation[];
}

/** The operation with every result passed through `map` (errors are left as they are). */
export function mapResults(
	operation: Operation,
	map: (
		this: IExecuteFunctions,
		result: OperationResult,
	) => OperationResult | Promise<OperationResult>,
): Operation {
	if (operation.batch) {
		const { send } = operation.batch;
		return {
			...operation,
			batch: {
				...operation.batch,
				async send(chunk, options) {
					const results = await send.call(this, chunk, options);
					return await Promise.all(
						results.map(async (result) =>
							result instanceof Error ? result : await map.call(this, result),
						),
					);
				},
			},
		};
	}
	const { execute } = operation;
	return {
		...operation,
		async execute(itemIndex) {
			return await map.call(this, await execute.call(this, itemIndex));
		},
	};
}
