import { CAMPAIGN_OF_TOKEN, control } from './common';

export const stop = control(
	'stop',
	'Stop',
	`Stop the campaign for good: it becomes finished, cannot be resumed and takes no more numbers. ${CAMPAIGN_OF_TOKEN}.`,
);
