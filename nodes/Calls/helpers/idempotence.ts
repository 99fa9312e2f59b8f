import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** JSON with sorted keys, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.keys(value as IDataObject)
			.filter((key) => (value as IDataObject)[key] !== undefined)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * An `Idempotence-Key` that depends only on what is sent and where from (workflow, node): a retry
 * by the transport and a re-run of the same execution send the same key, so the platform answers
 * with the call jobs it already created instead of creating new ones (24-hour window,
 * docs/platform-assumptions.md). UUID-shaped; no secret goes into it.
 */
export function idempotenceKeyFor(ctx: IExecuteFunctions, scope: string, content: unknown): string {
	const workflowId = String(ctx.getWorkflow().id ?? '');
	const node = ctx.getNode();
	const hex = createHash('sha256')
		// The credential's id (not its secret) keeps keys of two campaigns apart.
		.update(
			canonicalJson({
				scope,
				workflowId,
				node: node.id ?? node.name,
				credential: node.credentials?.tovieApi?.id,
				content,
			}),
		)
		.digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Scope for keys that must cover retries of one request only: this execution, this run of the
 * node (loops), this item. A later execution sends the request again on purpose.
 */
export function executionScope(ctx: IExecuteFunctions, itemIndex: number): string {
	const runIndex = (ctx.getWorkflowDataProxy(itemIndex).$runIndex as number | undefined) ?? 0;
	return `${ctx.getExecutionId()}:${runIndex}:${itemIndex}`;
}
