import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { callsItemRequest, executionScope, idempotenceKeyFor } from '../../api';

type Action = 'pause' | 'resume' | 'stop';

/** `POST …/control/{action}`: one operation per action of the spec's enum. */
function control(action: Action, name: string, description: string): Operation {
	return {
		value: action,
		name,
		action: `${name} the campaign`,
		description,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			await callsItemRequest(this, itemIndex, 'controlCampaign', {
				pathParams: { action },
				// Same key for a retry within this execution: a pause that reached the platform before
				// the connection broke is not sent again as a second, failing pause.
				idempotenceKey: idempotenceKeyFor(this, `control:${executionScope(this, itemIndex)}`, action),
			});
			return { success: true, action };
		},
	};
}

export const pause = control('pause', 'Pause', 'Pause the campaign: no new calls until it is resumed');
export const resume = control('resume', 'Resume', 'Resume a paused campaign');
export const stop = control('stop', 'Stop', 'Stop the campaign for good: it takes no more numbers');
