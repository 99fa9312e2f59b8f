import { createHash } from 'crypto';

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isoInZone } from './dates';

/**
 * Repeat Protection: what an acting operation (a message, a send, a fired event, a deploy) did for
 * an input item is remembered, so that running the same work again sends nothing twice. n8n runs
 * the same work again in three ways the platform cannot tell from new work: Settings → Retry On
 * Fail (the whole node again, in the same execution), Retry of a failed execution, and a run by
 * hand of the same workflow. None of the APIs behind these operations takes an idempotence key.
 *
 * "The same work" is the same node (its ID), parameters, credential, input item (position and
 * JSON). What is remembered is a fingerprint of that and a time, never the content:
 * - in the node's workflow static data, which n8n saves after every production, trigger, webhook
 *   and retried execution (also a failed one) and loads into the next; not after manual runs;
 * - in this process's memory, for manual runs, and for executions that run at the same moment
 *   (each loads its own copy of static data; the last one saved wins).
 * Limits (README, "Never twice"): an n8n process restarted between two manual runs forgets them;
 * queue-mode workers share only static data; it reaches back `rememberHours` and at most
 * MAX_REMEMBERED sends per node.
 */

/** Sends remembered per node, newest kept. */
export const MAX_REMEMBERED = 10_000;
export const DEFAULT_REMEMBER_HOURS = 24;
const MAX_NODES_IN_MEMORY = 1_000;
/** Parameters that say how the node sends, not what: left out of the fingerprint. */
const HOW_NOT_WHAT = new Set(['repeatProtection', 'requestOptions']);

export const repeatProtectionField: INodeProperties = {
	displayName: 'Repeat Protection',
	name: 'repeatProtection',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	description:
		'What this node does when it runs again for an input item it already sent: Retry On Fail, a retried execution, or the same run started again by hand. By default it skips the item and outputs when it was sent.',
	options: [
		{
			displayName: 'Remember Sends For (Hours)',
			name: 'rememberHours',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 720 },
			default: DEFAULT_REMEMBER_HOURS,
			description:
				'How long a send is remembered. The same input item with the same settings is not sent again within this time.',
		},
		{
			displayName: 'Send Repeats Anyway',
			name: 'sendAnyway',
			type: 'boolean',
			default: false,
			description:
				'Whether to send items this node already sent (or may have sent) within that time. The send is still remembered.',
		},
	],
};

/**
 * A remembered send: seconds since the epoch, with the IDs the platform answered (`sendingId`,
 * `questionId`…) when there were any; negative while the send is under way or when the platform
 * did not say whether it arrived (a 5xx, a timeout): neither is sent again by itself.
 */
type Mark = number | [number, IDataObject];
type Ledger = Record<string, Mark>;

const timeOf = (mark: Mark): number => (Array.isArray(mark) ? mark[0] : mark);

/**
 * The ID-like fields of a result (`sendingId`, `questionId`, `id`…), at most `max`, leaving out
 * the names in `except` (the node's own parameters: what the user gave, not what the platform answered).
 */
export function idsOf(
	result: unknown,
	max = 4,
	except: ReadonlySet<string> = new Set(),
): IDataObject {
	const first = (Array.isArray(result) ? result[0] : result) as IDataObject | undefined;
	const json = ((first?.json as IDataObject | undefined) ?? first ?? {}) as IDataObject;
	const ids: IDataObject = {};
	for (const [key, value] of Object.entries(json)) {
		if (Object.keys(ids).length === max) break;
		if (!/(^id|Id|^uuid)$/.test(key) || except.has(key)) continue;
		if (typeof value === 'number' || (typeof value === 'string' && value.length <= 64))
			ids[key] = value;
	}
	return ids;
}

const memory = new Map<string, Ledger>();

/** Forgets what this process remembers (tests). */
export function forgetRepeats(): void {
	memory.clear();
}

/** Whether a failed acting request may have reached the platform (no answer, or a 5xx). */
export function mayHaveArrived(error: unknown): boolean {
	if (error instanceof NodeApiError) {
		const status = Number(error.httpCode ?? 0);
		return !status || status >= 500;
	}
	// Checks before any request (bad input, a repeat refused) throw NodeOperationError.
	return !(error instanceof NodeOperationError);
}

function prune(ledger: Ledger, oldest: number): void {
	const keys = Object.keys(ledger);
	const over = keys.length - MAX_REMEMBERED;
	keys.forEach((key, n) => {
		if (n < over || Math.abs(timeOf(ledger[key])) < oldest) delete ledger[key];
	});
}

export interface EarlierSend {
	/** When it was sent, ISO in the workflow's zone. */
	at: string;
	/** The platform confirmed it; otherwise it may or may not have arrived. */
	confirmed: boolean;
	/** The IDs the platform answered then. */
	ids: IDataObject;
	/** A retry that carries no record at all: whether it was sent cannot be told. */
	unknown?: true;
}

export interface RepeatGuard {
	/** The send of this item remembered within the window, unless Send Repeats Anyway is on. */
	earlier(itemIndex: number): EarlierSend | undefined;
	/** Marks the item as under way before its request goes out. */
	claim(itemIndex: number): void;
	/** After the request: sent, not sent (the platform refused it), or maybe sent. */
	settle(itemIndex: number, outcome: unknown): void;
}

/**
 * The guard of one execution of an acting operation. Fingerprints leave out Repeat Protection and
 * Request Options themselves: changing how the node retries is not new work.
 */
export function repeatGuard(ctx: IExecuteFunctions): RepeatGuard {
	const node = ctx.getNode();
	const settings = ctx.getNodeParameter('repeatProtection', 0, {}) as {
		rememberHours?: number;
		sendAnyway?: boolean;
	};
	const windowSeconds = (settings.rememberHours ?? DEFAULT_REMEMBER_HOURS) * 3600;
	const now = () => Math.floor(Date.now() / 1000);
	const parameters = Object.fromEntries(
		Object.entries(node.parameters).filter(([name]) => !HOW_NOT_WHAT.has(name)),
	);
	const base = JSON.stringify([node.type, parameters, node.credentials ?? null]);
	const inputNames = new Set(Object.keys(parameters));
	const items = ctx.getInputData();
	const fingerprints = new Map<number, string>();
	const fingerprint = (itemIndex: number): string => {
		let key = fingerprints.get(itemIndex);
		if (!key) {
			const item = JSON.stringify([base, itemIndex, items[itemIndex]?.json ?? null]);
			// A letter first keeps the keys in insertion order (JavaScript sorts numeric-like keys).
			key = 's' + createHash('sha256').update(item).digest('hex').slice(0, 24);
			fingerprints.set(itemIndex, key);
		}
		return key;
	};

	const stored = ctx.getWorkflowStaticData('node') as IDataObject;
	// n8n's "Retry with original workflow" starts without the workflow's saved static data; in a
	// process that did not run the original (queue mode, after a restart, a CLI run) nothing tells
	// what it sent: such a retry sends nothing, rather than everything again.
	const blind = ctx.getMode() === 'retry' && stored.sent === undefined;
	stored.sent ??= {};
	const persisted = stored.sent as Ledger;
	const memoryKey = `${ctx.getWorkflow().id ?? ''}|${node.id ?? node.name}`;
	let remembered = memory.get(memoryKey);
	const noRecord = blind && !remembered;
	if (!remembered) {
		remembered = {};
		if (memory.size >= MAX_NODES_IN_MEMORY) memory.delete(memory.keys().next().value as string);
		memory.set(memoryKey, remembered);
	}
	const ledgers = [persisted, remembered];
	const oldest = now() - windowSeconds;
	// Pruning writes to static data only when something expired: n8n saves it only when it changed.
	for (const ledger of ledgers) prune(ledger, oldest);

	const write = (itemIndex: number, mark: Mark | undefined) => {
		const key = fingerprint(itemIndex);
		for (const ledger of ledgers) {
			if (mark === undefined) delete ledger[key];
			else {
				delete ledger[key]; // re-inserted last: the newest stay when the cap is reached
				ledger[key] = mark;
			}
		}
	};
	return {
		earlier(itemIndex) {
			if (settings.sendAnyway) return undefined;
			if (noRecord) return { at: '', confirmed: false, ids: {}, unknown: true };
			const key = fingerprint(itemIndex);
			const mark = remembered[key] ?? persisted[key];
			// Expired marks were pruned above.
			if (mark === undefined) return undefined;
			// Known to one memory only (a retried execution in another process): both keep it now.
			remembered[key] ??= mark;
			persisted[key] ??= mark;
			const at = timeOf(mark);
			const ids = Array.isArray(mark) ? mark[1] : {};
			return { at: isoInZone(ctx, Math.abs(at) * 1000), confirmed: at > 0, ids };
		},
		claim(itemIndex) {
			write(itemIndex, -now());
		},
		settle(itemIndex, outcome) {
			if (!(outcome instanceof Error)) {
				const ids = idsOf(outcome, 2, inputNames);
				write(itemIndex, Object.keys(ids).length ? [now(), ids] : now());
			} else write(itemIndex, mayHaveArrived(outcome) ? -now() : undefined);
		},
	};
}

/** What a repeat outputs instead of sending again. */
export function skippedRepeat(earlier: EarlierSend): IDataObject {
	return {
		...earlier.ids,
		skipped: true,
		skipReason:
			'Repeat Protection: this node already sent this input item with the same settings; it was not sent again',
		sentAt: earlier.at,
	};
}

/** The error of a repeat whose earlier send may or may not have arrived. */
export function maybeSentRepeat(ctx: IExecuteFunctions, earlier: EarlierSend, itemIndex: number) {
	if (earlier.unknown) {
		return new NodeOperationError(
			ctx.getNode(),
			'Not sent: this retried execution has no record of what the original execution sent',
			{
				itemIndex,
				description:
					"n8n's Retry with original workflow starts without the workflow's saved data, and this n8n process did not run the original, so the node cannot tell what already went out. Retry with the currently saved workflow instead, or turn on Repeat Protection → Send Repeats Anyway.",
			},
		);
	}
	return new NodeOperationError(
		ctx.getNode(),
		`Not sent again: the same send may already have reached the platform at ${earlier.at}`,
		{
			itemIndex,
			description:
				'The platform did not confirm the earlier send (no answer, or a server error), so it is not repeated by itself. Check on the platform whether it arrived; to send it anyway, turn on Repeat Protection → Send Repeats Anyway.',
		},
	);
}

/**
 * A state change that is idempotent from the user's view (stop, resume, cancel…): when the
 * platform refuses `move` as impossible (400, 409), as it does when a repeat finds the change
 * already made, `current()` reads the state and returns the item's output if it is the wanted
 * one: the item succeeds with `alreadyInState: true`. Otherwise the refusal stands.
 */
export async function moveOnce(
	ctx: IExecuteFunctions,
	itemIndex: number,
	move: () => Promise<IDataObject>,
	current: () => Promise<IDataObject | undefined>,
): Promise<IDataObject> {
	const moved = await move().catch((error: Error) => error);
	if (!(moved instanceof Error)) return moved;
	const refused = moved instanceof NodeApiError && [400, 409].includes(Number(moved.httpCode));
	const there = refused ? await current() : undefined;
	if (there) return { ...there, alreadyInState: true };
	throw moved instanceof NodeApiError
		? moved
		: new NodeOperationError(ctx.getNode(), moved, { itemIndex });
}
