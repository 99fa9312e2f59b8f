import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { nlpItemRequest } from '../../api';
import { binaryInput, binaryPropertyField, parseJsonFile } from '../../helpers/binary';
import { checkedIntentPath } from '../../helpers/locators';

/** The import body must look like an export: an object whose lists are lists and intents have paths. */
function checkedProject(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): IDataObject {
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidInput(ctx, itemIndex, label, 'must be a JSON object as written by Export', 'It has the keys settings, intents and entities.');
	}
	const project = value as IDataObject;
	for (const key of ['intents', 'entities', 'enabledSystemEntities']) {
		if (project[key] !== undefined && !Array.isArray(project[key])) throw invalidInput(ctx, itemIndex, `${label} → ${key}`, 'must be an array');
	}
	if (!project.intents && !project.entities && !project.settings) {
		throw invalidInput(ctx, itemIndex, label, 'has no settings, intents or entities', 'Pass the output of Project → Export.');
	}
	((project.intents ?? []) as IDataObject[]).forEach((intent, n) =>
		checkedIntentPath(ctx, intent?.path, itemIndex, `${label} → intents #${n + 1} path`),
	);
	return project;
}

export const importProject: Operation = {
	value: 'import',
	name: 'Import',
	action: 'Import a project',
	description: 'Load a whole NLU project (as written by Export) into this project',
	properties: [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'JSON', value: 'json' },
				{ name: 'Binary File', value: 'binary' },
			],
			default: 'json',
		},
		{
			displayName: 'Project (JSON)',
			name: 'project',
			type: 'json',
			default: '={{ JSON.stringify($json) }}',
			description: 'The project as written by Project → Export',
			displayOptions: { show: { source: ['json'] } },
		},
		{ ...binaryPropertyField, displayOptions: { show: { source: ['binary'] } } },
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		let value: unknown;
		let label = 'Project (JSON)';
		if (this.getNodeParameter('source', itemIndex, 'json') === 'binary') {
			label = 'Input Binary Field';
			value = parseJsonFile(this, (await binaryInput(this, itemIndex)).data, itemIndex, label);
		} else {
			const raw = this.getNodeParameter('project', itemIndex, '') as unknown;
			value = raw;
			if (typeof raw === 'string') {
				if (!raw.trim()) throw invalidInput(this, itemIndex, label, 'is empty', 'Pass the output of Project → Export.');
				try {
					value = JSON.parse(raw);
				} catch (error) {
					throw invalidInput(this, itemIndex, label, 'is not valid JSON', (error as Error).message);
				}
			}
		}
		const body = checkedProject(this, value, itemIndex, label);
		const answer = await nlpItemRequest<IDataObject>(this, itemIndex, 'importProject', { body });
		if (!(this.getNodeParameter('simplify', itemIndex, true) as boolean)) return answer;
		return {
			imported: true,
			intents: ((answer?.intents ?? body.intents ?? []) as unknown[]).length,
			entities: ((answer?.entities ?? body.entities ?? []) as unknown[]).length,
			language: ((answer?.settings ?? body.settings ?? {}) as IDataObject).language ?? null,
		};
	},
};
