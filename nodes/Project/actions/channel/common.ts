import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { invalidInput, jsonObjectOf } from '../../../common/validate';
import { simplifyField } from '../../../common/fields';
import { customDataObject, simplifyChannel } from '../../helpers/channels';
import { CHANNEL_DATES, withIsoDates } from '../../helpers/output';

/** `ChannelType` of bot-channel-api.yml, named as the Channels page names them, sorted by name. */
const CHANNEL_TYPES: Array<[value: string, name: string]> = [
	['ALEXA', 'Alexa'],
	['AZURE', 'Azure Bot'],
	['BITRIX', 'Bitrix24'],
	['CHAT2DESK', 'Chat2Desk'],
	['CHAT_API', 'Chat API'],
	['CHAT_WIDGET', 'Chat Widget'],
	['DIALOGFLOW', 'Dialogflow'],
	['EDNA_PLATFORM', 'Edna Platform'],
	['FACEBOOK', 'Facebook'],
	['GOOGLE', 'Google Assistant'],
	['I_DIGITAL', 'I-Digital WhatsApp'],
	['INBOUND_LIVETEX', 'LiveTex (Inbound)'],
	['INCOMING_JIVOSITE', 'Jivo'],
	['INCOMING_WEBIM2', 'Webim (Incoming)'],
	['INSTAGRAM', 'Instagram'],
	['JAICP_ALEXA', 'Alexa (JAICP)'],
	['LIVETEX_PROMPTER', 'LiveTex Prompter'],
	['MARUSIA', 'Marusia'],
	['MATTERMOST', 'Mattermost'],
	['NEXMO', 'Vonage (Nexmo)'],
	['ODNOKLASSNIKI', 'Odnoklassniki'],
	['PROMPTER_API', 'Prompter API'],
	['RESTERISK', 'Telephony'],
	['SBER', 'Salut (Sber)'],
	['SLACK', 'Slack'],
	['TELEGRAM', 'Telegram'],
	['TEST_WIDGET', 'Test Widget'],
	['THREADS', 'Threads'],
	['VIBER', 'Viber'],
	['VK', 'VK'],
	['VOICE_TEST_WIDGET', 'Voice Test Widget'],
	['WAZZUP', 'Wazzup'],
	['WEBIM', 'Webim'],
	['WECHAT', 'WeChat'],
	['WHATSAPP', 'WhatsApp'],
	['YANDEX', 'Alice (Yandex)'],
	['ZENBOX', 'Zenbox'],
	['ZENDESK', 'Zendesk'],
	['ZENDESK_PROMPTER', 'Zendesk Prompter'],
	['ZOPIM', 'Zopim'],
];

export const channelTypeOptions: INodePropertyOptions[] = CHANNEL_TYPES.map(([value, name]) => ({
	name,
	value,
})).sort((a, b) => a.name.localeCompare(b.name));

/** Writable channel fields shared by Create (Additional Fields) and Update (Update Fields), sorted. */
export function channelFields(forUpdate: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The token of the messenger or service the channel connects (for example the Telegram bot token from BotFather). Chat API and widget channels get one from the platform.',
		},
		{
			displayName: 'Agent Channel ID',
			name: 'operatorChannelId',
			type: 'string',
			default: '',
			description:
				'The channel that takes dialogs transferred to an agent (Channels → Transfer to agent)',
		},
		{
			displayName: 'Auto Deploy',
			name: 'isAutoDeploy',
			type: 'boolean',
			default: true,
			description:
				'Whether the platform deploys the bot by itself when the project changes (the "Deploy automatically" switch of the channel)',
		},
		{
			// `branch` keeps saved workflows working; Reference Type says what it names.
			displayName: 'Branch, Tag or Revision',
			name: 'branch',
			type: 'string',
			default: '',
			placeholder: 'e.g. master',
			description:
				'What the channel runs from the project repository: a branch (the "Branch" field of the channel settings), or a tag or commit hash with Reference Type',
		},
		{
			displayName: 'Channel Settings (JSON)',
			name: 'customData',
			type: 'json',
			default: '',
			description:
				'Settings of this channel type, e.g. {"chatApi": {"callbackUrl": "https://…"}} for a Chat API channel or {"vk": {"startDialogueWithUserMessage": true}}',
		},
		{
			displayName: 'Chat Widget Settings (JSON)',
			name: 'chatWidgetParams',
			type: 'json',
			default: '',
			description:
				'Widget look for Chat Widget channels, e.g. {"theme": "defaultv3", "position": "right", "percentage": 100}',
		},
		{
			displayName: 'Reference Type',
			name: 'referenceType',
			type: 'options',
			options: [
				{ name: 'Branch', value: 'BRANCH' },
				{ name: 'Revision (Commit Hash)', value: 'REVISION' },
				{ name: 'Tag', value: 'TAG' },
			],
			default: 'BRANCH',
			description: 'What Branch, Tag or Revision names: a branch (default), a tag, or a commit',
		},
		{
			displayName: 'Telephony Settings (JSON)',
			name: 'telephonyParams',
			type: 'json',
			default: '',
			description:
				'For Telephony channels, e.g. {"sipTrunkId": 12, "recordingEnabled": true, "acceptIncoming": true}',
		},
	];
	if (forUpdate) {
		fields.push({
			displayName: 'Blocked',
			name: 'isBlock',
			type: 'boolean',
			default: false,
			description: 'Whether the channel is blocked: a blocked channel does not answer clients',
		});
		fields.push({
			displayName: 'Name',
			name: 'channelName',
			type: 'string',
			default: '',
			description: 'The name shown on the Channels page',
		});
	} else {
		fields.push({
			displayName: 'JAICF Channel ID',
			name: 'jaicfChannelId',
			type: 'string',
			default: '',
			description: 'For projects that run on the JAICF framework: the channel ID of the JAICF bot',
		});
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The request body parts a fields collection sets (spec names; `branch` → `repositoryReference`). */
export function channelBodyOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: string,
): IDataObject {
	const fields = ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const name of ['accessToken', 'operatorChannelId', 'jaicfChannelId', 'channelName']) {
		const value = typeof fields[name] === 'string' ? (fields[name] as string).trim() : fields[name];
		if (value !== undefined && value !== '') body[name] = value;
	}
	for (const name of ['isAutoDeploy', 'isBlock'])
		if (typeof fields[name] === 'boolean') body[name] = fields[name];
	const reference = typeof fields.branch === 'string' ? fields.branch.trim() : '';
	if (reference)
		body.repositoryReference = { type: String(fields.referenceType || 'BRANCH'), value: reference };
	else if (fields.referenceType)
		throw invalidInput(
			ctx,
			itemIndex,
			'Reference Type',
			'needs Branch, Tag or Revision',
			'Add the branch, tag or commit hash the channel runs.',
		);
	const labels: Record<string, string> = {
		customData: 'Channel Settings (JSON)',
		chatWidgetParams: 'Chat Widget Settings (JSON)',
		telephonyParams: 'Telephony Settings (JSON)',
	};
	for (const [name, label] of Object.entries(labels)) {
		const value = jsonObjectOf(ctx, itemIndex, fields[name], label);
		if (value) body[name] = value;
	}
	return body;
}

/** Fields a PUT must send again so that the update changes only what the user set. */
export function currentChannelBody(channel: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const name of [
		'accessToken',
		'channelName',
		'operatorChannelId',
		'isAutoDeploy',
		'repositoryReference',
		'chatWidgetParams',
		'telephonyParams',
	]) {
		if (channel[name] !== undefined && channel[name] !== null) body[name] = channel[name];
	}
	const customData = customDataObject(channel.customData);
	if (customData) body.customData = customData;
	if (typeof channel.isBlocked === 'boolean') body.isBlock = channel.isBlocked;
	return body;
}

export function channelOut(
	ctx: IExecuteFunctions,
	itemIndex: number,
	channel: IDataObject,
): IDataObject {
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify
		? withIsoDates(ctx, simplifyChannel(channel), CHANNEL_DATES)
		: withIsoDates(ctx, channel, CHANNEL_DATES);
}

export { simplifyField };
