/** The fake platform for the end-to-end suites: every API module, keyed to the e2e secrets. */
import { CallsModule } from '../helpers/fake-platform/calls.cts';
import { ChannelsModule } from '../helpers/fake-platform/channels.cts';
import { NlpModule } from '../helpers/fake-platform/nlp.cts';
import { OperatorModule } from '../helpers/fake-platform/operator.cts';
import { PushgateModule } from '../helpers/fake-platform/pushgate.cts';
import { ReporterModule } from '../helpers/fake-platform/reporter.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { TextCampaignModule } from '../helpers/fake-platform/textCampaigns.cts';
import { PROJECT_SHORT_NAME, SECRETS } from './fixtures.cts';

/**
 * The bot channel and the dynamic text campaigns the Tovie Text Campaign and Tovie Project examples
 * name (examples/text-campaign-order-shipped.json, project-deploy-and-post.json).
 */
export const EXAMPLE_BOT_ID = '263-acme-shop-263-Wnu-49199';
export const EXAMPLE_CAMPAIGNS = ['Order updates', 'Team notices'];

export async function startE2eFake(): Promise<FakePlatform> {
	const fake = await startFakePlatform({
		chat: { tokens: [SECRETS.chatApiToken, SECRETS.chatApiToken2] },
		modules: [
			(platform) =>
				new CallsModule(platform, {
					campaigns: [{ token: SECRETS.callsApiToken, name: 'E2e campaign' }],
				}),
			(platform) => new NlpModule(platform, { keys: [SECRETS.nlpApiKey] }),
			// Before Reporter: deploys answer on the Async API route they share; the Project API
			// (the credential test's probe too) is served by this module.
			(platform) =>
				new ChannelsModule(platform, {
					tokens: [SECRETS.apiToken],
					seed: [
						{
							shortName: PROJECT_SHORT_NAME,
							name: 'E2e project',
							chatToken: SECRETS.chatApiToken,
							chatBotId: EXAMPLE_BOT_ID,
						},
					],
				}),
			(platform) =>
				new TextCampaignModule(platform, {
					tokens: [SECRETS.apiToken],
					channels: platform.module(ChannelsModule),
					seed: EXAMPLE_CAMPAIGNS.map((name) => ({ projectShortName: PROJECT_SHORT_NAME, name })),
				}),
			(platform) =>
				new ReporterModule(platform, { tokens: [SECRETS.apiToken], project: PROJECT_SHORT_NAME }),
			(platform) => new PushgateModule(platform),
			(platform) => new OperatorModule(platform, { channels: [SECRETS.operatorChannel] }),
		],
	});
	return fake;
}
