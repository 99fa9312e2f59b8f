import type { Resource } from '../../common/router';
import { getMany as getManyAttempts } from './callAttempt/getMany.operation';
import { getReport as getAttemptReport } from './callAttempt/getReport.operation';
import { cancel } from './callJob/cancel.operation';
import { getMany as getManyJobs } from './callJob/getMany.operation';
import { getManyUnfinished } from './callJob/getManyUnfinished.operation';
import { getReport as getJobReport } from './callJob/getReport.operation';
import { pause, resume, stop } from './campaign/control.operation';
import { get as getCampaign } from './campaign/get.operation';
import { getStatus } from './campaign/getStatus.operation';
import { add } from './phone/add.operation';
import { addOne } from './phone/addOne.operation';

export const callsResources: Resource[] = [
	{ value: 'phone', name: 'Phone', description: 'Numbers to call', operations: [add, addOne] },
	{ value: 'callJob', name: 'Call Job', description: 'The calls planned for one number', operations: [cancel, getJobReport, getManyJobs, getManyUnfinished] },
	{ value: 'callAttempt', name: 'Call Attempt', description: 'Single dialling attempts of a call job', operations: [getAttemptReport, getManyAttempts] },
	{ value: 'campaign', name: 'Campaign', description: "The campaign of the credential's Calls API token", operations: [getCampaign, getStatus, pause, resume, stop] },
];
