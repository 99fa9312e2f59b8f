import type { IExecuteFunctions } from 'n8n-workflow';

import { locator, locatorValue } from '../../helpers/pickers';

export const experimentKeyField = locator(
	'Experiment',
	'experimentKey',
	'searchExperiments',
	'e.g. greeting-test',
	'The A/B experiment, by its key (the key the bot script passes to $analytics.joinExperiment). In the project, open Analytics → A/B Tests to see them.',
);

export function experimentKeyOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return locatorValue(ctx, 'experimentKey', itemIndex, 'Experiment');
}
