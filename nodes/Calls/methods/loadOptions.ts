import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { callsRequest, PAGE_SIZE_MAX } from '../api';

const DAY_MS = 24 * 60 * 60 * 1000;

export const loadOptions = {
	/**
	 * The campaign's call jobs created in the last 30 days, newest first (the Calls API lists call
	 * jobs only by date): "phone · status · created", the call job ID as value.
	 */
	async getCallJobs(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const answer = await callsRequest<IDataObject>(this, 'getCallJobReportByDate', {
			body: {
				filter: { createdAtFrom: new Date(Date.now() - 30 * DAY_MS).toISOString() },
				pagination: { page: 0, pageSize: PAGE_SIZE_MAX },
			},
		});
		const jobs = ((answer?.items ?? []) as IDataObject[]).filter(
			(job) => job.callJobId !== undefined,
		);
		const created = (job: IDataObject) =>
			Number(job.createdAt ?? 0) || Date.parse(String(job.createdAt ?? '')) || 0;
		return jobs
			.sort((a, b) => created(b) - created(a))
			.map((job) => ({
				name: [
					job.phone,
					job.jobStatus,
					created(job) ? new Date(created(job)).toISOString().slice(0, 16).replace('T', ' ') : '',
				]
					.filter(Boolean)
					.join(' · '),
				value: String(job.callJobId),
			}));
	},
};
