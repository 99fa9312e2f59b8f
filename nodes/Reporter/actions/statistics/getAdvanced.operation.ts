import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import type { ReporterRoute } from '../../api';
import { itemRequest } from '../../api';
import { headerOptions, headersOf, projectOf, reporterOptions } from '../../helpers/fields';
import { filterFields, filtersBody } from '../../helpers/filters';

const ROUTES: Record<string, ReporterRoute> = {
	messages: 'messageStats',
	sessions: 'sessionStats',
	sessionLabels: 'sessionLabelStats',
	messageLabels: 'messageLabelStats',
};

export const getAdvanced: Operation = {
	value: 'getAdvanced',
	name: 'Get Advanced',
	action: 'Get advanced statistics',
	description: 'Messages, sessions, session labels or message labels over time intervals, with filters',
	properties: [
		{
			displayName: 'Metric',
			name: 'metric',
			type: 'options',
			options: [
				{ name: 'Messages', value: 'messages' },
				{ name: 'Sessions', value: 'sessions' },
				{ name: 'Session Labels', value: 'sessionLabels' },
				{ name: 'Message Labels', value: 'messageLabels' },
			],
			default: 'sessions',
		},
		{
			displayName: 'Interval',
			name: 'intervalType',
			type: 'options',
			options: ['HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'].map((value) => ({
				name: value.charAt(0) + value.slice(1).toLowerCase(),
				value,
			})),
			default: 'DAY',
		},
		{ displayName: 'Step', name: 'step', type: 'number', typeOptions: { minValue: 1 }, default: 1, description: 'How many intervals make one point (e.g. 2 with Hour gives two-hour points)' },
		...filterFields,
		reporterOptions([headerOptions[0]]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const metric = this.getNodeParameter('metric', itemIndex) as string;
		const body = filtersBody(this, itemIndex);
		const qs: IDataObject = {
			projectShortName: await projectOf(this, itemIndex),
			intervalType: this.getNodeParameter('intervalType', itemIndex) as string,
			step: this.getNodeParameter('step', itemIndex, 1) as number,
		};
		const headers = headersOf(this.getNodeParameter('options', itemIndex, {}) as IDataObject);
		return await itemRequest(this, itemIndex, ROUTES[metric], { qs, headers, body, idempotent: true });
	},
};
