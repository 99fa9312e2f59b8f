import { parseDateMs } from '../dates';

/**
 * Platform timestamps are ISO local date-times without a zone ("2024-05-01T10:00:00.123"). They
 * are read as UTC, so cursors do not depend on the zone n8n runs in; the platform does not document
 * its zone (docs/platform-assumptions.md, "Dates"). Numbers are taken as epoch ms.
 */
export function timestampMs(value: unknown): number | undefined {
	if (typeof value !== 'number' && typeof value !== 'string') return undefined;
	try {
		return parseDateMs(value, 'UTC'); // the common reader (nodes/common/dates.ts)
	} catch {
		return undefined;
	}
}
