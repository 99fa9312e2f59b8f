import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequestFull } from '../../api';
import { requiredDate, toDateOnly } from '../../helpers/dates';
import { filtersBody } from '../../helpers/filters';
import { headersOf } from '../../helpers/headers';
import { botIdsOf } from '../../helpers/pickers';
import { projectOf } from '../../helpers/project';
import { downloadReport, waitForReport } from '../../helpers/report';
import {
	binaryPropertyOf,
	createProperties,
	reactionBody,
	REPORT_ROUTES,
	settingsOf,
	telephonyQuery,
} from './common';

export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create report',
	description:
		'Generate a report file (XLSX or CSV) and, optionally, wait for it and output the file',
	properties: createProperties,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const type = this.getNodeParameter('reportType', itemIndex) as string;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const headers = headersOf(this, itemIndex, options);
		const qs: IDataObject = {};
		let body: IDataObject | undefined;
		if (type === 'daily') {
			body = {
				date: requiredDate(toDateOnly, this, 'date', itemIndex, 'Date'),
				settings: settingsOf(this, itemIndex),
			};
		} else if (type === 'messageReaction') {
			body = { ...(await reactionBody(this, itemIndex)), settings: settingsOf(this, itemIndex) };
		} else {
			qs.projectShortName = await projectOf(this, itemIndex);
			if (type === 'telephony') {
				Object.assign(qs, telephonyQuery(this, itemIndex));
				const botIds = botIdsOf(this, itemIndex);
				if (botIds.length) qs.botIds = botIds;
			} else {
				body = { ...filtersBody(this, itemIndex), settings: settingsOf(this, itemIndex) };
			}
		}
		if (type === 'clientList') delete headers.language;
		const answer = await itemRequestFull<IDataObject | string>(
			this,
			itemIndex,
			REPORT_ROUTES[type],
			{ qs, headers, body },
		);
		// client-list answers with the id in headers only (Z-Request-id, Z-Request-time).
		const json = (answer.body && typeof answer.body === 'object' ? answer.body : {}) as IDataObject;
		const requestId = String(json.requestId ?? answer.headers['z-request-id'] ?? '');
		const requestTime = json.requestTime ?? answer.headers['z-request-time'];
		if (!requestId) {
			// The platform accepted the request but answered something unexpected: not the user's input.
			throw new NodeApiError(
				this.getNode(),
				{ message: 'The answer has no requestId and no Z-Request-id header' },
				{
					message: `The platform answered without a report request ID [item ${itemIndex}]`,
					description:
						'The report may have been created anyway: look for it with Report → Get Many Tasks before creating it again.',
					itemIndex,
				},
			);
		}
		const created = { requestId, requestTime, reportType: type };
		if (!this.getNodeParameter('waitForFile', itemIndex, true)) return created;
		const waitSeconds = this.getNodeParameter('waitSeconds', itemIndex, 600) as number;
		const task = await waitForReport(this, itemIndex, requestId, waitSeconds);
		const item = await downloadReport(
			this,
			itemIndex,
			{ ...created, ...task },
			binaryPropertyOf(this, itemIndex),
		);
		return item;
	},
};
