import type { IDataObject } from 'n8n-workflow';

/** One agent group, as `GET {apiUrl}/getDestinations` answers it (the Operator API page). */
export interface Destination {
	destinationId: string;
	name: string;
	hasOnline: boolean;
}

export type DestinationsVerdict =
	| { ok: true; destinations: Destination[] }
	| { ok: false; message: string };

function truthy(value: unknown): boolean {
	if (typeof value === 'string')
		return ['true', '1', 'yes', 'on'].includes(value.trim().toLowerCase());
	return value === true || value === 1;
}

/**
 * The agent groups from the node's configuration: the "Agent Groups" list, or a JSON value
 * (an array, or `{destinations: [...]}`, often an expression). Every group needs an ID and a name;
 * IDs are sent as strings and must be unique.
 */
export function toDestinations(raw: unknown): DestinationsVerdict {
	let value = raw;
	if (typeof value === 'string') {
		if (!value.trim()) return { ok: true, destinations: [] };
		try {
			value = JSON.parse(value);
		} catch {
			return { ok: false, message: 'Agent Groups (JSON) is not valid JSON' };
		}
	}
	if (
		value &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		Array.isArray((value as IDataObject).destinations)
	) {
		value = (value as IDataObject).destinations;
	}
	if (!Array.isArray(value))
		return {
			ok: false,
			message: 'Agent groups must be a list of {destinationId, name, hasOnline}',
		};
	const destinations: Destination[] = [];
	for (const [index, entry] of value.entries()) {
		const group = (entry ?? {}) as IDataObject;
		const id = group.destinationId ?? group.id;
		const destinationId =
			typeof id === 'number' ? String(id) : typeof id === 'string' ? id.trim() : '';
		const name = typeof group.name === 'string' ? group.name.trim() : '';
		if (!destinationId || !name)
			return { ok: false, message: `Agent group ${index + 1} needs an ID and a name` };
		if (destinations.some((d) => d.destinationId === destinationId)) {
			return { ok: false, message: `Agent group ID "${destinationId}" is used twice` };
		}
		destinations.push({ destinationId, name, hasOnline: truthy(group.hasOnline) });
	}
	return { ok: true, destinations };
}
