import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { itemRequest } from '../../api';
import { jsonFromSource, jsonSourceFields } from '../../helpers/binary';
import { checkedIntentPath } from '../../helpers/locators';

const projectJson: INodeProperties = {
	displayName: 'Project (JSON)',
	name: 'project',
	type: 'json',
	default: '={{ JSON.stringify($json) }}',
	description: 'The project as written by Project → Export',
};

/** The import body must look like an export: an object whose lists are lists and intents have paths. */
function checkedProject(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): IDataObject {
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			'must be a JSON object as written by Export',
			'It has the keys settings, intents and entities.',
		);
	}
	const project = value as IDataObject;
	for (const key of ['intents', 'entities', 'enabledSystemEntities']) {
		if (project[key] !== undefined && !Array.isArray(project[key]))
			throw invalidInput(ctx, itemIndex, `${label} → ${key}`, 'must be an array');
	}
	if (!project.intents && !project.entities && !project.settings) {
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			'has no settings, intents or entities',
			'Pass the output of Project → Export.',
		);
	}
	((project.intents ?? []) as IDataObject[]).forEach((intent, n) =>
		checkedIntentPath(ctx, intent?.path, itemIndex, `${label} → intents #${n + 1} path`),
	);
	return project;
}

export const importProject: Operation = {
	value: 'import',
	name: 'Import',
	action: 'Import project',
	description:
		'Load a whole NLU project (as written by Export) into this project, replacing its settings, intents and entities',
	properties: [...jsonSourceFields(projectJson, 'json'), simplifyField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { value, label } = await jsonFromSource(
			this,
			itemIndex,
			projectJson,
			'Pass the output of Project → Export.',
		);
		const body = checkedProject(this, value, itemIndex, label);
		const answer = await itemRequest<IDataObject>(this, itemIndex, 'importProject', { body });
		if (!(this.getNodeParameter('simplify', itemIndex, true) as boolean)) return answer;
		return {
			imported: true,
			intents: ((answer?.intents ?? body.intents ?? []) as unknown[]).length,
			entities: ((answer?.entities ?? body.entities ?? []) as unknown[]).length,
			language: ((answer?.settings ?? body.settings ?? {}) as IDataObject).language ?? null,
		};
	},
};
