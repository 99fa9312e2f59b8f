import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defaultProject, projectOptions, shortNameOf } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { channelLocator, channelRefOf, fetchChannel } from '../../helpers/channels';
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
			description: `${String(channelLocator.description)} The project is Options → Project, else the credential's project.`,
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
		const projectShortName = await shortNameOf(
			this,
			itemIndex,
			await defaultProject(this, itemIndex),
		);
		const botId = ref.botId ?? String((await fetchChannel(this, itemIndex, ref)).botId);
		const body: DeployRequest = { projectShortName, botId };
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
