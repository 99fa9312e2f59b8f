#!/usr/bin/env node
// Runs a TypeScript benchmark script (bench/*.bench.cts) without a build step:
// `node bench/run.js bench/calls.bench.cts`. Benchmarks are scripts that print numbers,
// never tests: timings on a shared 2-core machine are not assertions.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

function compile(module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			allowImportingTsExtensions: true,
		},
	});
	module._compile(outputText, filename);
}
// TypeScript first: `require('./X.node')` must find X.node.ts, not the codex file X.node.json.
const registered = { ...require.extensions };
for (const ext of Object.keys(require.extensions)) delete require.extensions[ext];
Object.assign(require.extensions, { '.ts': compile, '.cts': compile }, registered);

const script = process.argv[2];
if (!script) {
	console.error('usage: node bench/run.js bench/<name>.bench.cts [args]');
	process.exit(2);
}
require(path.resolve(script));
