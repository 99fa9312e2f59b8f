/**
 * The leak detector: walks everything a run leaves behind (the thrown error with its description,
 * context and cause chain, the output items, the execution data n8n-core stores) and records every
 * place where a secret appears, raw, URL-encoded or form-encoded.
 */
import type { IDataObject } from 'n8n-workflow';

import type { WorkflowResult } from '../helpers/harness.cts';
import { generatedData } from '../helpers/integration.cts';

export const stats = {
	/** Operations of the node descriptions (one row each). */
	operations: 0,
	/** Variant rows (catalog.cts `withVariants`), by kind: counted apart from the operations. */
	variants: {} as Record<string, number>,
	faults: 0,
	badInputs: 0,
	places: 0,
	leaks: [] as string[],
	acting: 0,
	/** Acting variant rows (of `variants`), counted apart from `acting`. */
	actingVariants: 0,
	duplicates: 0,
	/** Repeats of the same work by n8n, per acting row: Retry On Fail, a retried execution, a failure mid-batch. */
	repeatChecks: { retryOnFail: 0, retriedExecution: 0, midBatch: 0 },
};

/** `136 (+14 many-item variants, +1 Unfinished Only variant)`: operations, variants apart. */
export function withVariantCounts(count: number, variants: Record<string, number>): string {
	const parts = Object.entries(variants)
		.filter(([, n]) => n > 0)
		.map(([label, n]) => `+${n} ${label} variant${n === 1 ? '' : 's'}`);
	return parts.length ? `${count} (${parts.join(', ')})` : String(count);
}

function forms(secrets: string[]): string[] {
	return [
		...new Set(
			secrets
				.filter((s) => s.length >= 4)
				.flatMap((s) => [s, encodeURIComponent(s), encodeURIComponent(s).replace(/%20/g, '+')]),
		),
	];
}

/** Every string reachable from `value`, errors' own (non-enumerable) properties included. */
export function stringsOf(
	value: unknown,
	skipKeys: string[] = [],
	out: Array<[string, string]> = [],
	path = '$',
	seen = new WeakSet<object>(),
): Array<[string, string]> {
	if (typeof value === 'string') {
		out.push([path, value]);
		return out;
	}
	if (!value || typeof value !== 'object' || seen.has(value) || Buffer.isBuffer(value)) return out;
	seen.add(value);
	const keys =
		value instanceof Error
			? [...new Set([...Object.getOwnPropertyNames(value), ...Object.keys(value), 'cause'])]
			: Object.keys(value);
	for (const key of keys) {
		if (skipKeys.includes(key)) continue;
		stringsOf((value as Record<string, unknown>)[key], skipKeys, out, `${path}.${key}`, seen);
	}
	return out;
}

/**
 * Checks one run. Credential secrets: nowhere at all. Secrets the user typed as parameters (a
 * pushback id): nowhere except the node's own parameters.
 */
export function checkRun(
	label: string,
	result: WorkflowResult,
	credentialSecrets: string[],
	typedSecrets: string[] = [],
): void {
	const error = result.run.data.resultData.error;
	const items = Object.values(result.runData).flatMap((tasks) =>
		tasks.flatMap((task) => [task.error, ...((task.data?.main ?? []).flat() as IDataObject[])]),
	);
	// A typed secret may be in a success output (Pushgate returns the id it fired), never in an error.
	const failed = (item: unknown) =>
		item instanceof Error ||
		Boolean(
			(item as IDataObject | undefined)?.json &&
				(item as { json: IDataObject }).json.error !== undefined,
		);
	const places: Array<[string, string, string[]]> = [
		['serialised run', result.serialized, credentialSecrets],
		['generated data', generatedData(result), result.status === 'error' ? typedSecrets : []],
		...stringsOf(error).map(([path, text]): [string, string, string[]] => [
			`thrown error ${path}`,
			text,
			credentialSecrets,
		]),
		...stringsOf(error, ['node']).map(([path, text]): [string, string, string[]] => [
			`thrown error ${path}`,
			text,
			typedSecrets,
		]),
		...stringsOf(items, ['node']).map(([path, text]): [string, string, string[]] => [
			`output ${path}`,
			text,
			credentialSecrets,
		]),
		...stringsOf(items.filter(failed), ['node']).map(([path, text]): [string, string, string[]] => [
			`error output ${path}`,
			text,
			typedSecrets,
		]),
	];
	for (const [where, text, secrets] of places) {
		stats.places += 1;
		for (const form of forms(secrets)) {
			if (text.includes(form)) stats.leaks.push(`${label}: secret in ${where}`);
		}
	}
}
