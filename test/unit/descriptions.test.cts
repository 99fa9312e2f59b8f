/**
 * Structure checks over every node the package ships (found through package.json, so a new node
 * is covered as soon as it is registered) and over the shared credential.
 */
import { existsSync, readdirSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { TovieApi } from '../../credentials/TovieApi.credentials';

const root = resolve(__dirname, '../..');
const pkg = require(join(root, 'package.json'));

function sourceOf(distPath: string): string {
	return join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

function findNodeFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return findNodeFiles(full);
		return name.endsWith('.node.ts') ? [full] : [];
	});
}

const nodes = (pkg.n8n.nodes as string[]).map((distPath) => {
	const file = sourceOf(distPath);
	const exported = require(file);
	const NodeClass = Object.values(exported)[0] as new () => INodeType;
	return { file, node: new NodeClass() };
});

function iconFiles(icon: unknown, baseDir: string): string[] {
	const refs = typeof icon === 'string' ? [icon] : Object.values(icon as Record<string, string>);
	return refs.map((ref) => resolve(baseDir, ref.replace(/^file:/, '')));
}

describe('package.json', () => {
	it('lists every node source and the credential, as dist paths', () => {
		const listed = nodes.map((n) => relative(root, n.file)).sort();
		const found = findNodeFiles(join(root, 'nodes'))
			.map((f) => relative(root, f))
			.sort();
		expect(listed).toEqual(found);
		expect(pkg.n8n.credentials).toEqual(['dist/credentials/TovieApi.credentials.js']);
	});
	it('has no runtime dependencies and n8n-workflow only as a "*" peer', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	});
});

describe.each(nodes.map((n) => [n.node.description.displayName, n] as const))(
	'%s',
	(_name, { file, node }) => {
		const { description } = node;
		const isTrigger = description.group.includes('trigger');
		const properties = description.properties;

		it('is named for the product and has both icons on disk', () => {
			expect(description.displayName).toMatch(/^Tovie /);
			expect(description.subtitle).toBeTruthy();
			const icons = iconFiles(description.icon, dirname(file));
			expect(icons).toHaveLength(2);
			icons.forEach((icon) => expect(existsSync(icon)).toBe(true));
		});

		it('uses the shared credential with its credential test', () => {
			// The Operator Trigger reads no credential (the Operator API calls it without a token).
			const required = description.name !== 'tovieOperatorTrigger';
			expect(description.credentials).toEqual([
				{ name: 'tovieApi', required, testedBy: 'tovieApiTest' },
			]);
			expect(typeof node.methods?.credentialTest?.tovieApiTest).toBe('function');
		});

		it(isTrigger ? 'is a trigger: no inputs, not a tool' : 'is usable as an AI tool', () => {
			if (isTrigger) {
				expect(description.inputs).toEqual([]);
				expect(description.usableAsTool).toBeUndefined();
				expect(description.displayName).toMatch(/Trigger$/);
			} else {
				expect(description.usableAsTool).toBe(true);
			}
		});

		if (isTrigger) return;

		const resourceProp = properties.find((p) => p.name === 'resource')!;
		const resources = (resourceProp.options as INodePropertyOptions[]).map((o) => String(o.value));
		const operationProps = properties.filter((p) => p.name === 'operation');

		it('follows Resource → Operation with fixed, non-expression selectors', () => {
			expect(resourceProp.noDataExpression).toBe(true);
			expect(operationProps).toHaveLength(resources.length);
			operationProps.forEach((p) => expect(p.noDataExpression).toBe(true));
		});

		const operations = operationProps.flatMap((prop) =>
			(prop.options as INodePropertyOptions[]).map((op) => ({
				resource: String(prop.displayOptions!.show!.resource![0]),
				op,
			})),
		);

		it.each(
			operations.map(({ resource, op }) => [`${resource}:${op.value}`, resource, op] as const),
		)('operation %s is well described', (_id, resource, op) => {
			expect(op.action).toBeTruthy();
			expect(op.description).toBeTruthy();
			if (op.name === 'Get Many') {
				expect(op.value).toBe('getAll');
				expect(String(op.action)).toMatch(/^Get many /);
			}
			const fields = properties.filter(
				(p) =>
					p.displayOptions?.show?.resource?.includes(resource) &&
					p.displayOptions?.show?.operation?.includes(op.value as string),
			);
			const names = fields.map((f) => f.name);
			if (names.includes('returnAll')) expect(names).toContain('limit');
			fields.forEach((field: INodeProperties) => {
				if (
					field.type === 'options' &&
					typeof field.default === 'string' &&
					!String(field.default).startsWith('=')
				) {
					expect((field.options as INodePropertyOptions[]).map((o) => o.value)).toContain(
						field.default,
					);
				}
			});
		});
	},
);

describe('credential', () => {
	const credential = new TovieApi();
	it('keeps every secret in a password field', () => {
		for (const name of ['chatApiToken', 'callsApiToken', 'nlpApiKey', 'apiToken']) {
			expect(credential.properties.find((p) => p.name === name)?.typeOptions?.password).toBe(true);
		}
		expect(
			credential.properties.find((p) => p.name === 'projectShortName')?.typeOptions?.password,
		).toBeUndefined();
	});
	it('fills placeholders: URL-encoded in the path, plain in headers', async () => {
		const out = await credential.authenticate(
			{ chatApiToken: 'a b:c', apiToken: 'tok' },
			{
				url: 'https://h/chatapi/{{tovie:chatApiToken}}',
				headers: { Authorization: 'Bearer {{tovie:apiToken}}' },
			},
		);
		expect(out.url).toBe('https://h/chatapi/a%20b%3Ac');
		expect(out.headers).toEqual({ Authorization: 'Bearer tok' });
	});
});
