import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { botField, locatorValue, sessionIdField } from '../../helpers/pickers';
import { projectOf, reporterOptions } from '../../helpers/project';
import { itemRequestString } from '../../helpers/stringAnswer';
import { experimentKeyField, experimentKeyOf } from './common';

export const join: Operation = {
	acts: true,
	value: 'join',
	name: 'Join',
	action: 'Join session to experiment',
	description:
		'Put a session into an experiment and get its branch (what $analytics.joinExperiment does in a script)',
	properties: [experimentKeyField, botField, sessionIdField, reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const experimentKey = experimentKeyOf(this, itemIndex);
		const sessionId = locatorValue(this, 'sessionId', itemIndex, 'Session');
		const botId = locatorValue(this, 'botId', itemIndex, 'Bot');
		const qs = {
			projectShortName: await projectOf(this, itemIndex, true),
			experimentKey,
			sessionId,
			botId,
		};
		// The answer is a bare JSON string: the branch key.
		const branch = await itemRequestString(this, itemIndex, 'joinExperiment', { qs });
		return { experimentKey, sessionId, branch };
	},
};
