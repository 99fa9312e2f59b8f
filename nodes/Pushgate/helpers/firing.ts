import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isoInZone } from '../../common/dates';
import { baseUrlOf, CREDENTIAL_NAME } from '../../common/transport';
import { invalidInput } from '../../common/validate';
import { itemRequestFull } from '../api';

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
	if (!text)
		throw invalidInput(
			ctx,
			itemIndex,
			'Pushback',
			'is empty',
			'Enter the pushback ID or paste its activation link.',
		);
	const link = LINK.exec(text);
	if (!link) {
		if (BARE_ID.test(text.replace(/^push_/, ''))) return { id: text.replace(/^push_/, '') };
		throw invalidInput(
			ctx,
			itemIndex,
			'Pushback',
			'is neither a pushback ID nor an activation link',
			'Expected an ID like 96190b45-84ee-4007-9aab-d257ad22729f or a link like https://platform.tovie.ai/pushgate/push_<id>.',
		);
	}
	const [, origin, id] = link;
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME, itemIndex)) as IDataObject;
	if (origin.replace(/\/+$/, '') === baseUrlOf(credentials)) return { id };
	if (!allowOtherHost) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Pushback',
			`links to ${origin}, not to the credential's server ${baseUrlOf(credentials)}`,
			'Turn on "Allow Links to Another Server" in the options if the pushback really lives there.',
		);
	}
	return { id, baseUrl: origin };
}

/** The answer as JSON when it is JSON, else as text under `response` (docs/platform-assumptions.md, "Pushgate"). */
function parseAnswer(body: unknown): IDataObject {
	if (typeof body !== 'string' || body.trim() === '') return {};
	try {
		const parsed = JSON.parse(body);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? parsed
			: { response: parsed };
	} catch {
		return { response: body };
	}
}

/** Fires one pushback: GET without data (the data given when it was created), POST with it. */
export async function firePushback(
	ctx: IExecuteFunctions,
	itemIndex: number,
	target: PushbackTarget,
	data: IDataObject | undefined,
): Promise<IDataObject> {
	const { statusCode, body } = await itemRequestFull<string>(
		ctx,
		itemIndex,
		data ? 'fireWithData' : 'fire',
		{
			pathParams: { id: target.id },
			baseUrl: target.baseUrl,
			body: data,
			responseType: 'text',
			extraSecrets: [target.id],
		},
	);
	return {
		pushbackId: target.id,
		firedAt: isoInZone(ctx),
		method: data ? 'POST' : 'GET',
		statusCode,
		response: parseAnswer(body),
	};
}
