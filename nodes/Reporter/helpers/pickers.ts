import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput, listOf } from '../../common/validate';

/**
 * Fields that name a platform object: a resource locator ("From List" calls a list search of
 * methods/, "By ID" takes the ID), or a multi-select filled by a load-options method.
 */
export function locator(
	displayName: string,
	name: string,
	searchListMethod: string,
	placeholder: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder },
		],
	};
}

export function locatorValue(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = String(raw ?? '').trim();
	if (!value)
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			'is empty',
			`Pick a value from the list or enter the ID.`,
		);
	return value;
}

/** A numeric (int64) id from a locator or text field. */
export function numericId(
	ctx: IExecuteFunctions,
	value: string,
	itemIndex: number,
	label: string,
): number {
	if (!/^\d+$/.test(value))
		throw invalidInput(ctx, itemIndex, label, `must be a number, got "${value}"`);
	return Number(value);
}

const BOT_HELP = 'In the project, open Channels: the bot ID is in the channel’s settings';

/** One bot, picked from the channels of the project (Options → Project, else the credential’s). */
export const botField = locator(
	'Bot',
	'botId',
	'searchBots',
	'e.g. 263-acme-support-263-Wnu-49199',
	`The bot (channel) whose data to read. ${BOT_HELP}.`,
);

/** Any number of bots; none means every bot of the project. */
export const botIdsField: INodeProperties = {
	displayName: 'Bot Names or IDs',
	name: 'botIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getBots' },
	default: [],
	description: `Only these bots (channels); none means every bot of the project. ${BOT_HELP}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
};

export function botIdsOf(ctx: IExecuteFunctions, itemIndex: number): string[] {
	return listOf(ctx, itemIndex, ctx.getNodeParameter('botIds', itemIndex, []), 'Bot Names or IDs');
}

export const taskField = locator(
	'Report Task',
	'taskId',
	'searchReportTasks',
	'e.g. 5f1c…',
	'The report task: Report → Create gives its ID, Report → Get Many Tasks lists them',
);

/** The message a label or comment belongs to. */
/** A message (one client request and the bot reply): the latest of the project, or by ID. */
export const questionIdField = locator(
	'Message',
	'questionId',
	'searchMessages',
	'e.g. q-4f2a…',
	'The message (one client request and the bot reply; questionId in the output of Message → Get Many). From List shows the latest messages of the project; search by their text. In the project, Analytics → Dialogs shows the ID in the message’s details.',
);

/** A session of the project: the latest ones by start time, or by ID. */
export const sessionIdField = locator(
	'Session',
	'sessionId',
	'searchSessions',
	'e.g. 5f0e2a91-7a3c-4c33-9c2b-1f5d8f3e4a10',
	'The session (sessionId in the output of Session → Get Many). From List shows the latest sessions of the project; search by client ID or name. In the project, Analytics → Sessions shows the ID in the session’s card.',
);

/** A client of the project (the user talking to the bot): the latest ones, or by ID. */
export const clientIdField = locator(
	'Client',
	'clientId',
	'searchClients',
	'e.g. 4f1d0c7e-user-42',
	'The client (clientId in the output of Client → Get Many). From List shows the clients of the project; search by ID or name. In the project, Analytics → Clients shows the ID in the client’s card.',
);
