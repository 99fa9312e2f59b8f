import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callOptions } from '../common/fields';
import { isoInZone } from '../common/dates';
import { baseUrlOf, CREDENTIAL_NAME, tovieRequestFull, type RouteSpec } from '../common/transport';
import { invalidInput } from '../common/validate';

/**
 * Pushgate has two calls, both on `/pushgate/push_{id}`: GET fires the pushback's event, POST fires
 * it with the JSON body as extra event data. The pushback id in the path is the only credential of
 * the call, so it is redacted like a token.
 */
export const PUSHBACK_PATH = '/pushgate/push_{id}';

/**
 * Both act: each call that reaches the platform fires the bot event once more, and Pushgate takes
 * no idempotence key (docs/platform-assumptions.md, "Pushgate"). So neither is ever repeated after
 * a 5xx, a timeout or a dropped connection, the GET included.
 */
export const PUSHGATE_ROUTES = {
	fire: { method: 'GET', path: PUSHBACK_PATH, acts: true },
	fireWithData: { method: 'POST', path: PUSHBACK_PATH, acts: true },
} as const satisfies Record<string, RouteSpec>;

const LINK = /^(https?:\/\/[^/?#]+(?:\/[^?#]*?)?)\/pushgate\/push_([^/?#]+)\/?(?:[?#].*)?$/;
const BARE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{3,127}$/;

export interface PushbackTarget {
	id: string;
	/** Set only for a link to another host than the credential's server. */
	baseUrl?: string;
}

/** Accepts a pushback id or its activation link; a link must point at the credential's server. */
export async function pushbackTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	input: unknown,
	allowOtherHost: boolean,
): Promise<PushbackTarget> {
	const text = typeof input === 'string' ? input.trim() : '';
	if (!text) throw invalidInput(ctx, itemIndex, 'Pushback', 'is empty', 'Enter the pushback ID or paste its activation link.');
	const link = LINK.exec(text);
	if (!link) {
		if (BARE_ID.test(text.replace(/^push_/, ''))) return { id: text.replace(/^push_/, '') };
		throw invalidInput(ctx, itemIndex, 'Pushback', 'is neither a pushback ID nor an activation link', 'Expected an ID like 96190b45-84ee-4007-9aab-d257ad22729f or a link like https://platform.tovie.ai/pushgate/push_<id>.');
	}
	const [, origin, id] = link;
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME, itemIndex)) as IDataObject;
	if (origin.replace(/\/+$/, '') === baseUrlOf(credentials)) return { id };
	if (!allowOtherHost) {
		throw invalidInput(ctx, itemIndex, 'Pushback', `links to ${origin}, not to the credential's server ${baseUrlOf(credentials)}`, 'Turn on "Allow Another Host" in the options if the pushback really lives there.');
	}
	return { id, baseUrl: origin };
}

function parseAnswer(body: unknown): IDataObject {
	if (typeof body !== 'string' || body.trim() === '') return {};
	try {
		const parsed = JSON.parse(body);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : { response: parsed };
	} catch {
		return { response: body };
	}
}

export async function firePushback(
	ctx: IExecuteFunctions,
	itemIndex: number,
	target: PushbackTarget,
	data: IDataObject | undefined,
): Promise<IDataObject> {
	const { statusCode, body } = await tovieRequestFull<string>(
		ctx,
		{
			...(data ? PUSHGATE_ROUTES.fireWithData : PUSHGATE_ROUTES.fire),
			pathParams: { id: target.id },
			baseUrl: target.baseUrl,
			body: data,
			responseType: 'text',
			extraSecrets: [target.id],
		},
		callOptions(ctx, itemIndex),
	);
	return {
		pushbackId: target.id,
		firedAt: isoInZone(ctx),
		method: data ? 'POST' : 'GET',
		statusCode,
		response: parseAnswer(body),
	};
}
