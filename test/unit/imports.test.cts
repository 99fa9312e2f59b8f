/**
 * One home for shared code (docs/architecture.md): a node folder imports only itself and
 * `nodes/common/`, and `nodes/common/` imports no node folder. A node that needs another node's
 * code is a sign that the code belongs in `nodes/common/<topic>/`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const NODES = join(__dirname, '..', '..', 'nodes');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** The top folder under nodes/ of a path (`Chat`, `common`, …). */
const folderOf = (path: string) => relative(NODES, path).split(/[\\/]/)[0];

function crossImports(): string[] {
	const found: string[] = [];
	for (const file of sources(NODES)) {
		const own = folderOf(file);
		for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
			const target = normalize(join(dirname(file), spec));
			if (!target.startsWith(NODES)) continue;
			const other = folderOf(target);
			if (other !== own && other !== 'common')
				found.push(`${relative(NODES, file)} imports ${relative(NODES, target)}`);
		}
	}
	return found;
}

it('no node folder imports another node folder, and nodes/common imports none', () => {
	expect(crossImports()).toEqual([]);
});
