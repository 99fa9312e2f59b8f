import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { defaultProject, shortNameOf } from '../../common/projects';
import { listLocator, requiredLocator } from '../../common/search';
import { invalidInput } from '../../common/validate';

/**
 * The platform objects Tovie Text Campaign names (channel, campaign, template, sending): their
 * pickers and how an item's value is read. The lists are in methods/search.ts.
 */

const CAMPAIGNS_PAGE = 'the Text campaigns page of the project';
const UUID = 'e.g. 0b8e7f3a-5c1d-4e2f-9a8b-7c6d5e4f3a2b';

/** The bot channel a send goes through, by bot ID (what the API takes). */
export const botLocator: INodeProperties = listLocator({
	displayName: 'Channel',
	name: 'botId',
	searchListMethod: 'searchBots',
	description:
		"The bot channel the client talks to. Its bot ID is shown on the Channels page, under the channel name. The list shows the channels of Options → Project, else of the credential's project.",
	modes: [
		{
			displayName: 'By Bot ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 263-acme-support-263-Wnu-49199',
		},
	],
});

/** The campaign a send is counted in, by name (what the send calls take). */
export const campaignNameLocator: INodeProperties = listLocator({
	displayName: 'Text Campaign',
	name: 'textCampaignName',
	searchListMethod: 'searchDynamicCampaigns',
	description: `The dynamic text campaign the messages are counted in, by name (${CAMPAIGNS_PAGE}). Create one with Text Campaign → Create.`,
	modes: [
		{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Order updates' },
	],
});

/** A campaign by ID, for the campaign operations. */
export const campaignLocator: INodeProperties = listLocator({
	displayName: 'Text Campaign',
	name: 'campaign',
	searchListMethod: 'searchCampaigns',
	description: `The text campaign (${CAMPAIGNS_PAGE}; the ID is in the campaign's address)`,
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1042',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\d+$', errorMessage: 'A text campaign ID is a number' },
				},
			],
		},
	],
});

/** A sending template; the API has no call that lists templates, so it is given by ID or by its link. */
export const templateLocator: INodeProperties = {
	displayName: 'Template',
	name: 'template',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description:
		'The sending template: its ID, or the link Template → Create returned. The API has no call that lists templates.',
	modes: [
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: UUID },
		{
			displayName: 'By Link',
			name: 'url',
			type: 'string',
			placeholder:
				'e.g. https://platform.tovie.ai/api/v1/text-campaign-service/dynamics/send-event-by-template/6f1c…',
			extractValue: { type: 'regex', regex: 'send-event-by-template/([^/?#]+)' },
		},
	],
};

/** One send to one client: From List (the latest sendings), or the sendingId of a send's output item. */
export function sendingLocator(description: string, name = 'sendingId'): INodeProperties {
	return listLocator({
		displayName: 'Sending',
		name,
		searchListMethod: 'searchSendings',
		description,
		modes: [{ displayName: 'By ID', name: 'id', type: 'string', placeholder: UUID }],
	});
}

export function campaignIdOf(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = requiredLocator(
		ctx,
		'campaign',
		itemIndex,
		'Text Campaign',
		'Pick a text campaign from the list or enter its ID.',
	);
	if (!/^\d+$/.test(value))
		throw invalidInput(ctx, itemIndex, 'Text Campaign', `must be a number, got "${value}"`);
	return Number(value);
}

export function templateIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = requiredLocator(
		ctx,
		'template',
		itemIndex,
		'Template',
		'Enter the template ID, or the link Template → Create returned.',
	);
	// A pasted link in "By ID" mode works too.
	const fromLink = /send-event-by-template\/([^/?#]+)/.exec(value);
	return fromLink ? decodeURIComponent(fromLink[1]) : value;
}

export function sendingIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredLocator(
		ctx,
		'sendingId',
		itemIndex,
		'Sending',
		'Pick a sending from the list or enter the sendingId of a send.',
	);
}

/** The project short name of campaign paths: Options → Project, else the credential's. */
export async function projectShortNameOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<string> {
	return await shortNameOf(ctx, itemIndex, await defaultProject(ctx, itemIndex));
}
