import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput, requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/project';

export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create experiment',
	description:
		'Create an A/B experiment with its branches; creating it also starts it (there is no separate activate call)',
	properties: [
		{
			displayName: 'Key',
			name: 'key',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. greeting-test',
			description: 'The key the bot script passes to $analytics.joinExperiment',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'What the experiment tests, shown in the platform',
		},
		{
			displayName: 'Branches',
			name: 'branches',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add branch',
			default: { branch: [{ key: 'A' }, { key: 'B' }] },
			description: 'The variants sessions are spread over (at least two)',
			options: [
				{
					displayName: 'Branch',
					name: 'branch',
					description: 'One variant',
					values: [
						{
							displayName: 'Key',
							name: 'key',
							type: 'string',
							default: '',
							placeholder: 'e.g. A',
							description: 'The branch letter (A–E in the platform UI)',
						},
						{
							displayName: 'Description',
							name: 'description',
							type: 'string',
							default: '',
							description: 'What this variant does differently',
						},
					],
				},
			],
		},
		reporterOptions(),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const key = requiredString(this, 'key', itemIndex, 'Key');
		const list = ((this.getNodeParameter('branches', itemIndex, {}) as IDataObject).branch ??
			[]) as IDataObject[];
		const branches = list.map((branch, n) => {
			const branchKey = String(branch.key ?? '').trim();
			if (!branchKey) throw invalidInput(this, itemIndex, `Branches #${n + 1} Key`, 'is empty');
			return branch.description
				? { key: branchKey, description: branch.description }
				: { key: branchKey };
		});
		if (branches.length < 2)
			throw invalidInput(this, itemIndex, 'Branches', 'needs at least two branches');
		const body: IDataObject = { key, branches };
		const description = String(this.getNodeParameter('description', itemIndex, '')).trim();
		if (description) body.description = description;
		const qs = { projectShortName: await projectOf(this, itemIndex, true) };
		return await itemRequest(this, itemIndex, 'createExperiment', { qs, body });
	},
};
