import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { callsItemRequest } from '../../api';
import { executionScope, idempotenceKeyFor } from '../../helpers/idempotence';

/** The campaign note every campaign operation shows: there is no campaign field to fill in. */
export const CAMPAIGN_OF_TOKEN =
	'The campaign is the one whose Calls API Token is in the credential (Project → Calls → the campaign → menu → Copy API token)';

/** `POST …/control/{action}`: one operation per action of the spec's enum. */
export function control(
	action: 'pause' | 'resume' | 'stop',
	name: string,
	description: string,
): Operation {
	return {
		value: action,
		name,
		action: `${name} campaign`,
		description,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			await callsItemRequest(this, itemIndex, 'controlCampaign', {
				pathParams: { action },
				// Same key for a retry within this execution: a pause that reached the platform before
				// the connection broke is not sent again as a second, failing pause.
				idempotenceKey: idempotenceKeyFor(
					this,
					`control:${executionScope(this, itemIndex)}`,
					action,
				),
			});
			return { success: true, action };
		},
	};
}
