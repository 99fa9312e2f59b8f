import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chatZoneOf } from '../../common/chat/timestamps';
import { formatIso, readDateMs } from '../../common/dates';
import { CREDENTIAL_NAME } from '../../common/transport';

/**
 * The zone the Text campaign service reads and writes zone-less date-times in: the credential's
 * Chat Timestamps Zone (UTC when empty), the zone its chat history times are already read in.
 * Writing in the zone times are read in keeps a round trip exact (docs/platform-assumptions.md).
 */
export async function platformZoneOf(ctx: IExecuteFunctions, itemIndex = 0): Promise<string> {
	const credentials = (await ctx.getCredentials(CREDENTIAL_NAME, itemIndex)) as IDataObject;
	return chatZoneOf(credentials, ctx.getNode());
}

/**
 * A date-time for the platform as its spec writes every input example: ISO local date-time with
 * no zone (`2024-06-03T15:30:00`), the wall-clock time in `zone`; milliseconds only when not zero.
 */
export function platformDate(epochMs: number, zone: string): string {
	const local = formatIso(epochMs, zone).slice(0, 23);
	return local.endsWith('.000') ? local.slice(0, 19) : local;
}

/**
 * A date parameter (zone-less means the workflow zone) as a platform date-time; undefined when
 * empty. The credential is read only when there is a date to send.
 */
export async function platformDateOf(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): Promise<string | undefined> {
	const ms = readDateMs(ctx, value, itemIndex, label);
	return ms === undefined ? undefined : platformDate(ms, await platformZoneOf(ctx, itemIndex));
}
