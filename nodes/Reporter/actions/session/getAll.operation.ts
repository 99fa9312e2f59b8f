import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField, simplifyField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { pagedList } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/fields';
import { filterFields, filtersBody } from '../../helpers/filters';
import { simplifySession } from '../../helpers/simplify';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many sessions',
	description: 'List the sessions that match the filters, optionally with their labels and session data',
	properties: [
		returnAllField,
		limitField,
		...filterFields,
		simplifyField,
		reporterOptions([
			{ displayName: 'Include Labels', name: 'needToReturnSessionLabels', type: 'boolean', default: false, description: 'Whether to return the labels of each session' },
			{ displayName: 'Include Session Data', name: 'needToReturnSessionData', type: 'boolean', default: false, description: 'Whether to return the session data (key/value pairs saved by the script)' },
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
		const sessions = await pagedList(this, itemIndex, 'sessionsFilter', 'sessions', { qs, body }, limitOf(this, itemIndex));
		return this.getNodeParameter('simplify', itemIndex, true) ? sessions.map(simplifySession) : sessions;
	},
};
