import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fetchProject, type ProjectRef } from '../../common/projects';
import { listLocator } from '../../common/search';
import { invalidInput } from '../../common/validate';
import { itemRequest } from '../api';
import { listProjects } from './projects';

/** A channel as the user named it: by its numeric ID, or by bot ID (shown on the Channels page). */
export interface ChannelRef {
	id?: number;
	botId?: string;
}

const BOT_ID_HELP =
	'The bot ID is shown on the Channels page of the project, under the channel name';

/** The channel picker of Tovie Project: From List (stores the ID), By ID, By Bot ID. */
export const channelLocator: INodeProperties = listLocator({
	displayName: 'Channel',
	name: 'channel',
	searchListMethod: 'searchChannels',
	description: `The bot channel. The list shows the channels of the project in Options → Project, else of the credential's project. ${BOT_ID_HELP}.`,
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 49199',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\d+$', errorMessage: 'A channel ID is a number' },
				},
			],
		},
		{
			displayName: 'By Bot ID',
			name: 'botId',
			type: 'string',
			placeholder: 'e.g. 263-acme-support-263-Wnu-49199',
		},
	],
});

/** The channel this item names. */
export function channelRefOf(ctx: IExecuteFunctions, itemIndex: number): ChannelRef {
	const raw = ctx.getNodeParameter('channel', itemIndex, '') as unknown;
	const { mode, value } =
		raw && typeof raw === 'object'
			? {
					mode: String((raw as IDataObject).mode ?? 'id'),
					value: String((raw as IDataObject).value ?? '').trim(),
				}
			: { mode: 'id', value: String(raw ?? '').trim() };
	if (!value)
		throw invalidInput(
			ctx,
			itemIndex,
			'Channel',
			'is empty',
			'Pick a channel from the list or enter its ID or bot ID.',
		);
	if (mode === 'botId') return { botId: value };
	if (!/^\d+$/.test(value))
		throw invalidInput(
			ctx,
			itemIndex,
			'Channel',
			`must be a number, got "${value}"`,
			`Switch to "By Bot ID" to enter a bot ID. ${BOT_ID_HELP}.`,
		);
	return { id: Number(value) };
}

/** The whole channel, by ID or by bot ID (one request). */
export async function fetchChannel(
	ctx: IExecuteFunctions,
	itemIndex: number,
	ref: ChannelRef,
	keepToken = false,
): Promise<IDataObject> {
	// Reads that feed an update keep the channel token to send it back; they never reach an output.
	const keep = keepToken ? { keepSecretsInAnswer: true } : {};
	return ref.id !== undefined
		? await itemRequest(ctx, itemIndex, 'getChannel', { pathParams: { id: ref.id }, ...keep })
		: await itemRequest(ctx, itemIndex, 'getChannelByBotId', {
				pathParams: { botId: ref.botId! },
				...keep,
			});
}

/** The numeric ID of a channel (a bot ID is looked up). */
export async function channelIdOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	ref: ChannelRef,
): Promise<number> {
	if (ref.id !== undefined) return ref.id;
	return Number((await fetchChannel(ctx, itemIndex, ref)).id);
}

const lists = (project: IDataObject, channelId: number) =>
	Array.isArray(project.botChannels) &&
	(project.botChannels as IDataObject[]).some((entry) => Number(entry?.id) === channelId);

/**
 * The project a channel belongs to. A channel names no project (BotChannelDto); a project lists its
 * channels (`ProjectDto.botChannels`, "IDs of bot channels linked to the project"). The guess
 * (Options → Project, else the credential's) is read first, one request; when it does not list
 * the channel, every project the token can see is looked through.
 */
export async function projectOfChannel(
	ctx: IExecuteFunctions,
	itemIndex: number,
	channelId: number,
	guess: ProjectRef | undefined,
): Promise<IDataObject> {
	if (guess) {
		const project = await fetchProject(ctx, itemIndex, guess);
		if (lists(project, channelId)) return project;
	}
	const owner = (await listProjects(ctx, itemIndex, {}, undefined)).find((project) =>
		lists(project, channelId),
	);
	if (owner) return owner;
	throw new NodeOperationError(
		ctx.getNode(),
		`No project lists channel ${channelId} [item ${itemIndex}]`,
		{
			itemIndex,
			description:
				'None of the projects the Unified API Token can see has this channel. Check the channel ID, or use a token of the account that owns the channel.',
		},
	);
}

/** `customData` is a JSON string on read and an object on write (bot-channel-api.yml). */
export function customDataObject(raw: unknown): IDataObject | undefined {
	if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as IDataObject;
	if (typeof raw !== 'string' || !raw.trim()) return undefined;
	try {
		const parsed: unknown = JSON.parse(raw);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

/** At most ten flat fields per channel (UX guideline for Simplify); never the channel token. */
export function simplifyChannel(channel: IDataObject): IDataObject {
	const reference = (channel.repositoryReference ?? {}) as IDataObject;
	return {
		id: channel.id,
		botId: channel.botId,
		channelName: channel.channelName,
		channelType: channel.channelType,
		branch: reference.value,
		isAutoDeploy: channel.isAutoDeploy,
		isBlocked: channel.isBlocked,
		webhookUrl: channel.webhookUrl,
		creationTime: channel.creationTime,
		modificationTime: channel.modificationTime,
	};
}
