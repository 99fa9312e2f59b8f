/**
 * Drives a real n8n (the pinned version installed by scripts/lib.sh) for the end-to-end suites:
 * a private user folder per instance with the packed package installed the way users get it,
 * the n8n CLI (import, publish, execute), `n8n start`/`worker`/`webhook` processes, and n8n's REST
 * and public APIs. scripts/e2e.sh and scripts/queue.sh set the environment this module reads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
	cpSync,
	createWriteStream,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function requiredEnv(name: string): string {
	const value = process.env[name];
	if (!value)
		throw new Error(`${name} is not set: run the end-to-end tests through npm run test:e2e`);
	return value;
}

/** Folder holding node/ (Node 24) and n8n/ (the n8n install). */
export const N8N_HOME = () => requiredEnv('E2E_N8N_HOME');
/** A user folder in which scripts/e2e.sh installed the packed package (`.n8n/nodes/...`). */
export const TEMPLATE_USER_FOLDER = () => requiredEnv('E2E_TEMPLATE_USER_FOLDER');
export const REPO_DIR = join(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-tovie';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2e',
	lastName: 'Owner',
	password: 'E2e-Passw0rd!',
};

export const sleep = async (ms: number) =>
	await new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

export interface InstanceOptions {
	port: number;
	/** Extra environment for every process of this instance (queue mode, database...). */
	env?: Record<string, string>;
}

/** Node types the package declares, from its package.json (`n8n-nodes-tovie.<name>`). */
export function packageNodeTypes(): string[] {
	const pkg = JSON.parse(readFileSync(join(REPO_DIR, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	return pkg.n8n.nodes.map((file) => {
		const base = file.split('/').pop() as string;
		const className = base.replace(/\.node\.js$/, '');
		return `${PACKAGE_NAME}.${className.charAt(0).toLowerCase()}${className.slice(1)}`;
	});
}

export class N8nInstance {
	readonly userFolder: string;

	readonly url: string;

	readonly env: NodeJS.ProcessEnv;

	private readonly processes: Array<{ name: string; child: ChildProcess }> = [];

	private cookie = '';

	private apiKey = '';

	constructor(readonly options: InstanceOptions) {
		this.userFolder = mkdtempSync(join(tmpdir(), 'tovie-e2e-n8n-'));
		cpSync(join(TEMPLATE_USER_FOLDER(), '.n8n'), join(this.userFolder, '.n8n'), {
			recursive: true,
		});
		this.url = `http://127.0.0.1:${options.port}`;
		const home = N8N_HOME();
		this.env = {
			PATH: `${join(home, 'node', 'bin')}:${join(home, 'n8n', 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
			HOME: this.userFolder,
			TMPDIR: process.env.TMPDIR ?? tmpdir(),
			LANG: 'C.UTF-8',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'tovie-e2e-encryption-key',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(options.port),
			// Every n8n process runs a task broker; keep it off the default 5679 of a dev n8n.
			N8N_RUNNERS_BROKER_PORT: String(options.port + 1000),
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `${this.url}/`,
			N8N_EDITOR_BASE_URL: this.url,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL ?? 'info',
			...options.env,
		};
	}

	/** Runs `n8n <args>` to completion. */
	async cli(args: string[], timeoutMs = 120_000): Promise<CliResult> {
		return await new Promise<CliResult>((resolve, reject) => {
			const child = spawn('n8n', args, { env: this.env, cwd: this.userFolder });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(
					new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`),
				);
			}, timeoutMs);
			child.on('error', reject);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve({ code: code ?? -1, stdout, stderr });
			});
		});
	}

	/** Runs a CLI command and fails with its output when it exits non-zero. */
	async cliOk(args: string[], timeoutMs?: number): Promise<CliResult> {
		const result = await this.cli(args, timeoutMs);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
			);
		}
		return result;
	}

	/** Writes a credentials file and imports it (n8n encrypts the plain `data`). */
	async importCredentials(
		credentials: Array<{ id: string; name: string; type: string; data: object }>,
	): Promise<void> {
		const file = join(this.userFolder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(workflow: object): Promise<void> {
		const file = join(
			this.userFolder,
			`workflow-${Date.now()}-${Math.random().toString(36).slice(2)}.json`,
		);
		writeFileSync(file, JSON.stringify(workflow));
		await this.cliOk(['import:workflow', `--input=${file}`]);
	}

	/** `n8n execute --id` and the run data it prints (`--rawOutput`). */
	async execute(
		workflowId: string,
	): Promise<{ code: number; run: RunOutput | undefined; output: string }> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], 180_000);
		return {
			code: result.code,
			run: rawOutputOf(result.stdout),
			output: `${result.stdout}\n${result.stderr}`,
		};
	}

	/** Starts `n8n <command>` (start, worker, webhook) in the background, logging to a file. */
	spawnProcess(name: string, args: string[], env: Record<string, string> = {}): ChildProcess {
		const log = createWriteStream(join(this.userFolder, `${name}.log`));
		const child = spawn('n8n', args, { env: { ...this.env, ...env }, cwd: this.userFolder });
		child.stdout?.pipe(log);
		child.stderr?.pipe(log);
		this.processes.push({ name, child });
		return child;
	}

	log(name: string): string {
		try {
			return readFileSync(join(this.userFolder, `${name}.log`), 'utf8');
		} catch {
			return '';
		}
	}

	/** `n8n start` and wait until it is ready. */
	async start(timeoutMs = 120_000): Promise<void> {
		this.spawnProcess('main', ['start']);
		await waitForHttp(`${this.url}/healthz/readiness`, timeoutMs, () => this.log('main'));
	}

	async stop(): Promise<void> {
		const running = this.processes
			.splice(0)
			.filter(({ child }) => child.exitCode === null && child.signalCode === null);
		await Promise.all(
			running.map(
				async ({ child }) =>
					await new Promise<void>((resolve) => {
						const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
						child.once('exit', () => {
							clearTimeout(timer);
							resolve();
						});
						child.kill('SIGTERM');
					}),
			),
		);
	}

	/** Stops every process and deletes the user folder (kept with E2E_KEEP=1). */
	async dispose(): Promise<void> {
		await this.stop();
		if (process.env.E2E_KEEP !== '1') rmSync(this.userFolder, { recursive: true, force: true });
	}

	/** Creates the owner on a fresh instance and keeps its session cookie. */
	async setupOwner(): Promise<void> {
		const response = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!response.ok) throw new Error(`owner setup: ${response.status} ${await response.text()}`);
		this.cookie = cookieOf(response);
		if (!this.cookie) await this.login();
	}

	async login(): Promise<void> {
		const response = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (!response.ok) throw new Error(`login: ${response.status} ${await response.text()}`);
		this.cookie = cookieOf(response);
	}

	/** Calls n8n's internal REST API (what the editor uses) with the owner's session. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: { Cookie: this.cookie, 'Content-Type': 'application/json', 'browser-id': 'e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${path}: ${response.status} ${text}`);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed.data ?? parsed) as T;
	}

	/** The node or credential types n8n serves to the editor (`/types/nodes.json`). */
	async typesJson<T>(kind: 'nodes' | 'credentials'): Promise<T> {
		const response = await fetch(`${this.url}/types/${kind}.json`, {
			headers: { Cookie: this.cookie },
		});
		if (!response.ok) throw new Error(`GET /types/${kind}.json: ${response.status}`);
		return (await response.json()) as T;
	}

	/** Creates an API key for the public API (all scopes the owner has). */
	async createApiKey(): Promise<string> {
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes').catch(() => [
			'workflow:read',
			'workflow:list',
			'workflow:create',
			'execution:read',
			'execution:list',
			'credential:create',
		]);
		const created = await this.rest<{ rawApiKey: string }>('POST', '/api-keys', {
			label: 'e2e',
			scopes,
			expiresAt: null,
		});
		this.apiKey = created.rawApiKey;
		return this.apiKey;
	}

	/** Calls the public API (`/api/v1`) with the API key. */
	async api<T = unknown>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; body: T }> {
		const response = await fetch(`${this.url}/api/v1${path}`, {
			method,
			headers: { 'X-N8N-API-KEY': this.apiKey, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
	}

	/** Executions of a workflow through the public API, newest first. */
	async executions(workflowId: string, includeData = false): Promise<PublicExecution[]> {
		const { status, body } = await this.api<{ data: PublicExecution[] }>(
			'GET',
			`/executions?workflowId=${workflowId}&includeData=${includeData}&limit=250`,
		);
		if (status !== 200) throw new Error(`GET /executions: ${status} ${JSON.stringify(body)}`);
		return body.data;
	}

	/**
	 * Waits until n8n serves a published workflow's webhook (`/webhook/<path>`): n8n registers active
	 * workflows a moment after it reports ready. A CORS preflight finds the webhook without starting
	 * an execution.
	 */
	async waitForWebhook(path: string, method = 'POST', timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let last = 0;
		while (Date.now() < deadline) {
			const response = await fetch(`${this.url}/webhook/${path}`, {
				method: 'OPTIONS',
				headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': method },
			});
			last = response.status;
			if (response.ok) return;
			await sleep(250);
		}
		throw new Error(
			`n8n does not serve the webhook ${method} /webhook/${path} (last status ${last})\n${this.log('main').slice(-4000)}`,
		);
	}

	/** Waits until `count` executions of the workflow have finished, and returns them. */
	async waitForExecutions(
		workflowId: string,
		count: number,
		timeoutMs = 60_000,
	): Promise<PublicExecution[]> {
		const deadline = Date.now() + timeoutMs;
		let last: PublicExecution[] = [];
		while (Date.now() < deadline) {
			last = (await this.executions(workflowId, true)).filter(
				(e) => e.finished || e.status === 'error' || e.status === 'crashed' || !!e.stoppedAt,
			);
			if (last.length >= count) return last;
			await sleep(500);
		}
		throw new Error(`expected ${count} finished executions of ${workflowId}, got ${last.length}`);
	}
}

export interface PublicExecution {
	id: string | number;
	finished: boolean;
	mode: string;
	status: string;
	startedAt: string;
	stoppedAt: string | null;
	workflowId: string;
	data?: { resultData: { runData: RunData; error?: { message: string } } };
}

export type RunData = Record<
	string,
	Array<{
		data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
		error?: { message: string };
	}>
>;

export interface RunOutput {
	data?: { resultData: { runData: RunData; error?: { message: string } } };
	resultData?: { runData: RunData; error?: { message: string } };
	status?: string;
}

/** The run data of a `n8n execute --rawOutput` output, whatever its wrapper. */
/**
 * The run JSON that `n8n execute --rawOutput` prints last. n8n may log lines holding a `{` before
 * it (a CI run met this: the first `{` was a log line's, the parse failed and the run looked empty),
 * so the JSON is the first line-start `{` from which the rest parses.
 */
export function rawOutputOf(stdout: string): RunOutput | undefined {
	// The run JSON is printed pretty: it starts with a line "{" and ends with a line "}". n8n may
	// log before it and after it (the task runner registers late), so try each such end too.
	const ends: number[] = [];
	for (let at = stdout.indexOf('\n}'); at >= 0; at = stdout.indexOf('\n}', at + 1))
		ends.push(at + 2);
	ends.push(stdout.length);
	for (let at = stdout.indexOf('{'); at >= 0; at = stdout.indexOf('\n{', at + 1)) {
		const start = stdout[at] === '{' ? at : at + 1;
		for (const end of ends.filter((end) => end > start).reverse()) {
			try {
				return JSON.parse(stdout.slice(start, end)) as RunOutput;
			} catch {
				// not the run JSON (a log line at either end): try the next candidate
			}
		}
	}
	return undefined;
}

export function runDataOf(run: RunOutput | undefined): RunData {
	return run?.data?.resultData.runData ?? run?.resultData?.runData ?? {};
}

/** The JSON of every item a node output on its first run. */
export function itemsOf(runData: RunData, nodeName: string): Array<Record<string, unknown>> {
	const runs = runData[nodeName];
	if (!runs?.length) return [];
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}

function cookieOf(response: Response): string {
	const cookies = response.headers.getSetCookie?.() ?? [];
	return cookies.map((cookie) => cookie.split(';')[0]).join('; ');
}

export async function waitForHttp(
	url: string,
	timeoutMs: number,
	logs: () => string = () => '',
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	throw new Error(`${url} was not ready within ${timeoutMs} ms\n${logs().slice(-4000)}`);
}

/** The example workflows shipped in examples/. */
export function examples(): Array<{ file: string; workflow: ExampleWorkflow }> {
	const dir = join(REPO_DIR, 'examples');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) as ExampleWorkflow,
		}));
}

export interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: Array<{
		id: string;
		name: string;
		type: string;
		typeVersion: number;
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
		webhookId?: string;
		position: [number, number];
	}>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	/** Sample output shown in the editor before any credential is set (examples only). */
	pinData?: Record<string, Array<{ json: Record<string, unknown> }>>;
}
