import { CAMPAIGN_OF_TOKEN, control } from './common';

export const pause = control(
	'pause',
	'Pause',
	`Pause the campaign: no new calls until it is resumed. ${CAMPAIGN_OF_TOKEN}.`,
);
