import type { IDataObject } from 'n8n-workflow';

import { outputDate, workflowZone, type ZoneSource } from '../../common/dates';

/** The given date fields of a platform object as ISO 8601 in the workflow's time zone. */
export function withIsoDates(ctx: ZoneSource, object: IDataObject, fields: string[]): IDataObject {
	const zone = workflowZone(ctx);
	const copy: IDataObject = { ...object };
	for (const field of fields) {
		if (copy[field] !== undefined)
			copy[field] = outputDate(copy[field], zone) as IDataObject[string];
	}
	return copy;
}

const PROJECT_DATES = ['lastModificationTime'];
export const CHANNEL_DATES = ['creationTime', 'modificationTime'];

export function projectOut(ctx: ZoneSource, project: IDataObject, simplify: boolean): IDataObject {
	const out = withIsoDates(ctx, project, PROJECT_DATES);
	if (!simplify) return out;
	const settings = (project.projectSettingsData ?? {}) as IDataObject;
	// At most ten flat fields (UX guideline for Simplify).
	return {
		id: out.id,
		name: out.name,
		shortName: out.shortName,
		description: out.description,
		botChannelsType: out.botChannelsType,
		language: settings.language ?? out.language,
		defaultBranch: out.defaultBranch,
		templateName: out.templateName,
		channelIds: Array.isArray(out.botChannels)
			? (out.botChannels as IDataObject[]).map((channel) => channel.id)
			: undefined,
		lastModificationTime: out.lastModificationTime,
	};
}
