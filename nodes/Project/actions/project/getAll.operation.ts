import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitOf } from '../../../common/fields';
import { listFields } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { listProjects } from '../../helpers/projects';
import { projectOutput } from './common';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many projects',
	description: 'List the bot projects the unified API token can see',
	properties: listFields({
		what: 'projects',
		project: false,
		options: [
			{
				displayName: 'Sort By',
				name: 'sortingField',
				type: 'options',
				options: [
					{ name: 'Creation Date', value: 'CREATION_DATE' },
					{ name: 'Last Change', value: 'LAST_MODIFICATION_DATA' },
					{ name: 'Short Name', value: 'SHORT_NAME' },
				],
				default: 'CREATION_DATE',
				description: 'The order of the projects',
			},
			{
				displayName: 'Sort Order',
				name: 'sortingOrder',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				default: 'ASC',
				description: 'Whether the first project is the smallest or the largest value',
			},
		],
	}),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.sortingField) qs.sortingField = options.sortingField;
		if (options.sortingOrder) qs.sortingOrder = options.sortingOrder;
		const projects = await listProjects(this, itemIndex, qs, limitOf(this, itemIndex));
		return projects.map((project) => projectOutput(this, itemIndex, project));
	},
};
