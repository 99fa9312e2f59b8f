/**
 * Shared set-up for integration tests: realistic secrets, the credential pointing at the fake
 * platform, fast retries, and the check that no secret leaked into a run.
 */
import { retryTiming } from '../../nodes/common/transport';
import { ChannelsModule } from './fake-platform/channels.cts';
import type { ChatOptions } from './fake-platform/chat.cts';
import { startedPlatforms, startFakePlatform, type FakePlatform } from './fake-platform/server.cts';
import { TextCampaignModule } from './fake-platform/textCampaigns.cts';

/**
 * Every test file that uses these helpers ends with the vendor-spec check: no request of its
 * fake platforms broke a spec (spec.cts; each such request was also answered with the spec's
 * error). A test that sends a forbidden request on purpose takes it with `takeSpecViolations()`.
 */
afterAll(() => {
	expect(startedPlatforms.flatMap((platform) => platform.specViolations)).toEqual([]);
});

export const SECRETS = {
	chatApiToken: 'IntgTest:0123456789abcdef0123456789abcdef01234567',
	callsApiToken: '8231.7056.IntgCallsTok3n',
	nlpApiKey: 'intg-nlp-key-0c4f9a7e',
	apiToken: 'intg-unified-6b2d81f5',
};

export function credentialsFor(fake: FakePlatform, overrides: Record<string, string> = {}) {
	return {
		server: 'custom',
		baseUrl: fake.url,
		...SECRETS,
		projectShortName: 'acme-bot',
		...overrides,
	};
}

/** Retries without real waiting; call at the top of a test file. */
export function useFastRetries(): void {
	const original = { ...retryTiming };
	beforeAll(() => {
		retryTiming.baseDelayMs = 1;
		retryTiming.maxDelayMs = 5;
		retryTiming.maxRetryAfterMs = 5;
	});
	afterAll(() => Object.assign(retryTiming, original));
}

/** Fails when any secret, raw or URL-encoded, appears in any of the texts. */
export function expectNoSecrets(texts: string[], secrets: string[] = Object.values(SECRETS)): void {
	for (const text of texts) {
		for (const secret of secrets) {
			expect(text).not.toContain(secret);
			expect(text).not.toContain(encodeURIComponent(secret));
		}
	}
}

/**
 * What a run produced, without what the user typed: outputs and errors of every node, with the
 * errors' `node` (which carries the node's parameters) left out. For secrets that are node
 * parameters rather than credentials (a pushback id): they may sit in the parameters, never in
 * what the node generates.
 */
export function generatedData(result: {
	run: { data: { resultData: { runData: object; error?: unknown } } };
}): string {
	const { runData, error } = result.run.data.resultData;
	return JSON.stringify({ runData, error }, (key, value: unknown) => {
		if (key === 'node' || key === 'stack') return undefined;
		if (value instanceof Error) {
			const plain: Record<string, unknown> = {};
			for (const name of Object.getOwnPropertyNames(value))
				plain[name] = (value as unknown as Record<string, unknown>)[name];
			return { ...plain, node: undefined };
		}
		return value;
	});
}

/**
 * The fake platform as the Text Campaign suites need it: the Chat module (the bot answers the
 * sends), projects and channels, and the Text campaign API over them, with the suite's own delays.
 */
export async function startTextCampaignFake(options: {
	sendDelayMs: number;
	chat?: Omit<ChatOptions, 'tokens'>;
}): Promise<{ fake: FakePlatform; channels: ChannelsModule; campaigns: TextCampaignModule }> {
	const fake = await startFakePlatform({
		chat: { tokens: [SECRETS.chatApiToken], ...options.chat },
		modules: [
			(platform) => new ChannelsModule(platform, { tokens: [SECRETS.apiToken] }),
			(platform) =>
				new TextCampaignModule(platform, {
					tokens: [SECRETS.apiToken],
					channels: platform.module(ChannelsModule),
					sendDelayMs: options.sendDelayMs,
				}),
		],
	});
	return {
		fake,
		channels: fake.module(ChannelsModule),
		campaigns: fake.module(TextCampaignModule),
	};
}
