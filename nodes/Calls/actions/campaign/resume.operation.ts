import { CAMPAIGN_OF_TOKEN, control } from './common';

export const resume = control(
	'resume',
	'Resume',
	`Resume a paused campaign. ${CAMPAIGN_OF_TOKEN}.`,
);
