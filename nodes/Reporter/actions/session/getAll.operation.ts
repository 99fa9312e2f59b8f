import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	limitField,
	limitOf,
	returnAllField,
	simplifyField,
	simplifyOf,
} from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { filtersField } from '../../helpers/filterFields';
import { filtersBody } from '../../helpers/filters';
import { reporterList } from '../../helpers/paging';
import { projectOf, reporterOptions } from '../../helpers/project';
import { simplifySession } from '../../helpers/simplify';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many sessions',
	description:
		'List the sessions (conversations) that match the filters, optionally with their labels and session data',
	properties: [
		returnAllField,
		limitField,
		filtersField(),
		simplifyField,
		reporterOptions([
			{
				displayName: 'Include Labels',
				name: 'needToReturnSessionLabels',
				type: 'boolean',
				default: false,
				description: 'Whether to return the labels of each session',
			},
			{
				displayName: 'Include Session Data',
				name: 'needToReturnSessionData',
				type: 'boolean',
				default: false,
				description: 'Whether to return the session data (key/value pairs saved by the script)',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = filtersBody(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {
			projectShortName: await projectOf(this, itemIndex),
			needToReturnSessionLabels: options.needToReturnSessionLabels === true,
			needToReturnSessionData: options.needToReturnSessionData === true,
		};
		const sessions = await reporterList(
			this,
			itemIndex,
			'sessionsFilter',
			'sessions',
			{ qs, body },
			limitOf(this, itemIndex),
		);
		return simplifyOf(this, itemIndex) ? sessions.map(simplifySession) : sessions;
	},
};
