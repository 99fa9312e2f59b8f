import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PlatformRequest } from '../common/requests';
import { CREDENTIAL_NAME } from '../common/transport';
import { REGISTRATION_ROUTES, request } from './api';

/**
 * Automatic webhook registration through the Bot channel API (unified token, Bearer). The Chat API
 * channel is the one picked in the node's Channel field, else the one of the credential's project
 * whose `accessToken` is the credential's Chat API token (channels marked `isRemoved` never
 * count); its callback URL is written to `customData.chatApi.callbackUrl` (the only place the
 * spec's update DTO has for it) and read back from there, else from `webhookUrl` (the read DTO's
 * "URL for webhook callbacks"; the spec links the two nowhere: both are checked, a disagreement
 * is logged). The PUT sends every writable field back as read (the spec does not say whether
 * left-out fields are kept), `blockForm` included, so only the URL moves, and the channel is read
 * again to see that the platform kept it. The previous URL is restored when n8n removes the webhook (unpublish, or the end of a test
 * listen: n8n registers the Test URL through the same methods). No redeploy: docs/platform-assumptions.md,
 * "Automatic webhook registration".
 */
/** What the node keeps from registering to unregistering: `registration` in the node's static data. */
interface RegistrationState {
	channelId: number;
	previousUrl: string | null;
}

/** Channel objects carry the Chat API token: kept in the answer to match and re-send it, never output. */
async function channelApi<T = IDataObject>(
	ctx: IHookFunctions,
	route: keyof typeof REGISTRATION_ROUTES,
	call: PlatformRequest = {},
): Promise<T> {
	return await request<T>(ctx, route, { keepSecretsInAnswer: true, ...call });
}

function parseCustomData(channel: IDataObject): IDataObject {
	const raw = channel.customData;
	if (raw && typeof raw === 'object') return raw as IDataObject;
	if (typeof raw !== 'string' || !raw.trim()) return {};
	try {
		const parsed = JSON.parse(raw);
		return parsed && typeof parsed === 'object' ? parsed : {};
	} catch {
		return {};
	}
}

const urlOrUndefined = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The channel's callback URL as written (`customData.chatApi.callbackUrl`) and as `webhookUrl`. */
function callbackUrlsOf(channel: IDataObject): { written?: string; webhookUrl?: string } {
	const chatApi = (parseCustomData(channel).chatApi ?? {}) as IDataObject;
	return {
		written: urlOrUndefined(chatApi.callbackUrl),
		webhookUrl: urlOrUndefined(channel.webhookUrl),
	};
}

/** The channel's callback URL: where the node writes it, else `webhookUrl`. */
export function callbackUrlOf(channel: IDataObject, ctx?: IHookFunctions): string | undefined {
	const { written, webhookUrl } = callbackUrlsOf(channel);
	if (ctx && written !== undefined && webhookUrl !== undefined && written !== webhookUrl)
		ctx.logger.warn(
			`Tovie Chat Trigger: channel ${String(channel.id)} reads customData.chatApi.callbackUrl and webhookUrl differently; the node goes by callbackUrl, where it writes`,
		);
	return written ?? webhookUrl;
}

/**
 * The registration saved by `register`. Its own sub-key, so that the trigger's repeat detection
 * (guard.ts, `seen`) cannot touch it; earlier versions kept the two fields flat, still read here
 * so that unpublishing a workflow published with them restores the channel too.
 */
function savedState(data: IDataObject): RegistrationState | undefined {
	const saved = (data.registration ?? data) as Partial<RegistrationState>;
	if (typeof saved.channelId !== 'number') return undefined;
	return { channelId: saved.channelId, previousUrl: saved.previousUrl ?? null };
}

function forgetState(data: IDataObject): void {
	delete data.registration;
	delete data.channelId;
	delete data.previousUrl;
}

/** The channel picked in the node's Channel field (its numeric ID), or `undefined` to find it by the token. */
function pickedChannelId(ctx: IHookFunctions): number | undefined {
	const raw = ctx.getNodeParameter('channel', '') as unknown;
	const value = String(
		(raw && typeof raw === 'object' ? (raw as IDataObject).value : raw) ?? '',
	).trim();
	if (!value) return undefined;
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Channel must be a channel ID (a number), got "${value}"`,
			{
				description:
					'Pick the channel from the list, or leave Channel empty to find it by the Chat API Token.',
			},
		);
	}
	return Number(value);
}

/** The picked channel, checked: a Chat API channel whose token is the credential's. */
async function pickedChannel(
	ctx: IHookFunctions,
	id: number,
	chatToken: string,
): Promise<IDataObject> {
	const channel = await channelApi(ctx, 'channel', { pathParams: { id } });
	const name = `${String(channel.channelName ?? '')} (${id})`;
	if (channel.isRemoved === true) {
		throw new NodeOperationError(ctx.getNode(), `Channel ${name} was removed from the project`, {
			description: 'Pick a channel of the project from the list.',
		});
	}
	if (channel.channelType !== 'CHAT_API') {
		throw new NodeOperationError(
			ctx.getNode(),
			`Channel ${name} is a ${String(channel.channelType)} channel, not a Chat API channel`,
			{
				description: 'Only a Chat API channel posts to this trigger. Pick one from the list.',
			},
		);
	}
	// The trigger checks every event against the credential's token: another token's events would all be refused.
	if (channel.accessToken !== chatToken) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Channel ${name} does not use the credential's Chat API Token`,
			{
				description:
					"The trigger accepts only events that carry the credential's Chat API Token. Pick the channel of that token, or put this channel's token into the credential.",
			},
		);
	}
	return channel;
}

export async function findChatChannel(ctx: IHookFunctions): Promise<IDataObject> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	const chatToken = String(credentials.chatApiToken ?? '');
	const shortName = String(credentials.projectShortName ?? '').trim();
	const picked = pickedChannelId(ctx);
	// A picked channel is read by its ID: the project matters only when searching by the token.
	if (!chatToken || !credentials.apiToken || (picked === undefined && !shortName)) {
		const needs =
			picked === undefined
				? 'the Chat API Token, the Unified API Token and the Project Short Name'
				: 'the Chat API Token and the Unified API Token';
		throw new NodeOperationError(ctx.getNode(), `Automatic registration needs ${needs}`, {
			description:
				'Fill them in the Tovie Platform API credential, or set Webhook Registration to "Paste the URL Myself".',
		});
	}
	if (picked !== undefined) return await pickedChannel(ctx, picked, chatToken);
	const known = savedState(ctx.getWorkflowStaticData('node'))?.channelId;
	if (known !== undefined) {
		const channel = await channelApi(ctx, 'channel', { pathParams: { id: known } });
		if (channel.accessToken === chatToken && channel.isRemoved !== true) return channel;
	}
	const project = await channelApi(ctx, 'project', { pathParams: { shortName } });
	const { items = [] } = await channelApi<{ items?: IDataObject[] }>(ctx, 'channels', {
		qs: { projectId: project.id as number },
	});
	// A removed channel may still be listed with the same token: it posts nothing.
	const chatChannels = items.filter((c) => c.channelType === 'CHAT_API' && c.isRemoved !== true);
	let channel = chatChannels.find((c) => c.accessToken === chatToken);
	// The spec marks `accessToken` optional in the list: read the channels listed without it one by one.
	for (const listed of chatChannels.filter(
		(c) => c.accessToken === undefined || c.accessToken === null,
	)) {
		if (channel) break;
		const full = await channelApi(ctx, 'channel', { pathParams: { id: listed.id as number } });
		if (full.accessToken === chatToken && full.isRemoved !== true) channel = full;
	}
	if (!channel) {
		throw new NodeOperationError(
			ctx.getNode(),
			`No Chat API channel of project "${shortName}" uses the credential's Chat API Token`,
			{
				description:
					'Check that the token belongs to a Chat API channel of this project, or pick the channel in the Channel field.',
			},
		);
	}
	return channel;
}

async function setCallbackUrl(
	ctx: IHookFunctions,
	channel: IDataObject,
	url: string,
): Promise<void> {
	// The Chat API settings as read (blockForm too, only if the platform gave it), with the new URL.
	const chatApi = (parseCustomData(channel).chatApi ?? {}) as IDataObject;
	const body: IDataObject = {
		accessToken: channel.accessToken,
		channelName: channel.channelName,
		customData: { chatApi: { ...chatApi, callbackUrl: url } },
	};
	for (const field of [
		'repositoryReference',
		'isAutoDeploy',
		'operatorChannelId',
		'chatWidgetParams',
		'telephonyParams',
	]) {
		if (channel[field] !== undefined && channel[field] !== null) body[field] = channel[field];
	}
	if (channel.isBlocked !== undefined) body.isBlock = channel.isBlocked;
	await channelApi(ctx, 'update', { pathParams: { id: channel.id as number }, body });
	// Read it back from where it was written: a platform that took the PUT but not the URL would
	// leave the trigger deaf (or, on unpublish, the old address in place) without a word.
	const kept = callbackUrlOf(
		await channelApi(ctx, 'channel', { pathParams: { id: channel.id as number } }),
		ctx,
	);
	if ((kept ?? '') !== url)
		throw new NodeOperationError(
			ctx.getNode(),
			`The platform did not keep the webhook address of channel ${String(channel.id)}`,
			{
				description: `After the update the channel reads ${kept === undefined ? 'no address' : `"${kept}"`} instead of ${url ? `"${url}"` : 'no address'}. Set it in the channel's settings, or use "Paste the URL Myself".`,
			},
		);
}

/** The lifecycle trio for "Register Automatically". */
export const registration = {
	async isRegistered(ctx: IHookFunctions, url: string): Promise<boolean> {
		return callbackUrlOf(await findChatChannel(ctx), ctx) === url;
	},
	async register(ctx: IHookFunctions, url: string): Promise<void> {
		const channel = await findChatChannel(ctx);
		const previous = callbackUrlOf(channel, ctx);
		const data = ctx.getWorkflowStaticData('node');
		forgetState(data); // earlier versions' flat fields too
		data.registration = {
			channelId: channel.id as number,
			previousUrl: previous === url ? null : (previous ?? null),
		};
		if (previous !== url) await setCallbackUrl(ctx, channel, url);
	},
	async unregister(ctx: IHookFunctions, url: string): Promise<void> {
		const data = ctx.getWorkflowStaticData('node');
		const saved = savedState(data);
		if (!saved) return;
		// The channel this node changed, even if the Channel field or the token changed since.
		const channel = await channelApi(ctx, 'channel', { pathParams: { id: saved.channelId } });
		// Someone else may have changed the URL since: only put back what this node replaced.
		if (callbackUrlOf(channel, ctx) === url) {
			await setCallbackUrl(ctx, channel, saved.previousUrl ?? '');
		} else {
			ctx.logger.warn(
				`Tovie Chat Trigger: the webhook address of channel ${saved.channelId} was changed since this node set it, so it is left as it is`,
			);
		}
		forgetState(data);
	},
};
