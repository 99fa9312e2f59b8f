import type { Resource } from '../../common/router';
import { create as createChannel } from './channel/create.operation';
import { deleteChannel } from './channel/delete.operation';
import { deploy as deployChannel } from './channel/deploy.operation';
import { get as getChannel } from './channel/get.operation';
import { getAll as getManyChannels } from './channel/getAll.operation';
import { update as updateChannel } from './channel/update.operation';
import { clone as cloneProject } from './project/clone.operation';
import { create as createProject } from './project/create.operation';
import { deleteProject } from './project/delete.operation';
import { get as getProject } from './project/get.operation';
import { getAll as getManyProjects } from './project/getAll.operation';
import { update as updateProject } from './project/update.operation';

/**
 * Project API (7 operations) and Bot channel API (7): every spec operation is reachable. Operations
 * in CRUD order, so the first (the default) never changes or removes anything.
 */
export const projectResources: Resource[] = [
	{
		value: 'channel',
		name: 'Channel',
		description:
			'Where the bot talks to clients: messengers, the chat widget, the Chat API, telephony',
		operations: [
			createChannel,
			getChannel,
			getManyChannels,
			updateChannel,
			deleteChannel,
			deployChannel,
		],
	},
	{
		value: 'project',
		name: 'Project',
		description: 'Bot projects: the script, NLU settings and channels',
		operations: [
			createProject,
			getProject,
			getManyProjects,
			updateProject,
			deleteProject,
			cloneProject,
		],
	},
];
