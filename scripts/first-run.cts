/**
 * A first-time user's path through the n8n editor, in a real browser (run by scripts/first-run.sh
 * against a throwaway dev n8n): new workflow → nodes panel → search "JAICP" and "chatbot" → add
 * Tovie Chat's Send action → create the credential with only the Chat API token (the credential
 * test must pass) → Execute step against the fake Tovie platform → the bot's answer in the output
 * panel → add Tovie Chat Trigger and read its setup notice.
 *
 * Only the owner account is created through n8n's REST API; everything else is clicks and typing.
 * Fails on a browser console error (known noise from n8n's own internet calls is filtered, see
 * `harmless`), a node icon that does not load, or a panel that shows an error. Screenshots of the
 * path go to SCREENSHOT_DIR (default: a new temporary folder); on failure also failure.png and
 * failure.html (the DOM, to fix a selector).
 *
 * Selectors: n8n's own `data-test-id` attributes (playwright's getByTestId), plus
 * `data-keyboard-nav-id` (node type + uuid) to pick the nodes panel's actions of one node type.
 * Texts the package owns (action names, the Send operation's label, the trigger's notice) are read
 * from the node descriptions, so renaming them does not break this script.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { chromium, selectors, type ConsoleMessage, type Locator, type Page } from 'playwright-core';

import { TovieChat } from '../nodes/Chat/TovieChat.node';
import { TovieChatTrigger } from '../nodes/ChatTrigger/TovieChatTrigger.node';
import { startFakePlatform, type FakePlatform } from '../test/helpers/fake-platform/server.cts';

const BASE = process.env.FIRST_RUN_URL ?? 'http://localhost:5697';
const OUT = process.env.SCREENSHOT_DIR || mkdtempSync(join(tmpdir(), 'tovie-first-run-'));
const OWNER = {
	email: 'first-run@example.com',
	firstName: 'First',
	lastName: 'User',
	password: 'F1rst-run!',
};
/** A Chat API channel token the fake platform knows; distinctive, so a leak is easy to spot. */
const CHAT_TOKEN = 'first-run-chat-token-Rw4sK8';
const CLIENT_ID = 'first-run-client';
const TEXT = 'Hello from a first-time user';
const STEP_TIMEOUT_MS = 20_000;
const NEW_WORKFLOW = 'new workflow from the overview page';

/** Shown in a panel that failed to render or a node that failed to run. */
const PANEL_ERROR_TEST_IDS = [
	'node-error-message',
	'node-error-card',
	'node-error-callout',
	'parameter-issues',
	'rlc-error-container',
];
const PANEL_ERROR_TEXT =
	/problem loading|could not load|error loading|Unrecognized node|Install this node to use it|node is not currently installed/i;

const problems: string[] = [];
let page: Page | undefined;
let currentStep = '';

// ---------------------------------------------------------------------------------------------
// What the package says about itself (so renamed actions or notices do not break the selectors)

const chat = new TovieChat().description;
const chatTrigger = new TovieChatTrigger().description;

/** The option of `parameter` shown for the given parameter values (e.g. operation of resource). */
function optionOf(
	description: INodeTypeDescription,
	parameter: string,
	value: string,
	shownFor: Record<string, string>,
) {
	const property = description.properties.find(
		(p) =>
			p.name === parameter &&
			Object.entries(shownFor).every(([key, v]) => p.displayOptions?.show?.[key]?.includes(v)),
	);
	const option = (
		property?.options as Array<{ name: string; value: string; action?: string }> | undefined
	)?.find((o) => o.value === value);
	if (!option)
		throw new Error(
			`${description.displayName}: no ${parameter} "${value}" for ${JSON.stringify(shownFor)}`,
		);
	return option;
}

/** Notices a new node shows before anything is changed (their display options match the defaults). */
function defaultNotices(description: INodeTypeDescription): string[] {
	const defaults = new Map(description.properties.map((p) => [p.name, p.default]));
	const shown = (p: INodeProperties) =>
		Object.entries(p.displayOptions?.show ?? {}).every(([key, values]) =>
			(values as unknown[]).includes(defaults.get(key)),
		) &&
		!Object.entries(p.displayOptions?.hide ?? {}).some(([key, values]) =>
			(values as unknown[]).includes(defaults.get(key)),
		);
	return description.properties
		.filter((p) => p.type === 'notice' && shown(p))
		.map((p) => p.displayName);
}

const RESOURCE = optionOf(chat, 'resource', 'message', {});
const SEND = optionOf(chat, 'operation', 'send', { resource: 'message' });
const TRIGGER_NOTICES = defaultNotices(chatTrigger);

// ---------------------------------------------------------------------------------------------
// Helpers

function log(message: string): void {
	console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
	currentStep = name;
	const started = Date.now();
	const result = await action();
	log(`ok  ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	return result;
}

async function shot(name: string): Promise<void> {
	await page!.screenshot({ path: join(OUT, `${name}.png`) });
}

async function ownerCookie(): Promise<string> {
	const response = await fetch(`${BASE}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok)
		throw new Error(`POST /rest/owner/setup: ${response.status} ${await response.text()}`);
	const cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	if (!cookie) throw new Error('POST /rest/owner/setup set no cookie');
	return cookie;
}

/** Node icons (img elements) inside `scope` that did not load. */
async function brokenImages(scope: Locator): Promise<string[]> {
	return await scope
		.locator('img')
		.evaluateAll((images) =>
			images
				.filter(
					(img) =>
						!(img as HTMLImageElement).complete || (img as HTMLImageElement).naturalWidth === 0,
				)
				.map((img) => (img as HTMLImageElement).src),
		);
}

/** Fails the run (at the end) when `panel` shows an error or a broken icon. */
async function checkPanel(panel: Locator, what: string): Promise<void> {
	for (const id of PANEL_ERROR_TEST_IDS) {
		const shown = panel.getByTestId(id).filter({ visible: true });
		if ((await shown.count()) > 0)
			problems.push(`${what}: shows ${id}: ${(await shown.first().innerText()).slice(0, 300)}`);
	}
	const text = await panel.innerText();
	const match = PANEL_ERROR_TEXT.exec(text);
	if (match) problems.push(`${what}: shows "${match[0]}"`);
	const broken = await brokenImages(panel);
	if (broken.length) problems.push(`${what}: icons not loaded: ${[...new Set(broken)].join(', ')}`);
}

/** Names listed by the nodes panel for a search, once the list settles. */
async function search(term: string): Promise<string[]> {
	const creator = page!.getByTestId('node-creator');
	const input = creator.getByTestId('node-creator-search-bar');
	await input.fill('');
	await input.pressSequentially(term, { delay: 20 });
	// The list is filtered as one types: wait until it stops changing (it may end empty).
	await creator
		.getByTestId('node-creator-item-name')
		.first()
		.waitFor({ timeout: 5_000 })
		.catch(() => undefined);
	let names: string[] = [];
	for (let stable = 0; stable < 3; ) {
		await page!.waitForTimeout(150);
		const now = await creator.getByTestId('node-creator-item-name').allInnerTexts();
		stable = now.join('\n') === names.join('\n') ? stable + 1 : 0;
		names = now;
	}
	return names.map((name) => name.trim());
}

interface NodeTypeSummary {
	name: string;
	displayName: string;
	codex?: { alias?: string[]; categories?: string[]; subcategories?: Record<string, string[]> };
}

/**
 * The package's node types behind each nodes-panel entry, as n8n serves them: the panel names an
 * entry by the node's display name and merges a trigger into the node named without " Trigger".
 */
const entryTypes = new Map<string, NodeTypeSummary[]>();

async function loadNodeTypes(cookie: string): Promise<void> {
	const response = await fetch(`${BASE}/types/nodes.json`, { headers: { Cookie: cookie } });
	if (!response.ok) throw new Error(`GET /types/nodes.json: ${response.status}`);
	for (const type of (await response.json()) as NodeTypeSummary[]) {
		if (!type.name.startsWith('n8n-nodes-tovie.') || type.name.endsWith('Tool')) continue; // Tool: AI agent variants
		const entry = type.displayName.replace(/ Trigger$/, '');
		entryTypes.set(entry, [...(entryTypes.get(entry) ?? []), type]);
	}
}

/** Entries a search should list: those with a node whose codex aliases contain the term. */
function expectedEntries(term: string): string[] {
	const hasAlias = (type: NodeTypeSummary) =>
		type.codex?.alias?.some((alias) => alias.toLowerCase() === term.toLowerCase());
	return [...entryTypes]
		.filter(([, types]) => types.some(hasAlias))
		.map(([entry]) => entry)
		.sort();
}

/** Why n8n 2.40.7 may leave an entry out of a search in the main nodes panel. */
function whyMissing(entries: string[]): string {
	const hidden = entries.filter((entry) =>
		(entryTypes.get(entry) ?? []).some(
			(type) =>
				type.codex?.categories?.includes('AI') &&
				!type.codex.subcategories?.AI?.includes('Root Nodes'),
		),
	);
	if (!hidden.length) return '';
	return ` [${hidden.join(', ')}: codex category "AI" without subcategories.AI "Root Nodes" — n8n's nodes panel leaves such nodes out of searches outside its AI section]`;
}

/** Ignored console errors, each with the reason it is not the package's problem. */
function harmless(message: ConsoleMessage): string | undefined {
	const url = message.location().url;
	if (
		/^Failed to load resource/.test(message.text()) &&
		url &&
		new URL(url).origin !== new URL(BASE).origin
	) {
		// n8n's own calls to internet services (the npm registry for the community node's details
		// card, n8n.io for news and templates): unreachable offline or in a sandbox, and the npm
		// registry answers 404 for a package version not published yet. Same-origin failures (an
		// icon, a REST call) are not ignored.
		return 'n8n calling an internet service';
	}
	if (
		currentStep === NEW_WORKFLOW &&
		/^Error: injectNDVStore\(\) was accessed without an active workflow document store/.test(
			message.text(),
		)
	) {
		// n8n 2.40.7's editor logs this when it opens a new workflow from the overview page, before any
		// node exists (the same happens with no community package installed): not the package's.
		return 'n8n 2.40.7 opening a new workflow (injectNDVStore without a workflow document)';
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// The path

async function main(): Promise<void> {
	mkdirSync(OUT, { recursive: true });
	const started = Date.now();
	log(`screenshots go to ${OUT}`);
	selectors.setTestIdAttribute('data-test-id');

	const fake: FakePlatform = await startFakePlatform({ chat: { tokens: [CHAT_TOKEN] } });
	const cookie = await step('owner account (REST: /rest/owner/setup)', ownerCookie);
	await loadNodeTypes(cookie);
	const jaicpEntries = expectedEntries('JAICP');
	const chatbotEntries = expectedEntries('chatbot');
	if (!jaicpEntries.includes(chat.displayName))
		problems.push(`${chat.displayName} has no "JAICP" alias in its codex`);
	if (!chatbotEntries.includes(chat.displayName))
		problems.push(`${chat.displayName} has no "chatbot" alias in its codex`);

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
		context.setDefaultTimeout(STEP_TIMEOUT_MS);
		const url = new URL(BASE);
		await context.addCookies(
			cookie.split('; ').map((pair) => {
				const [name, ...value] = pair.split('=');
				return { name, value: value.join('='), domain: url.hostname, path: '/' };
			}),
		);
		page = await context.newPage();
		const ignored = new Map<string, number>();
		page.on('console', (message) => {
			if (message.type() !== 'error') return;
			const reason = harmless(message);
			if (reason) ignored.set(reason, (ignored.get(reason) ?? 0) + 1);
			else
				problems.push(
					`console error during "${currentStep}": ${message.text().slice(0, 500)} (${message.location().url})`,
				);
		});
		page.on('pageerror', (error) =>
			problems.push(`page error during "${currentStep}": ${error.message}`),
		);
		page.on('response', (response) => {
			if (/\/icons\/n8n-nodes-tovie\//.test(response.url()) && response.status() >= 400) {
				problems.push(`icon ${response.url()}: HTTP ${response.status()}`);
			}
		});
		page.on('requestfailed', (request) => {
			if (/\/icons\/n8n-nodes-tovie\//.test(request.url()))
				problems.push(`icon ${request.url()}: ${request.failure()?.errorText}`);
		});

		await step(NEW_WORKFLOW, async () => {
			await page!.goto(`${BASE}/home/workflows`);
			// An instance without workflows shows "Build a workflow"; later, "Create workflow".
			await page!
				.getByTestId('new-workflow-card')
				.or(page!.getByTestId('add-resource-workflow'))
				.first()
				.click();
			await page!.getByTestId('canvas-add-button').waitFor();
		});

		const creator = page.getByTestId('node-creator');
		await step('nodes panel: search "JAICP"', async () => {
			await page!.getByTestId('canvas-add-button').click(); // "Add first step…"
			await creator.waitFor();
			const listed = await search('JAICP');
			const missing = jaicpEntries.filter((name) => !listed.includes(name));
			if (missing.length) {
				problems.push(
					`search "JAICP" does not list ${missing.join(', ')} (it lists: ${listed.join(', ')})${whyMissing(missing)}`,
				);
			}
			await checkPanel(creator, 'nodes panel, search "JAICP"');
			await shot('1-search-jaicp');
		});

		await step('nodes panel: search "chatbot"', async () => {
			const listed = await search('chatbot');
			const missing = chatbotEntries.filter((name) => !listed.includes(name));
			if (missing.length) {
				problems.push(
					`search "chatbot" does not list ${missing.join(', ')} (it lists: ${listed.join(', ')})${whyMissing(missing)}`,
				);
			}
			if (!listed.includes(chat.displayName)) {
				throw new Error(
					`search "chatbot" does not list ${chat.displayName}: a new user cannot add it (listed: ${listed.join(', ')})`,
				);
			}
			await shot('2-search-chatbot');
		});

		await step(`add ${chat.displayName}: "${SEND.action}"`, async () => {
			await creator
				.getByTestId('node-creator-item-name')
				.getByText(chat.displayName, { exact: true })
				.click();
			// The actions of the node, whatever they are called: n8n tags each with the node type.
			const send = creator
				.locator(`[data-keyboard-nav-id^="n8n-nodes-tovie.${chat.name}-"]`)
				.filter({
					has: page!.getByTestId('node-creator-item-name').getByText(SEND.action!, { exact: true }),
				});
			const actions = creator
				.getByTestId('node-creator-category-item')
				.filter({ hasText: /^\s*Actions/ });
			await actions.or(send).first().waitFor();
			if (!(await send.isVisible())) await actions.click(); // collapsed in the trigger view
			await checkPanel(creator, `nodes panel, ${chat.displayName} actions`);
			await shot('3-chat-actions');
			await send.click();
			const ndv = page!.getByTestId('ndv');
			await ndv.waitFor();
			const resource = await ndv
				.getByTestId('parameter-input-resource')
				.locator('input')
				.inputValue();
			const operation = await ndv
				.getByTestId('parameter-input-operation')
				.locator('input')
				.inputValue();
			if (resource !== RESOURCE.name || operation !== SEND.name) {
				throw new Error(
					`the action opened ${resource} → ${operation}, not ${RESOURCE.name} → ${SEND.name}`,
				);
			}
		});

		const ndv = page.getByTestId('ndv');
		const modal = page.getByTestId('editCredential-modal');
		await step(
			'credential: Server = Custom, the fake platform, only the Chat API Token',
			async () => {
				await ndv.getByTestId('node-credentials-empty-state').click();
				await modal.waitFor();
				await modal.getByTestId('parameter-input-server').click();
				await page!
					.getByTestId('parameter-input-item')
					.filter({ visible: true })
					.filter({ hasText: /^\s*Custom/ })
					.click();
				await modal.getByTestId('parameter-input-baseUrl').locator('input').fill(fake.url);
				await modal.getByTestId('parameter-input-chatApiToken').locator('input').fill(CHAT_TOKEN);
				await checkPanel(modal, 'credential dialog');
				await shot('4-credential-filled');
				const tested = page!.waitForResponse(
					(r) =>
						r.request().method() === 'POST' &&
						new URL(r.url()).pathname === '/rest/credentials/test',
				);
				await modal.getByTestId('credential-save-button').click();
				const verdict =
					((await (await tested).json()) as { data?: { status?: string; message?: string } })
						.data ?? {};
				log(`    the credential test answered ${verdict.status}: ${verdict.message}`);
				// Saving runs the credential test; n8n closes the dialog opened from a node when it passes
				// and keeps it open with "Couldn't connect with these settings" when it fails.
				const failed = modal
					.getByText(/Couldn.t connect|check the errors/i)
					.filter({ visible: true }); // n8n keeps both in the DOM, hidden
				const closed = modal.waitFor({ state: 'hidden' }).then(() => 'closed');
				const refused = failed
					.first()
					.waitFor()
					.then(() => 'failed');
				closed.catch(() => undefined);
				refused.catch(() => undefined);
				if ((await Promise.race([closed, refused])) === 'failed') {
					await shot('4-credential-test-failed');
					throw new Error(
						`the credential test failed with only the Chat API Token: ${verdict.status}: ${verdict.message}`,
					);
				}
				if (verdict.status !== 'OK' || /Rejected/.test(verdict.message ?? '')) {
					problems.push(
						`the credential test with only the Chat API Token said ${verdict.status}: ${verdict.message}`,
					);
				}
				await modal.waitFor({ state: 'hidden' });
				// Whatever read-only Chat API call the credential test uses as its probe (see credentialTest.ts).
				const probes = fake.requestsTo('GET', /^\/chatapi\/[^/]+\//);
				if (!probes.some((request) => request.status === 200)) {
					problems.push(
						`the credential test did not reach the fake platform's Chat API (requests: ${JSON.stringify(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`))})`,
					);
				}
			},
		);

		await step('credential: reopened, the test says OK', async () => {
			await ndv.getByTestId('credential-edit-button').click();
			await modal.waitFor();
			await modal.getByTestId('credentials-config-container-test-success').waitFor();
			const text = await modal.innerText();
			if (/Rejected|Couldn.t connect/i.test(text))
				problems.push(`credential dialog: ${text.slice(0, 400)}`);
			await checkPanel(modal, 'credential dialog (saved)');
			await shot('5-credential-tested');
			await modal.getByRole('button', { name: 'Close this dialog' }).click(); // Escape would close the node panel too
			await modal.waitFor({ state: 'hidden' });
		});

		await step('Execute step: the bot answers in the output panel', async () => {
			await ndv.getByTestId('parameter-input-clientId').locator('input').fill(CLIENT_ID);
			await ndv.getByTestId('parameter-input-query').locator('input').fill(TEXT);
			await ndv.getByTestId('node-execute-button').click();
			const output = ndv.getByTestId('output-panel');
			const failed = ndv.getByTestId('node-error-message').filter({ visible: true });
			await output.getByTestId('node-run-status-success').or(failed).first().waitFor();
			if (await failed.count())
				throw new Error(`Execute step failed: ${(await failed.first().innerText()).slice(0, 300)}`);
			await output.getByText(`You said: ${TEXT}`).first().waitFor();
			await checkPanel(ndv, `${chat.displayName} panel after Execute step`);
			await shot('6-send-output');
			const sent = fake.requestsTo('POST', /^\/chatapi\/[^/]+$/);
			if (sent.length !== 1 || (sent[0].body as { query?: string }).query !== TEXT) {
				problems.push(`expected one Chat API send with the text, the fake saw ${sent.length}`);
			}
			await ndv.getByTestId('ndv-close-button').click();
			await ndv.waitFor({ state: 'hidden' });
		});

		await step(`add ${chatTrigger.displayName} and read its setup notice`, async () => {
			await page!.getByTestId('node-creator-plus-button').click();
			await creator.waitFor();
			const listed = await search(chat.displayName);
			if (!listed.includes(chat.displayName))
				throw new Error(`search "${chat.displayName}" lists only ${listed.join(', ')}`);
			await creator
				.getByTestId('node-creator-item-name')
				.getByText(chat.displayName, { exact: true })
				.click();
			const triggers = creator.locator(
				`[data-keyboard-nav-id^="n8n-nodes-tovie.${chatTrigger.name}-"]`,
			);
			const category = creator
				.getByTestId('node-creator-category-item')
				.filter({ hasText: /^\s*Triggers/ });
			await category.or(triggers.first()).first().waitFor();
			if (!(await triggers.first().isVisible())) await category.click(); // collapsed next to the actions
			await shot('7-chat-triggers');
			await triggers.first().click();
			await ndv.waitFor();
			const title = await ndv.getByTestId('node-title-container').innerText();
			if (!title.includes(chatTrigger.defaults.name as string))
				throw new Error(`opened "${title}", not ${chatTrigger.displayName}`);
			if (TRIGGER_NOTICES.length === 0)
				throw new Error(`${chatTrigger.displayName} shows no notice by default`);
			for (const notice of TRIGGER_NOTICES) {
				await ndv
					.getByTestId('parameter-item')
					.locator('[role="alert"]')
					.filter({ hasText: notice })
					.waitFor({ state: 'visible' });
			}
			await checkPanel(ndv, `${chatTrigger.displayName} panel`);
			await shot('8-trigger-notice');
			await ndv.getByTestId('ndv-close-button').click();
			await ndv.waitFor({ state: 'hidden' });
		});

		await step('canvas: every node shows its icon', async () => {
			await page!.getByTestId('zoom-to-fit').click();
			const nodes = page!.getByTestId('canvas-node');
			const names = await nodes.evaluateAll((elements) =>
				elements.map((e) => e.getAttribute('data-node-name')),
			);
			if (names.length !== 3)
				problems.push(
					`expected 3 nodes on the canvas (Manual Trigger, Send, Chat Trigger), found: ${names.join(', ')}`,
				);
			const tovieIcons = page!
				.getByTestId('canvas-node')
				.locator('img[src*="/icons/n8n-nodes-tovie/"]');
			if ((await tovieIcons.count()) < 2)
				problems.push(
					`only ${await tovieIcons.count()} Tovie icons on the canvas for 2 Tovie nodes`,
				);
			const issues = page!
				.getByTestId('canvas-node')
				.getByTestId('node-issues')
				.filter({ visible: true });
			if ((await issues.count()) > 0)
				problems.push(`canvas: ${await issues.count()} node(s) show issues`);
			const broken = await brokenImages(page!.getByTestId('canvas'));
			if (broken.length)
				problems.push(`canvas icons not loaded: ${[...new Set(broken)].join(', ')}`);
			await shot('9-canvas');
		});

		for (const [reason, count] of ignored) log(`ignored ${count} console error(s): ${reason}`);
	} catch (error) {
		problems.push(`step "${currentStep}" failed: ${(error as Error).message.split('\n')[0]}`);
		if (page) {
			await page.screenshot({ path: join(OUT, 'failure.png') }).catch(() => undefined);
			writeFileSync(join(OUT, 'failure.html'), await page.content().catch(() => ''));
			log(`failure screenshot and DOM: ${join(OUT, 'failure.png')}, ${join(OUT, 'failure.html')}`);
		}
	} finally {
		await browser.close();
		await fake.close();
	}
	log(`took ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in ${OUT}`);
	if (problems.length) {
		console.error(`First-run path FAILED:\n- ${[...new Set(problems)].join('\n- ')}`);
		process.exit(1);
	}
	console.log(
		'First-run path passed: search, add, credential with only the Chat token, Send, trigger notice.',
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
