import { createHash } from 'crypto';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../transport';

/**
 * Messages this n8n process sent as a client (Tovie Chat Send, Send Without Waiting), so that Tovie Chat
 * Polling Trigger does not start on them: with `all=true` the platform lists every client request
 * of the channel and the bot's answer to it, the workflow's own included. A "Polling Trigger →
 * Send" workflow would otherwise start again on its own message and on the answer it already got.
 *
 * Kept in memory, per channel (a hash of the token, not the token), for a few minutes: sends and
 * the polls that list them are seconds apart. Another process (a queue-mode worker) has its own
 * memory: see docs/platform-assumptions.md, "Own messages".
 */
export interface OwnSend {
	clientId: string;
	/** Unknown when the answer had none (the simplified GET); learnt from the request event. */
	questionId?: string;
	/** The text or the event name sent. */
	text?: string;
	/** A sync send: the workflow got the answer already, so the bot's reply is its own too. */
	sync: boolean;
	at: number;
}

export const OWN_SEND_KEEP_MS = 10 * 60 * 1000;
export const OWN_SEND_MAX = 2000;

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

/**
 * The own send an event belongs to, if any. A request event is matched by its questionId, else by
 * client and text (a send whose answer had no questionId), which teaches the send its questionId so
 * that the bot's reply is recognised too. A reply is matched by questionId only.
 */
export function ownSendOf(
	token: string,
	event: { questionId?: unknown; clientId?: unknown; text?: unknown; isRequest: boolean },
	now = Date.now(),
): OwnSend | undefined {
	if (!token) return undefined;
	const sends = recent(token, now);
	const questionId =
		event.questionId === undefined || event.questionId === null
			? undefined
			: String(event.questionId);
	const byId =
		questionId === undefined ? undefined : sends.find((send) => send.questionId === questionId);
	if (byId || !event.isRequest) return byId;
	const byText = sends.find(
		(send) =>
			send.questionId === undefined &&
			send.clientId === String(event.clientId ?? '') &&
			send.text === String(event.text ?? ''),
	);
	if (byText && questionId !== undefined) byText.questionId = questionId;
	return byText;
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
	if (!token || questionId === undefined || questionId === null) return undefined;
	const at = ((data[SAVED_KEY] ?? {}) as Record<string, number>)[
		`${channelOf(token)}|${String(questionId)}`
	];
	if (typeof at !== 'number' || now - Math.abs(at) > OWN_SEND_KEEP_MS) return undefined;
	return { sync: at > 0 };
}

/** Forgets everything (tests). */
export function forgetOwnSends(): void {
	channels.clear();
}

/**
 * Runs the send of one item, noted before it goes out (the platform may list the request on the
 * long poll before the answer reaches this node) and completed with the questionId of the answer;
 * a send that fails is forgotten.
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
	const entry = rememberOwnSend(token, send);
	let sent = false;
	try {
		const answer = await run();
		sent = true;
		const questionId = questionIdOf(answer);
		if (
			entry &&
			entry.questionId === undefined &&
			questionId !== undefined &&
			questionId !== null &&
			questionId !== ''
		) {
			entry.questionId = String(questionId);
		}
		if (entry?.questionId !== undefined)
			saveOwnSend(ctx.getWorkflowStaticData('global'), token, entry.questionId, send.sync);
		return answer;
	} finally {
		if (!sent && entry) {
			const key = channelOf(token);
			channels.set(
				key,
				(channels.get(key) ?? []).filter((other) => other !== entry),
			);
		}
	}
}
