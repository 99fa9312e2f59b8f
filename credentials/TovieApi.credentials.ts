import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * One credential for every Tovie node. The platform has one secret per API; a node asks only
 * for the one it needs. Secrets never leave this file as plain values: the transport writes
 * placeholders such as `{{tovie:chatApiToken}}` into the URL path or a header, and
 * `authenticate` swaps them for the (URL-encoded, in paths) secret right before the request.
 */
export class TovieApi implements ICredentialType {
	name = 'tovieApi';

	displayName = 'Tovie Platform API';

	icon = { light: 'file:../icons/tovie.svg', dark: 'file:../icons/tovie.dark.svg' } as const;

	documentationUrl = 'https://help.cloud.tovie.ai/platform/api/';

	properties: INodeProperties[] = [
		{
			displayName:
				'Fill in only what your nodes use: Chat nodes need the Chat API Token, Calls the Calls API Token, NLP the NLP Direct API Key; Reporter, Text Campaign, Project and automatic webhook registration the Unified API Token. Pushgate and the Operator nodes need only the server.',
			name: 'fillInNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Server',
			name: 'server',
			type: 'options',
			options: [
				{ name: 'Tovie Cloud (platform.tovie.ai)', value: 'https://platform.tovie.ai' },
				{ name: 'JAICP Cloud (app.jaicp.com)', value: 'https://app.jaicp.com' },
				{ name: 'Custom (Regional Host, On-Premise)', value: 'custom' },
			],
			default: 'https://platform.tovie.ai',
			description: 'Where your platform account lives: the address you open the platform at',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://platform.platform-fr.tovie.ai',
			description: 'Scheme and host of your platform installation, optionally with a path prefix',
			displayOptions: { show: { server: ['custom'] } },
		},
		{
			displayName: 'Chat API Token',
			name: 'chatApiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used by Tovie Chat, Tovie Chat Trigger and Tovie Chat Polling Trigger. In the project: Channels → your Chat API channel → Edit → Access token.',
		},
		{
			displayName: 'Chat Timestamps Zone',
			name: 'chatTimeZone',
			type: 'string',
			default: 'UTC',
			placeholder: 'e.g. Europe/Berlin',
			description:
				'The time zone of the times the platform writes and reads without one: Chat API message and event times, Text Campaign chat history, and the Send At time and date filters Tovie Text Campaign sends. UTC by default: the platform does not document its zone and its cloud servers keep their logs and ISO times in UTC. If message times come out shifted by whole hours, enter the zone of your platform installation as an IANA name (e.g. Europe/Berlin).',
		},
		{
			displayName: 'Calls API Token',
			name: 'callsApiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used by Tovie Calls. In the project: Calls → the campaign → menu → Copy API token.',
		},
		{
			displayName: 'NLP Direct API Key',
			name: 'nlpApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used by Tovie NLP. In the project: NLU → Settings → the NLP Direct API key (CAILA access token).',
		},
		{
			displayName: 'Unified API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used by Tovie Reporter, Tovie Text Campaign, Tovie Project and for automatic webhook registration. In the account: Settings → API access → Create token. Sent as a Bearer token.',
		},
		{
			displayName: 'Operator Webhook URL',
			name: 'operatorWebhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. https://platform.tovie.ai/chatadapter/chatapi/webhook/operatorapi/12345',
			description:
				'Used by Tovie Operator: the URL the platform sent to Tovie Operator Trigger (setWebhook) for your Operator API channel. Leave empty to use the URL the trigger received.',
		},
		{
			displayName: 'Project Short Name',
			name: 'projectShortName',
			type: 'string',
			default: '',
			placeholder: 'e.g. acme-support-bot',
			description: 'The project the unified API token works on (shown in the project settings)',
		},
	];

	// No `test` request here: every node declares `testedBy: 'tovieApiTest'`, a function that
	// checks each filled-in secret with its own cheap request (nodes/common/credentialTest.ts).
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const fill = (text: string, encode: boolean) =>
			text.replace(/\{\{tovie:(\w+)\}\}/g, (_match, field: string) => {
				const value = String(credentials[field] ?? '');
				return encode ? encodeURIComponent(value) : value;
			});
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries(requestOptions.headers ?? {})) {
			headers[key] = typeof value === 'string' ? fill(value, false) : (value as unknown as string);
		}
		return { ...requestOptions, url: fill(requestOptions.url, true), headers };
	};
}
