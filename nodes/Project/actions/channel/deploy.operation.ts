import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { credentialProject, optionsProject, projectOptions } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import {
	channelLocator,
	channelRefOf,
	fetchChannel,
	projectOfChannel,
} from '../../helpers/channels';
import { startDeploy, waitForDeploy, type DeployRequest } from '../../helpers/deploy';
import { withIsoDates } from '../../helpers/output';

export const deploy: Operation = {
	acts: true,
	value: 'deploy',
	name: 'Deploy',
	action: 'Deploy bot to channel',
	description:
		'Build the bot from the project and publish it to the channel (the Deploy button), and wait until it is done',
	properties: [
		{
			...channelLocator,
			// The deploy names the project; a channel given by ID or bot ID may be another project's.
			description: `${String(channelLocator.description)} The project deployed is the channel's own (the project whose channel list has it), whatever Options → Project says.`,
		},
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until the deploy has finished and output its result; otherwise only the request ID is returned',
		},
		{
			displayName: 'Wait Timeout (Seconds)',
			name: 'waitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 3600 },
			default: 600,
			description: 'How long to wait before failing (the deploy keeps running on the platform)',
			displayOptions: { show: { waitForCompletion: [true] } },
		},
		projectOptions([
			{
				displayName: 'Force Deploy',
				name: 'forceDeploy',
				type: 'boolean',
				default: false,
				description:
					'Whether to deploy even when the project has not changed since the last deploy',
			},
			{
				displayName: 'Run Tests in Background',
				name: 'runTestsInBackground',
				type: 'boolean',
				default: false,
				description: 'Whether to publish the bot at once and run the script tests afterwards',
			},
			{
				displayName: 'Skip Notifications',
				name: 'skipNotifications',
				type: 'boolean',
				default: false,
				description: 'Whether to deploy without notifying the project members',
			},
			{
				displayName: 'Skip Tests',
				name: 'skipTests',
				type: 'boolean',
				default: false,
				description: 'Whether to deploy without running the script tests',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const ref = channelRefOf(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const wait = this.getNodeParameter('waitForCompletion', itemIndex, true) as boolean;
		const waitSeconds = this.getNodeParameter('waitSeconds', itemIndex, 600) as number;
		const channel = await fetchChannel(this, itemIndex, ref);
		const shortName = await credentialProject(this, itemIndex);
		const guess = optionsProject(this, itemIndex) ?? (shortName ? { shortName } : undefined);
		const project = await projectOfChannel(this, itemIndex, Number(channel.id), guess);
		const body: DeployRequest = {
			projectShortName: String(project.shortName),
			botId: String(channel.botId),
		};
		for (const flag of [
			'forceDeploy',
			'skipNotifications',
			'skipTests',
			'runTestsInBackground',
		] as const) {
			if (typeof options[flag] === 'boolean') body[flag] = options[flag] as boolean;
		}
		const started = await startDeploy(this, itemIndex, body);
		const result = wait
			? await waitForDeploy(this, itemIndex, started, waitSeconds)
			: { ...started, status: 'started' };
		return withIsoDates(this, result, ['requestTime', 'finishedAt']);
	},
};
