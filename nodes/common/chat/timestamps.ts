import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isTimeZone, parseDateMs } from '../dates';

/** The default zone of the platform's zone-less timestamps (docs/platform-assumptions.md, "Dates"). */
export const DEFAULT_CHAT_ZONE = 'UTC';

/**
 * The zone the platform writes its zone-less timestamps in: the credential's Chat Timestamps Zone.
 * UTC when empty: the platform does not document its zone, and its cloud servers log in UTC.
 * A name the runtime does not know is an error naming the field, not a silent fallback: a wrong
 * zone shifts every message time and the events cursor.
 */
export function chatZoneOf(credentials: IDataObject, node: INode): string {
	const zone = String(credentials.chatTimeZone ?? '').trim();
	if (!zone) return DEFAULT_CHAT_ZONE;
	if (!isTimeZone(zone))
		throw new NodeOperationError(
			node,
			`Chat Timestamps Zone in the Tovie Platform API credential is not a time zone: "${zone}"`,
			{
				description:
					'Use an IANA zone name such as Europe/Berlin or America/New_York, or UTC (the default when empty).',
			},
		);
	return zone;
}

/**
 * Platform timestamps are ISO local date-times without a zone ("2024-05-01T10:00:00.123"), read
 * as wall-clock times in `zone` (the credential's, `chatZoneOf`); never in the zone n8n runs in.
 * Values with an offset keep it; numbers are taken as epoch ms.
 */
export function timestampMs(value: unknown, zone = DEFAULT_CHAT_ZONE): number | undefined {
	if (typeof value !== 'number' && typeof value !== 'string') return undefined;
	try {
		return parseDateMs(value, zone); // the common reader (nodes/common/dates.ts)
	} catch {
		return undefined;
	}
}
