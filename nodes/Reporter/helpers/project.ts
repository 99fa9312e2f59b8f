import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	credentialProject,
	optionsProject,
	PROJECT_MISSING_HINT,
	projectOptions,
	shortNameOf,
} from '../../common/projects';
import { invalidInput } from '../../common/validate';

/** Options → Project (the shared picker; empty means the credential's project) and the operation's own options. */
export function reporterOptions(
	options: INodeProperties[] = [],
	displayOptions?: IDisplayOptions,
): INodeProperties {
	return { ...projectOptions(options), ...(displayOptions ? { displayOptions } : {}) };
}

/** The project of one item: Options → Project (an ID is looked up), else the credential's. */
export async function projectOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	required = false,
): Promise<string | undefined> {
	const own = optionsProject(ctx, itemIndex);
	if (own) return await shortNameOf(ctx, itemIndex, own);
	const fallback = await credentialProject(ctx, itemIndex);
	if (!fallback && required)
		throw invalidInput(ctx, itemIndex, 'Project', 'is empty', PROJECT_MISSING_HINT);
	return fallback;
}
