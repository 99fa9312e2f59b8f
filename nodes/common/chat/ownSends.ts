import { createHash } from 'crypto';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../transport';

/**
 * Messages this n8n process sent as a client (Tovie Chat Send, Send Without Waiting). The triggers
 * need them twice (docs/platform-assumptions.md, "Own messages"):
 * - a reply to a Send Without Waiting is recognised by the questionId the send got back
 *   (Trigger On "Reply to Send Without Waiting");
 * - Tovie Chat Polling Trigger never starts on them: `/events?all=true` lists every client
 *   message of the channel and the bot's answer to it, the workflow's own included, and a
 *   "Polling Trigger → Send" workflow would otherwise answer itself.
 *
 * The documented `/events` shape carries no client ID and no text, so a send is known by the
 * questionId the platform answered. A send still waiting for its answer holds the trigger's
 * events back (`settledOwnSends`), so the answer and the events cannot race. Kept in memory, per
 * channel (a hash of the token, not the token), for 10 minutes, with the client ID and the text
 * (matched where a platform's events carry them). Another process (a queue-mode worker) has its
 * own memory; sends with a questionId are also saved in the workflow's static data (`saveOwnSend`).
 */
export interface OwnSend {
	clientId: string;
	/** Unknown until the answer gave it, or when it had none (the simplified GET). */
	questionId?: string;
	/** The text or the event name sent. */
	text?: string;
	/** A sync send: the workflow got the answer already, so the bot's reply is its own too. */
	sync: boolean;
	at: number;
	/** Settles when the platform answered or the send failed. */
	settled?: Promise<void>;
	/** Answered with no questionId: learnt from the events (`claimOwnSends`). */
	answeredWithoutId?: boolean;
}

export const OWN_SEND_KEEP_MS = 10 * 60 * 1000;
export const OWN_SEND_MAX = 2000;
/** The longest a trigger holds its events back for a send still waiting for its answer. */
export const OWN_SEND_HOLD_MS = 60_000;

const channels = new Map<string, OwnSend[]>();

function channelOf(token: string): string {
	return createHash('sha256').update(token).digest('hex').slice(0, 32);
}

function recent(token: string, now: number): OwnSend[] {
	const key = channelOf(token);
	const kept = (channels.get(key) ?? [])
		.filter((send) => now - send.at <= OWN_SEND_KEEP_MS)
		.slice(-OWN_SEND_MAX);
	if (kept.length) channels.set(key, kept);
	else channels.delete(key);
	return kept;
}

export function rememberOwnSend(
	token: string,
	send: Omit<OwnSend, 'at'>,
	now = Date.now(),
): OwnSend | undefined {
	if (!token) return undefined;
	const entry: OwnSend = { ...send, at: now };
	const sends = recent(token, now);
	sends.push(entry);
	channels.set(channelOf(token), sends.slice(-OWN_SEND_MAX));
	return entry;
}

const idOf = (value: unknown): string | undefined =>
	value === undefined || value === null || value === '' ? undefined : String(value);

/**
 * The own send an event belongs to, if any: by questionId; else, for a request event that
 * carries its client and text (not the documented shape, some platforms may), by client and text,
 * which teaches the send its questionId so that the bot's reply is recognised too.
 */
export function ownSendOf(
	token: string,
	event: { questionId?: unknown; clientId?: unknown; text?: unknown; isRequest: boolean },
	now = Date.now(),
): OwnSend | undefined {
	if (!token) return undefined;
	const sends = recent(token, now);
	const questionId = idOf(event.questionId);
	const byId =
		questionId === undefined ? undefined : sends.find((send) => send.questionId === questionId);
	if (byId || !event.isRequest || event.clientId === undefined || !event.text) return byId;
	const byText = sends.find(
		(send) =>
			send.questionId === undefined &&
			send.clientId === String(event.clientId) &&
			send.text === String(event.text),
	);
	if (byText && questionId !== undefined) byText.questionId = questionId;
	return byText;
}

/**
 * Waits until no send on the channel is waiting for its answer (at most `maxMs`): until then, an
 * event may be the answer's own, listed by the platform before the answer reached n8n.
 */
export async function settledOwnSends(
	token: string,
	maxMs = OWN_SEND_HOLD_MS,
	only: (send: OwnSend) => boolean = () => true,
	now = () => Date.now(),
): Promise<void> {
	const until = now() + maxMs;
	const awaited = new Set<Promise<void>>();
	for (;;) {
		// Sends that started meanwhile are waited for too.
		const pending = recent(token, now())
			.filter(only)
			.map((send) => send.settled)
			.filter((settled): settled is Promise<void> => !!settled && !awaited.has(settled));
		if (pending.length === 0 || now() >= until) return;
		for (const settled of pending) awaited.add(settled);
		await Promise.race([Promise.allSettled(pending), sleep(Math.max(1, until - now()))]);
	}
}

/**
 * Sends answered without a questionId (the simplified GET answers only clientId, query and
 * event) learn it from the events, once: the first time a trigger reads the channel after the
 * answer, all of the send's events are listed. When exactly one such send waits and exactly one
 * message among `candidates` (questionIds of the events read) is not known, it is that send's.
 * With more of either the events cannot tell, and none is claimed; either way the send is not
 * tried again, so a later message from outside is never taken for it.
 */
export function claimOwnSends(token: string, candidates: string[], now = Date.now()): void {
	const sends = recent(token, now);
	const waiting = sends.filter((send) => send.answeredWithoutId && send.questionId === undefined);
	const known = new Set(sends.map((send) => send.questionId));
	const fresh = [...new Set(candidates)].filter((id) => !known.has(id));
	if (waiting.length === 1 && fresh.length === 1) waiting[0].questionId = fresh[0];
	for (const send of waiting) send.answeredWithoutId = false;
}

/** Whether a send answered without a questionId is still to be matched to its events. */
export function hasUnclaimedOwnSends(token: string, now = Date.now()): boolean {
	return recent(token, now).some((send) => send.answeredWithoutId && send.questionId === undefined);
}

/**
 * Own sends with a questionId are also kept in the workflow's global static data, which n8n saves
 * after the execution and a Polling Trigger reads when n8n starts up again: without them, the
 * trigger would go on from its saved cursor and start on the answers to sends made before the
 * restart. `<channel hash>|<questionId>` → time (negative: an async send), same window; no text.
 */
const SAVED_KEY = 'tovieOwnSends';
export const SAVED_MAX = 500;

function saveOwnSend(
	data: IDataObject,
	token: string,
	questionId: string,
	sync: boolean,
	now = Date.now(),
): void {
	const saved = (data[SAVED_KEY] ?? {}) as Record<string, number>;
	const kept = Object.entries(saved).filter(([, at]) => now - Math.abs(at) <= OWN_SEND_KEEP_MS);
	kept.push([`${channelOf(token)}|${questionId}`, sync ? now : -now]);
	data[SAVED_KEY] = Object.fromEntries(kept.slice(-SAVED_MAX));
}

/** An own send saved by an execution before n8n restarted (see `saveOwnSend`). */
export function savedOwnSendOf(
	data: IDataObject,
	token: string,
	questionId: unknown,
	now = Date.now(),
): Pick<OwnSend, 'sync'> | undefined {
	const id = idOf(questionId);
	if (!token || id === undefined) return undefined;
	const at = ((data[SAVED_KEY] ?? {}) as Record<string, number>)[`${channelOf(token)}|${id}`];
	if (typeof at !== 'number' || now - Math.abs(at) > OWN_SEND_KEEP_MS) return undefined;
	return { sync: at > 0 };
}

/** Forgets everything (tests). */
export function forgetOwnSends(): void {
	channels.clear();
}

/**
 * Runs the send of one item, noted before it goes out (the platform lists the request, and a sync
 * send's reply, before the answer reaches this node) and completed with the answer's questionId.
 * A send that fails stays noted without one: a 5xx or a timeout may still have delivered it.
 */
export async function withOwnSend<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: { clientId: string; text: string; sync: boolean },
	run: () => Promise<T>,
	questionIdOf: (answer: T) => unknown,
): Promise<T> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME, itemIndex);
	const token = String(credentials.chatApiToken ?? '');
	let settle = () => {};
	const entry = rememberOwnSend(token, {
		...send,
		settled: new Promise<void>((resolve) => (settle = resolve)),
	});
	try {
		const answer = await run();
		const questionId = idOf(questionIdOf(answer));
		if (entry) {
			entry.questionId ??= questionId;
			entry.answeredWithoutId = entry.questionId === undefined;
			if (entry.questionId !== undefined)
				saveOwnSend(ctx.getWorkflowStaticData('global'), token, entry.questionId, send.sync);
		}
		return answer;
	} finally {
		if (entry) delete entry.settled;
		settle();
	}
}
