/**
 * Screenshots of the package in the n8n editor (run by scripts/screenshots.sh against a running
 * n8n): creates the owner, a credential and a workflow with every node of the package through
 * n8n's APIs, then drives chromium (playwright-core, headless) through the canvas, each node's
 * parameter panel and the credential dialog. Fails when a node icon does not load or a panel
 * shows an error. Writes docs/screenshots/*.png.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { startE2eFake } from '../test/e2e/fake.cts';
import { SECRETS } from '../test/e2e/fixtures.cts';

const BASE = process.env.SCREENSHOT_URL ?? 'http://localhost:5699';
const OUT = process.env.SCREENSHOT_DIR ?? join(__dirname, '..', 'docs', 'screenshots');
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Docs',
	lastName: 'Owner',
	password: 'Screensh0ts!',
};
const problems: string[] = [];

let nodesOfPackage: Array<{ type: string; displayName: string; file: string }> | undefined;

function packageNodes(): Array<{ type: string; displayName: string; file: string }> {
	if (nodesOfPackage) return nodesOfPackage;
	const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	nodesOfPackage = pkg.n8n.nodes.map((path) => {
		const className = (path.split('/').pop() as string).replace(/\.node\.js$/, '');
		const displayName = className.replace(/([a-z])([A-Z])/g, '$1 $2');
		const file = className
			.replace(/^Tovie/, '')
			.replace(/([a-z])([A-Z])/g, '$1-$2')
			.toLowerCase();
		return {
			type: `n8n-nodes-tovie.${className.charAt(0).toLowerCase()}${className.slice(1)}`,
			displayName,
			file,
		};
	});
	return nodesOfPackage;
}

/** Parameters of the first node of each type in examples/, so the panels show a realistic setup. */
function exampleParameters(): Map<string, Record<string, unknown>> {
	const dir = join(__dirname, '..', 'examples');
	const found = new Map<string, Record<string, unknown>>();
	for (const file of readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()) {
		const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
			nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
		};
		for (const node of workflow.nodes)
			if (!found.has(node.type)) found.set(node.type, node.parameters);
	}
	return found;
}

async function call(
	method: string,
	path: string,
	body: unknown,
	headers: Record<string, string>,
): Promise<{ data: any; cookie: string }> {
	const response = await fetch(`${BASE}${path}`, {
		method,
		headers: { 'Content-Type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
	const cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	const parsed = text ? JSON.parse(text) : {};
	return { data: parsed.data ?? parsed, cookie };
}

async function prepare(
	fakeUrl: string,
): Promise<{ cookie: string; workflowId: string; credentialId: string }> {
	let { cookie } = await call('POST', '/rest/owner/setup', OWNER, {});
	if (!cookie)
		({ cookie } = await call(
			'POST',
			'/rest/login',
			{ emailOrLdapLoginId: OWNER.email, password: OWNER.password },
			{},
		));
	const credential = await call(
		'POST',
		'/rest/credentials',
		{
			name: 'Tovie Platform account',
			type: 'tovieApi',
			// The fake platform stands in for the Tovie server, so the dialog's connection test passes.
			data: {
				server: 'custom',
				baseUrl: fakeUrl,
				...Object.fromEntries(
					['chatApiToken', 'callsApiToken', 'nlpApiKey', 'apiToken'].map((k) => [
						k,
						SECRETS[k as keyof typeof SECRETS],
					]),
				),
				projectShortName: 'e2e-project',
			},
		},
		{ Cookie: cookie },
	);
	const credentials = { tovieApi: { id: credential.data.id, name: 'Tovie Platform account' } };
	const parameters = exampleParameters();
	// Node names as n8n shows them (the description's displayName).
	const types = (await (
		await fetch(`${BASE}/types/nodes.json`, { headers: { Cookie: cookie } })
	).json()) as Array<{ name: string; displayName: string }>;
	for (const node of packageNodes())
		node.displayName =
			types.find((type) => type.name === node.type)?.displayName ?? node.displayName;
	const nodes = packageNodes().map((node, index) => ({
		id: `00000000-0000-4000-8000-00000000000${index}`,
		name: node.displayName,
		type: node.type,
		typeVersion: 1,
		position: [(index % 4) * 260, Math.floor(index / 4) * 220],
		parameters: parameters.get(node.type) ?? {},
		credentials,
	}));
	const workflow = await call(
		'POST',
		'/rest/workflows',
		{
			name: 'Every Tovie node',
			nodes,
			connections: {},
			settings: { executionOrder: 'v1' },
			active: false,
		},
		{ Cookie: cookie },
	);
	return { cookie, workflowId: workflow.data.id, credentialId: credential.data.id };
}

async function brokenImages(page: Page, scope: string): Promise<string[]> {
	return await page.$$eval(`${scope} img`, (images) =>
		images
			.filter(
				(img) =>
					!(img as HTMLImageElement).complete || (img as HTMLImageElement).naturalWidth === 0,
			)
			.map((img) => (img as HTMLImageElement).src),
	);
}

async function main(): Promise<void> {
	mkdirSync(OUT, { recursive: true });
	const fake = await startE2eFake();
	const { cookie, workflowId, credentialId } = await prepare(fake.url);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
	});
	try {
		const context = await browser.newContext({
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		const url = new URL(BASE);
		await context.addCookies(
			cookie.split('; ').map((pair) => {
				const [name, ...value] = pair.split('=');
				return { name, value: value.join('='), domain: url.hostname, path: '/' };
			}),
		);
		const page = await context.newPage();
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

		await page.goto(`${BASE}/workflow/${workflowId}`, { waitUntil: 'networkidle' });
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		await page.keyboard.press('Shift+1'); // zoom to fit
		await page.waitForTimeout(1500);
		const canvasBroken = await brokenImages(page, '[data-test-id="canvas-node"]');
		const icons = await page.$$eval('[data-test-id="canvas-node"] img', (images) => images.length);
		if (canvasBroken.length) problems.push(`canvas icons not loaded: ${canvasBroken.join(', ')}`);
		if (icons < packageNodes().length)
			problems.push(`only ${icons} node icons on the canvas for ${packageNodes().length} nodes`);
		await page.screenshot({ path: join(OUT, 'canvas.png') });

		for (const node of packageNodes()) {
			await page
				.locator(`[data-test-id="canvas-node"][data-node-name="${node.displayName}"]`)
				.dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor({ timeout: 20_000 });
			await page.waitForTimeout(1200);
			const text = await ndv.innerText();
			if (/problem loading|could not load|error loading|Unrecognized node/i.test(text))
				problems.push(`${node.displayName}: the panel shows an error`);
			const broken = await brokenImages(page, '[data-test-id="ndv"]');
			if (broken.length)
				problems.push(`${node.displayName}: icons not loaded in the panel: ${broken.join(', ')}`);
			await page.screenshot({ path: join(OUT, `node-${node.file}.png`) });
			await page.keyboard.press('Escape');
			await ndv.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
		}

		await page.goto(`${BASE}/home/credentials/${credentialId}`, { waitUntil: 'networkidle' });
		const modal = page.locator('[data-test-id="editCredential-modal"]');
		await modal.waitFor({ timeout: 20_000 });
		await page.waitForTimeout(1000);
		const credentialText = await modal.innerText();
		if (!/Chat API Token/.test(credentialText))
			problems.push('credential dialog: the Chat API Token field is missing');
		if (/couldn.t connect|error/i.test(credentialText))
			problems.push(`credential dialog shows an error: ${credentialText.slice(0, 300)}`);
		if ((await brokenImages(page, '[data-test-id="editCredential-modal"]')).length)
			problems.push('credential dialog: icon not loaded');
		await page.screenshot({ path: join(OUT, 'credential.png') });
	} finally {
		await browser.close();
		await fake.close();
	}
	if (problems.length) {
		console.error(`Screenshots taken, but:\n- ${problems.join('\n- ')}`);
		process.exit(1);
	}
	console.log(`Screenshots written to ${OUT}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
