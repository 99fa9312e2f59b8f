import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { defaultProject, projectOverrideOption, shortNameOf } from '../../common/projects';
import { invalidInput, jsonValueOf } from '../../common/validate';

const CAMPAIGNS_PAGE = 'the Text campaigns page of the project';

/** The bot channel a send goes through, by bot ID (what the API takes). */
export const botLocator: INodeProperties = {
	displayName: 'Channel',
	name: 'botId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: "The bot channel the client talks to. Its bot ID is shown on the Channels page, under the channel name. The list shows the channels of Options → Project, else of the credential's project.",
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchBots', searchable: true } },
		{ displayName: 'By Bot ID', name: 'id', type: 'string', placeholder: 'e.g. 263-acme-support-263-Wnu-49199' },
	],
};

/** The campaign a send is counted in, by name (what the send calls take). */
export const campaignNameLocator: INodeProperties = {
	displayName: 'Text Campaign',
	name: 'textCampaignName',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: `The dynamic text campaign the messages are counted in, by name (${CAMPAIGNS_PAGE}). Create one with Text Campaign → Create.`,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchDynamicCampaigns', searchable: true } },
		{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Order updates' },
	],
};

/** A campaign by ID, for the campaign operations. */
export const campaignLocator: INodeProperties = {
	displayName: 'Text Campaign',
	name: 'campaign',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: `The text campaign (${CAMPAIGNS_PAGE}; the ID is in the campaign's address)`,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchCampaigns', searchable: true } },
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1042',
			validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A text campaign ID is a number' } }],
		},
	],
};

/** A sending template; the API cannot list templates, so it is given by ID or by its link. */
export const templateLocator: INodeProperties = {
	displayName: 'Template',
	name: 'template',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: 'The sending template: its ID, or the link Template → Create returned. The API has no call that lists templates.',
	modes: [
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 6f1c2e0a-7d4b-4a8e-9c1f-2b3d4e5f6a7b' },
		{
			displayName: 'By Link',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://platform.tovie.ai/api/v1/text-campaign-service/dynamics/send-event-by-template/6f1c…',
			extractValue: { type: 'regex', regex: 'send-event-by-template/([^/?#]+)' },
		},
	],
};

export const clientIdField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 512345678',
	description: 'The client to message: their ID in the channel (Analytics → Clients), such as the Telegram user ID or the clientId of the Chat API',
};

/** Options → Project: for the lists of the pickers, and for campaign paths. */
export const projectOption = projectOverrideOption;

/** Text of a locator value (resource locator object, or a plain string from older parameters). */
export function locatorText(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = raw && typeof raw === 'object' ? (raw as IDataObject).value : raw;
	return String(value ?? '').trim();
}

export function requiredLocator(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string, hint: string): string {
	const value = locatorText(ctx, name, itemIndex);
	if (!value) throw invalidInput(ctx, itemIndex, label, 'is empty', hint);
	return value;
}

export function campaignIdOf(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = requiredLocator(ctx, 'campaign', itemIndex, 'Text Campaign', 'Pick a text campaign from the list or enter its ID.');
	if (!/^\d+$/.test(value)) throw invalidInput(ctx, itemIndex, 'Text Campaign', `must be a number, got "${value}"`);
	return Number(value);
}

export function templateIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = requiredLocator(ctx, 'template', itemIndex, 'Template', 'Enter the template ID, or the link Template → Create returned.');
	// A pasted link in "By ID" mode works too.
	const fromLink = /send-event-by-template\/([^/?#]+)/.exec(value);
	return fromLink ? decodeURIComponent(fromLink[1]) : value;
}

/** The project short name of campaign paths: Options → Project, else the credential's. */
export async function projectShortNameOf(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	return await shortNameOf(ctx, itemIndex, await defaultProject(ctx, itemIndex));
}

/** A JSON value for the API's `JsonNode` fields: an object or array (from an expression), or JSON text. */
export function jsonNodeOf(ctx: IExecuteFunctions, itemIndex: number, raw: unknown, label: string, arrayOnly = false): unknown {
	const value = jsonValueOf(ctx, itemIndex, raw, label);
	if (value === undefined) return undefined;
	if (arrayOnly ? !Array.isArray(value) : !value || typeof value !== 'object') {
		throw invalidInput(ctx, itemIndex, label, arrayOnly ? 'must be a JSON array' : 'must be a JSON object', arrayOnly ? 'For example [{"type": "text", "text": "Hello"}].' : 'For example {"orderId": 42}.');
	}
	return value;
}
