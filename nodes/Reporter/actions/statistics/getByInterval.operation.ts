import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import type { ReporterRoute } from '../../api';
import { itemRequest } from '../../api';
import { filtersField } from '../../helpers/filterFields';
import { filtersBody } from '../../helpers/filters';
import { headersOf, timeZoneOption } from '../../helpers/headers';
import { projectOf, reporterOptions } from '../../helpers/project';
import { intervalField, perInterval } from './common';

const ROUTES: Record<string, ReporterRoute> = {
	messages: 'messageStats',
	sessions: 'sessionStats',
	sessionLabels: 'sessionLabelStats',
	messageLabels: 'messageLabelStats',
};

export const getByInterval: Operation = {
	value: 'getByInterval',
	name: 'Get by Interval',
	action: 'Get statistics by interval',
	description:
		'Count messages, sessions, or labelled sessions or messages per hour, day, week, month, quarter or year, with filters. One item per interval: intervalStart (ISO date in the workflow time zone) and count; for labels one item per label and interval, with the label.',
	properties: [
		{
			displayName: 'Metric',
			name: 'metric',
			type: 'options',
			options: [
				{
					name: 'Message Labels',
					value: 'messageLabels',
					description: 'Messages with each message label',
				},
				{
					name: 'Messages',
					value: 'messages',
					description: 'Messages (client requests with the bot reply)',
				},
				{
					name: 'Session Labels',
					value: 'sessionLabels',
					description: 'Sessions with each session label',
				},
				{ name: 'Sessions', value: 'sessions', description: 'Sessions (conversations)' },
			],
			default: 'sessions',
			description: 'What to count',
		},
		intervalField,
		{
			displayName: 'Step',
			name: 'step',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description:
				'How many intervals make one output item (e.g. 2 with Hour gives two-hour items)',
		},
		filtersField(),
		reporterOptions([timeZoneOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const metric = this.getNodeParameter('metric', itemIndex) as string;
		const body = filtersBody(this, itemIndex);
		const qs: IDataObject = {
			projectShortName: await projectOf(this, itemIndex),
			intervalType: this.getNodeParameter('intervalType', itemIndex) as string,
			step: this.getNodeParameter('step', itemIndex, 1) as number,
		};
		const headers = headersOf(
			this,
			itemIndex,
			this.getNodeParameter('options', itemIndex, {}) as IDataObject,
		);
		const answer = await itemRequest(this, itemIndex, ROUTES[metric], { qs, headers, body });
		const filterSetId = answer.filterSetId;
		if (metric === 'messages' || metric === 'sessions')
			return perInterval(this, answer.stats, { metric, filterSetId });
		// Label statistics: one series per label (`stats[].tsToValues`).
		return ((answer.stats ?? []) as IDataObject[]).flatMap((series) => {
			const label = (series.label ?? {}) as IDataObject;
			const group = (label.group ?? {}) as IDataObject;
			const about: IDataObject = {
				metric,
				labelId: label.id,
				labelName: label.name,
				...(group.name ? { labelGroup: group.name } : {}),
				filterSetId,
			};
			return perInterval(this, series.tsToValues, about);
		});
	},
};
