/**
 * Tovie Text Campaign and Tovie Project, structure: the route tables are exactly the specs'
 * operations (19 + 7 + 7), every route is used by an operation, routes that act are flagged, one
 * file per operation named by its value, and the size budget of docs/style.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

import { PROJECT_ROUTES } from '../../nodes/Project/api';
import { projectResources } from '../../nodes/Project/actions';
import { TovieProject } from '../../nodes/Project/TovieProject.node';
import { TEXT_CAMPAIGN_ROUTES } from '../../nodes/TextCampaign/api';
import { textCampaignResources } from '../../nodes/TextCampaign/actions';
import { TovieTextCampaign } from '../../nodes/TextCampaign/TovieTextCampaign.node';
import type { Resource } from '../../nodes/common/router';

const ROOT = join(__dirname, '..', '..');
// The vendor specs live outside the repository (team share); the checks run where they are present.
const SPECS = join(ROOT, '..', 'shared', 'specs');

/** `METHOD /path` of every operation of a spec, path parameters renamed to `{}`. */
function specOperations(file: string): string[] {
	const operations: string[] = [];
	let path = '';
	for (const line of readFileSync(join(SPECS, file), 'utf8').split('\n')) {
		const pathMatch = /^ {2}(\/\S*):\s*$/.exec(line);
		if (pathMatch) path = pathMatch[1];
		const method = /^ {4}(get|post|put|delete|patch):\s*$/.exec(line);
		if (method && path)
			operations.push(`${method[1].toUpperCase()} ${path.replace(/\{\w+\}/g, '{}')}`);
	}
	return operations.sort();
}

const routeKeys = (
	routes: Record<string, { method: string; path: string }>,
	except: string[] = [],
) =>
	Object.entries(routes)
		.filter(([name]) => !except.includes(name))
		.map(([, r]) => `${r.method} ${r.path.replace(/\{\w+\}/g, '{}')}`)
		.sort();

const sources = (node: string) => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith('.ts') && name !== 'api.ts') files.push(full);
		}
	};
	walk(join(ROOT, 'nodes', node));
	return files;
};

describe.each([
	[
		'TextCampaign',
		TEXT_CAMPAIGN_ROUTES,
		textCampaignResources,
		['text-campaign-api.yml'],
		[] as string[],
		19,
	],
	[
		'Project',
		PROJECT_ROUTES,
		projectResources,
		['project-api.yml', 'bot-channel-api.yml'],
		['asyncEvents'],
		14,
	],
] as const)('%s', (node, routes, resources, specs, extra, count) => {
	(existsSync(join(SPECS, specs[0])) ? it : it.skip)(
		`the route table is the ${count} operations of ${specs.join(' + ')}`,
		() => {
			const spec = specs.flatMap(specOperations).sort();
			expect(spec).toHaveLength(count);
			expect(routeKeys(routes, [...extra])).toEqual(spec);
		},
	);

	it('every route is used by an operation, helper or picker', () => {
		// Project resolution and the pickers live in nodes/common, shared with the other nodes.
		const shared = ['projects.ts', 'search.ts'].map((name) => join(ROOT, 'nodes', 'common', name));
		const text = [...sources(node), ...shared].map((file) => readFileSync(file, 'utf8')).join('\n');
		const unused = Object.keys(routes).filter((name) => !text.includes(`'${name}'`));
		expect(unused).toEqual([]);
	});

	it('routes that create, deploy or send are flagged `acts`; reads and idempotent changes are not', () => {
		const acting = Object.entries(routes as Record<string, { method: string; acts?: boolean }>)
			.filter(([, r]) => r.acts)
			.map(([name]) => name)
			.sort();
		const expected =
			node === 'TextCampaign'
				? [
						'createCampaign',
						'createTemplate',
						'sendByTemplate',
						'sendByTemplateWithData',
						'sendEvent',
						'sendReplies',
					]
				: ['cloneProject', 'createChannel', 'createProject', 'deployChannel'];
		expect(acting).toEqual(expected);
	});

	it('one file per operation, named by its value, within the size budget', () => {
		for (const resource of resources as Resource[]) {
			for (const operation of resource.operations) {
				const file = join(
					ROOT,
					'nodes',
					node,
					'actions',
					resource.value,
					`${operation.value}.operation.ts`,
				);
				expect([file, existsSync(file)]).toEqual([file, true]);
				expect([file, readFileSync(file, 'utf8').split('\n').length <= 150]).toEqual([file, true]);
			}
		}
		const nodeFile = join(ROOT, 'nodes', node, `Tovie${node}.node.ts`);
		expect(readFileSync(nodeFile, 'utf8').split('\n').length).toBeLessThanOrEqual(60);
	});
});

describe('descriptions', () => {
	const nodes = [new TovieTextCampaign(), new TovieProject()];

	it('actions are short, sentence case, without articles; destructive operations say so', () => {
		for (const { description } of nodes) {
			const operations = description.properties
				.filter((p) => p.name === 'operation')
				.flatMap((p) => p.options as Array<{ value: string; action: string; description: string }>);
			for (const { value, action, description: text } of operations) {
				expect([action, /\b(a|an|the)\b/i.test(action)]).toEqual([action, false]);
				expect([
					action,
					action.charAt(0) === action.charAt(0).toUpperCase() &&
						action.slice(1) ===
							action.slice(1).replace(/\b[A-Z](?=[a-z])/g, (c) => c.toLowerCase()),
				]).toEqual([action, true]);
				if (value === 'delete') expect(text).toMatch(/cannot be undone/);
			}
		}
	});

	it('the pickers named by the locators exist', () => {
		for (const node of nodes) {
			const methods = Object.keys(node.methods.listSearch);
			const wanted = node.description.properties
				.flatMap((p) => [p, ...((p.options ?? []) as (typeof p)[])])
				.flatMap((p) => (p.type === 'resourceLocator' ? (p.modes ?? []) : []))
				.map((mode) => mode.typeOptions?.searchListMethod)
				.filter(Boolean);
			expect(wanted.length).toBeGreaterThan(0);
			for (const method of wanted) expect(methods).toContain(method);
			const loaders = Object.keys((node.methods as { loadOptions?: object }).loadOptions ?? {});
			const loaded = node.description.properties
				.flatMap((p) => [p, ...((p.options ?? []) as (typeof p)[])])
				.map((p) => p.typeOptions?.loadOptionsMethod)
				.filter(Boolean);
			for (const method of loaded) expect(loaders).toContain(method);
		}
	});

	it('Text Campaign: the sends\' "Requests at Once" is the number of requests in flight, never called a batch size', () => {
		const text = JSON.stringify(new TovieTextCampaign().description.properties);
		expect(text).not.toMatch(/Batch Size|batchSize/);
		expect(text).toContain('"displayName":"Requests at Once","name":"requestsAtOnce"');
	});

	it('every listable platform object named by a field has a picker that opens on its list', () => {
		const locators = [new TovieTextCampaign(), new TovieProject()].flatMap((n) =>
			n.description.properties
				.flatMap((p) => [p, ...((p.options ?? []) as (typeof p)[])])
				.filter((p) => p.type === 'resourceLocator'),
		);
		// Templates are the exception: text-campaign-api.yml has no call that lists them.
		for (const locator of locators.filter(
			(l) => l.name !== 'template' && l.name !== 'eventSendingTemplateUuid',
		)) {
			expect([
				locator.name,
				locator.modes?.[0]?.name,
				(locator.default as { mode: string }).mode,
			]).toEqual([locator.name, 'list', 'list']);
		}
	});

	it('codex: categories and search aliases', () => {
		for (const name of ['TextCampaign/TovieTextCampaign', 'Project/TovieProject']) {
			const codex = JSON.parse(readFileSync(join(ROOT, 'nodes', `${name}.node.json`), 'utf8')) as {
				categories: string[];
				alias: string[];
			};
			expect(codex.categories.length).toBeGreaterThan(0);
			expect(codex.alias).toEqual(expect.arrayContaining(['JAICP', 'Just AI', 'chatbot']));
		}
	});
});
