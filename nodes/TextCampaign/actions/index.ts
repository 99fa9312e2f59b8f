import type { Resource } from '../../common/router';
import { complete as completeCampaign } from './campaign/complete.operation';
import { create as createCampaign } from './campaign/create.operation';
import { get as getCampaign } from './campaign/get.operation';
import { getAll as getManyCampaigns } from './campaign/getAll.operation';
import { resume as resumeCampaign } from './campaign/resume.operation';
import { stop as stopCampaign } from './campaign/stop.operation';
import { update as updateCampaign } from './campaign/update.operation';
import { getAll as getChatHistory } from './chatHistory/getAll.operation';
import { sendEvent } from './client/sendEvent.operation';
import { sendMessage } from './client/sendMessage.operation';
import { cancel as cancelSending } from './sending/cancel.operation';
import { getAll as getManySendings } from './sending/getAll.operation';
import { create as createTemplate } from './template/create.operation';
import { deleteTemplate } from './template/delete.operation';
import { get as getTemplate } from './template/get.operation';
import { send as sendTemplate } from './template/send.operation';

/**
 * Text campaign API, 19 operations: Client (send-event, send-replies), Text Campaign (list,
 * create, get and update by both paths, stop, resume, complete), Template (create, get, delete,
 * send with and without data), Sending (list, cancel), Chat History. Operations in CRUD order, so
 * the first (the default) never changes or removes anything.
 */
export const textCampaignResources: Resource[] = [
	{
		value: 'client',
		name: 'Client',
		description: 'Write first to clients in a bot channel: one input item is one client',
		operations: [sendEvent, sendMessage],
	},
	{
		value: 'campaign',
		name: 'Text Campaign',
		description: 'Campaigns the messages are counted in (the Text campaigns page)',
		operations: [
			createCampaign,
			getCampaign,
			getManyCampaigns,
			updateCampaign,
			stopCampaign,
			resumeCampaign,
			completeCampaign,
		],
	},
	{
		value: 'template',
		name: 'Template',
		description: 'A saved send to one client, to send again by ID or link',
		operations: [createTemplate, getTemplate, deleteTemplate, sendTemplate],
	},
	{
		value: 'sending',
		name: 'Sending',
		description: 'Follow or cancel sends to clients',
		operations: [getManySendings, cancelSending],
	},
	{
		value: 'chatHistory',
		name: 'Chat History',
		description: 'What the bot and the client wrote after a sending, and which messages were read',
		operations: [getChatHistory],
	},
];
