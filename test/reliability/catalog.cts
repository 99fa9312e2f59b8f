/**
 * The operation catalogue of the reliability suite: every node listed in package.json `n8n.nodes`
 * is loaded from its source, and every resource × operation of its description becomes a row.
 * Nodes that fail to load are skipped with a console note (a node being edited must not break the
 * suite of the others). Parameters come from a generic filler (by field name and type) plus the
 * per-operation fixtures in fixtures.cts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { IDataObject, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { PACKAGE_NAME, PACKAGE_NODE_REGISTRY, registerNodeType } from '../helpers/harness.cts';

const ROOT = join(__dirname, '..', '..');

export interface NodeEntry {
	/** Full type, e.g. `n8n-nodes-tovie.tovieChat`. */
	type: string;
	short: string;
	className: string;
	description: INodeTypeDescription;
	isTrigger: boolean;
	/** `resource:operation` of the operations that take many items per request (a BatchOperation). */
	batchOperations: Set<string>;
}

export interface OperationRow {
	node: NodeEntry;
	resource: string;
	operation: string;
	/** `tovieChat:message:send`. */
	key: string;
	/** Fields shown for this resource and operation. */
	properties: INodeProperties[];
	/** The operation batches its input items (`batch` in its definition, nodes/common/router.ts). */
	batch: boolean;
	/**
	 * A variant of the operation: the same operation with other input (`key` is
	 * `<operation key>#<variant>`, its fixture says what differs). `many`: several input items.
	 */
	variant?: string;
	/** The operation's own key, without `#<variant>`. */
	operationKey: string;
}

/** The variant a key names (`tovieChat:messageStatus:update#many` → `many`), if any. */
export const variantOf = (key: string): string | undefined => key.split('#')[1];

/**
 * The batch operations of a node, from the resources its `actions/index.ts` exports (the ones its
 * `execute` routes). A node without one (a trigger) has none.
 */
function batchOperationsOf(source: string): Set<string> {
	const batched = new Set<string>();
	let exported: Record<string, unknown>;
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		exported = require(join(ROOT, dirname(source), 'actions')) as Record<string, unknown>;
	} catch {
		return batched;
	}
	for (const value of Object.values(exported)) {
		if (!Array.isArray(value)) continue;
		for (const resource of value as Array<{ value?: string; operations?: unknown }>) {
			if (!Array.isArray(resource?.operations)) continue;
			for (const operation of resource.operations as Array<{ value: string; batch?: unknown }>)
				if (operation.batch) batched.add(`${resource.value}:${operation.value}`);
		}
	}
	return batched;
}

function shows(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	if (!show) return true;
	if (show.resource && !(show.resource as unknown[]).includes(resource)) return false;
	if (show.operation && !(show.operation as unknown[]).includes(operation)) return false;
	return true;
}

/** Loads every node of package.json; notes and skips those that do not load. */
export function loadPackageNodes(): { nodes: NodeEntry[]; skipped: string[] } {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	const nodes: NodeEntry[] = [];
	const skipped: string[] = [];
	for (const distPath of pkg.n8n.nodes) {
		const source = distPath.replace(/^dist\//, '').replace(/\.js$/, '');
		const className = source
			.split('/')
			.pop()!
			.replace(/\.node$/, '');
		try {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const exported = require(join(ROOT, source)) as Record<string, new () => INodeType>;
			const instance = new exported[className]();
			const description = instance.description;
			const type = `${PACKAGE_NAME}.${description.name}`;
			// Nodes added after the harness was written are registered here, so workflows can use them.
			if (!PACKAGE_NODE_REGISTRY.some(([name]) => name === type)) registerNodeType(type, instance);
			nodes.push({
				type,
				short: description.name,
				className,
				description,
				isTrigger: (description.inputs as unknown[]).length === 0,
				batchOperations: batchOperationsOf(source),
			});
		} catch (error) {
			skipped.push(source);
			console.warn(
				`[reliability] skipped ${source}: it does not load (${(error as Error).message.split('\n')[0]})`,
			);
		}
	}
	return { nodes, skipped };
}

/** Every resource × operation of the action nodes. */
export function operationsOf(nodes: NodeEntry[]): OperationRow[] {
	const rows: OperationRow[] = [];
	for (const node of nodes.filter((n) => !n.isTrigger)) {
		const properties = node.description.properties;
		for (const operationProperty of properties.filter((p) => p.name === 'operation')) {
			const resource = String(
				(operationProperty.displayOptions?.show?.resource as string[] | undefined)?.[0] ?? '',
			);
			for (const option of operationProperty.options ?? []) {
				const operation = String((option as { value: string }).value);
				const key = `${node.short}:${resource}:${operation}`;
				rows.push({
					node,
					resource,
					operation,
					key,
					properties: properties.filter(
						(p) => p.name !== 'resource' && p.name !== 'operation' && shows(p, resource, operation),
					),
					batch: node.batchOperations.has(`${resource}:${operation}`),
					operationKey: key,
				});
			}
		}
	}
	return rows;
}

/**
 * Rows for the variants the fixtures define (`<operation key>#<variant>`), each after its
 * operation's row: they go through every table of the suite like the operation itself. A variant
 * of an operation that no longer exists makes no row (the catalogue test reports its fixture).
 */
export function withVariants(rows: OperationRow[], fixtureKeys: string[]): OperationRow[] {
	return rows.flatMap((row) => [
		row,
		...fixtureKeys
			.filter((key) => key.startsWith(`${row.key}#`))
			.map((key): OperationRow => ({ ...row, key, variant: variantOf(key) })),
	]);
}

/**
 * The vendor specs each node's requests follow (../shared/specs; the fake checks every request
 * against them, test/helpers/fake-platform/spec.cts). The bad-input table derives cases from their
 * limits for the node fields of the same name. Chat, Pushgate and Operator have no spec.
 */
export const NODE_SPECS: Record<string, string[]> = {
	tovieCalls: ['calls.yml', 'common.yml'],
	tovieNlp: ['direct.yml'],
	tovieReporter: ['reporter-api.yml', 'async-api.yml'],
	tovieTextCampaign: ['text-campaign-api.yml'],
	tovieProject: ['project-api.yml', 'bot-channel-api.yml', 'async-api.yml'],
};

/** Values the generic filler uses, by field name, when no fixture gives one. */
export const VALUES_BY_NAME: IDataObject = {
	clientId: 'user-1',
	text: 'hello there',
	phone: '79123456789',
	sessionId: 's-1',
	questionId: 'q-1-1',
	dateFrom: '2026-01-01T00:00:00Z',
	dateTo: '2026-01-02T00:00:00Z',
	date: '2026-01-01T00:00:00Z',
	name: 'reliability',
	comment: 'checked',
	key: 'reliability-exp',
	experimentKey: 'greeting',
	path: '/Reliability',
	value: 'Paris',
	tags: 'gent',
	number: 2,
	state: '{"step": 1}',
	records: '[{"type":"synonyms","value":"Oslo","rule":["Oslo"]}]',
};

const rl = (value: unknown, mode = 'id') => ({ __rl: true, mode, value });

/** Parameters for the required fields the filler can guess; fixtures override them. */
export function autoParameters(row: OperationRow): IDataObject {
	const params: IDataObject = { resource: row.resource, operation: row.operation };
	for (const property of row.properties) {
		if (!property.required || property.name in params) continue;
		const known =
			VALUES_BY_NAME[property.name] ??
			(/url/i.test(property.name) ? 'https://files.example.com/reliability.txt' : undefined);
		switch (property.type) {
			case 'resourceLocator':
				params[property.name] = rl(known ?? '1');
				break;
			case 'string':
			case 'json':
			case 'dateTime':
				params[property.name] = known ?? (property.default === '' ? 'x' : property.default);
				break;
			default:
				if (known !== undefined) params[property.name] = known;
		}
	}
	return params;
}
