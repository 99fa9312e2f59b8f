/**
 * One fake platform with every API module the package talks to, the credential with all four
 * secrets, and the runner the suite's tables use: one operation, its fixture, optional faults.
 */
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { trainingTiming } from '../../nodes/Nlp/helpers/training';
import { reportTiming } from '../../nodes/Reporter/helpers/report';
import { deployTiming } from '../../nodes/Project/helpers/deploy';
import { CallsModule } from '../helpers/fake-platform/calls.cts';
import { ChannelsModule } from '../helpers/fake-platform/channels.cts';
import { NlpModule } from '../helpers/fake-platform/nlp.cts';
import { OperatorModule } from '../helpers/fake-platform/operator.cts';
import { PushgateModule } from '../helpers/fake-platform/pushgate.cts';
import { ReporterModule } from '../helpers/fake-platform/reporter.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { TextCampaignModule } from '../helpers/fake-platform/textCampaigns.cts';
import {
	registerNodeType,
	runWorkflow,
	type HarnessNode,
	type WorkflowResult,
} from '../helpers/harness.cts';
import { credentialsFor, SECRETS } from '../helpers/integration.cts';
import { autoParameters, type OperationRow } from './catalog.cts';
import { FIXTURES, RELIABILITY_BOT, RELIABILITY_CAMPAIGN, type Fixture } from './fixtures.cts';

const OPERATOR_CHANNEL = 'rel-operator-channel-4Gx9Qe';

export interface Env {
	fake: FakePlatform;
	pushgate: PushgateModule;
	calls: CallsModule;
	nlp: NlpModule;
	reporter: ReporterModule;
	/** Projects and bot channels (Tovie Project), and text campaigns (Tovie Text Campaign). */
	channels: ChannelsModule;
	textCampaigns: TextCampaignModule;
	credentials: ReturnType<typeof credentialsFor>;
	/** Secrets that are not in the credential (pushback ids) used so far. */
	extraSecrets: string[];
}

/** Polls and long polls of the nodes, shortened for the suite. */
export function fastTimings(): void {
	Object.assign(reportTiming, {
		longPollSeconds: 1,
		minIntervalMs: 5,
		sleep: async (ms: number) => await new Promise((r) => setTimeout(r, Math.min(ms, 20))),
	});
	trainingTiming.sleep = async (ms: number) =>
		await new Promise((r) => setTimeout(r, Math.min(ms, 20)));
	Object.assign(deployTiming, { longPollSeconds: 1, firstPauseMs: 5, maxPauseMs: 20 });
}

export async function startEnv(): Promise<Env> {
	fastTimings();
	const fake = await startFakePlatform({
		chat: { tokens: [SECRETS.chatApiToken], longPollMs: 50, webhookRetryDelayMs: 20 },
		modules: [
			(platform) => new PushgateModule(platform),
			(platform) =>
				new CallsModule(platform, {
					campaigns: [{ token: SECRETS.callsApiToken, name: 'Reliability' }],
				}),
			(platform) => new NlpModule(platform, { keys: [SECRETS.nlpApiKey], trainingMs: 20 }),
			// Before Reporter: deploys answer on the Async API route they share.
			(platform) =>
				new ChannelsModule(platform, {
					tokens: [SECRETS.apiToken],
					seed: [
						{ shortName: 'acme-bot', chatToken: SECRETS.chatApiToken, chatBotId: RELIABILITY_BOT },
					],
					deployMs: 10,
				}),
			(platform) =>
				new TextCampaignModule(platform, {
					tokens: [SECRETS.apiToken],
					channels: platform.module(ChannelsModule),
					seed: [{ projectShortName: 'acme-bot', name: RELIABILITY_CAMPAIGN }],
					sendDelayMs: 5,
				}),
			(platform) =>
				new ReporterModule(platform, {
					sessions: 20,
					messagesPerSession: 2,
					clients: 5,
					reportDelayMs: 10,
				}),
			(platform) => new OperatorModule(platform, { channels: [OPERATOR_CHANNEL] }),
		],
	});
	// The Operator API channel id sits in the webhook URL's path: a secret like the tokens.
	const operatorWebhookUrl = `${fake.url}/chatadapter/chatapi/webhook/operatorapi/${OPERATOR_CHANNEL}`;
	return {
		fake,
		pushgate: fake.module(PushgateModule),
		calls: fake.module(CallsModule),
		nlp: fake.module(NlpModule),
		reporter: fake.module(ReporterModule),
		channels: fake.module(ChannelsModule),
		textCampaigns: fake.module(TextCampaignModule),
		credentials: credentialsFor(fake, { operatorWebhookUrl }),
		extraSecrets: [OPERATOR_CHANNEL],
	};
}

/** `test.reliabilityFile`: puts `$json.content` into the binary field `data`. */
class ToFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'To File',
		name: 'test.reliabilityFile',
		group: ['transform'],
		version: 1,
		description: 'Makes a file',
		defaults: { name: 'To File' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (const [i, item] of this.getInputData().entries()) {
			const data: IBinaryData = await this.helpers.prepareBinaryData(
				Buffer.from(String(item.json.content ?? ''), 'utf8'),
				String(item.json.fileName ?? 'file.txt'),
			);
			out.push({ json: item.json, binary: { data }, pairedItem: { item: i } });
		}
		return [out];
	}
}
registerNodeType('test.reliabilityFile', new ToFile());

export interface Prepared {
	parameters: IDataObject;
	items: IDataObject[];
	fixture: Fixture;
}

/** The operation's parameters and input items: the generic filler, then its fixture. */
export async function prepare(env: Env, row: OperationRow): Promise<Prepared> {
	const fixture = FIXTURES[row.key] ?? {};
	const extra =
		typeof fixture.params === 'function' ? await fixture.params(env) : (fixture.params ?? {});
	const parameters = { ...autoParameters(row), ...extra };
	return { parameters, items: fixture.items ?? [{}], fixture };
}

export interface RunOptions {
	continueOnFail?: boolean;
	items?: IDataObject[];
	parameters?: IDataObject;
	/** n8n's Retry On Fail: tries in all. */
	retryOnFail?: number;
	/** Runs that share these are runs of one saved workflow (Repeat Protection). */
	workflowId?: string;
	staticData?: IDataObject;
}

export const NODE_NAME = 'Under Test';

/** Runs the operation once in a real workflow (a file node first when it reads binary data). */
export async function runOperation(
	env: Env,
	row: OperationRow,
	prepared: Prepared,
	options: RunOptions = {},
): Promise<WorkflowResult> {
	const items = options.items ?? prepared.items;
	const parameters = { ...prepared.parameters, ...options.parameters };
	const nodes: HarnessNode[] = [];
	const fileContent = prepared.fixture.file;
	if (fileContent !== undefined) nodes.push({ name: 'File', type: 'test.reliabilityFile' });
	nodes.push({
		name: NODE_NAME,
		type: row.node.type,
		parameters,
		continueOnFail: options.continueOnFail,
		retryOnFail: options.retryOnFail,
	});
	const withFile =
		fileContent === undefined
			? items
			: items.map((item) => ({
					content: fileContent,
					fileName: prepared.fixture.fileName ?? 'file.txt',
					...item,
				}));
	return await runWorkflow({
		nodes,
		items: withFile,
		credentials: env.credentials as never,
		workflowId: options.workflowId,
		staticData: options.staticData,
	});
}
