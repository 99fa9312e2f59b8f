import type { Resource } from '../../common/router';
import { getAll as getManyAttempts } from './callAttempt/getAll.operation';
import { getReport as getAttemptReport } from './callAttempt/getReport.operation';
import { cancel } from './callJob/cancel.operation';
import { getAll as getManyJobs } from './callJob/getAll.operation';
import { getReport as getJobReport } from './callJob/getReport.operation';
import { get as getCampaign } from './campaign/get.operation';
import { getStatus } from './campaign/getStatus.operation';
import { pause } from './campaign/pause.operation';
import { resume } from './campaign/resume.operation';
import { stop } from './campaign/stop.operation';
import { add } from './phone/add.operation';
import { addCrm } from './phone/addCrm.operation';

/** Operations in the order of their names, as the editor lists them. */
export const callsResources: Resource[] = [
	{ value: 'phone', name: 'Phone', description: 'Numbers to call', operations: [add, addCrm] },
	{
		value: 'callJob',
		name: 'Call Job',
		description: 'The calls planned for one number',
		operations: [cancel, getManyJobs, getJobReport],
	},
	{
		value: 'callAttempt',
		name: 'Call Attempt',
		description: 'Single dialling attempts of a call job',
		operations: [getManyAttempts, getAttemptReport],
	},
	{
		value: 'campaign',
		name: 'Campaign',
		description: "The campaign of the credential's Calls API Token",
		operations: [getCampaign, getStatus, pause, resume, stop],
	},
];
