import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { outputDate, workflowZone } from '../../../common/dates';

/** A template as the API answers it, with the campaign flattened for the next node. */
export function templateOut(
	ctx: IExecuteFunctions,
	id: string,
	template: IDataObject,
): IDataObject {
	const campaign = (template.textCampaign ?? {}) as IDataObject;
	const out: IDataObject = {
		id,
		textCampaignId: campaign.id,
		textCampaignName: campaign.name,
		...template,
	};
	delete out.textCampaign;
	if (out.sendingTime !== undefined)
		out.sendingTime = outputDate(out.sendingTime, workflowZone(ctx)) as string;
	return out;
}
