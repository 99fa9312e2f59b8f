/**
 * A load-options context (what n8n hands `listSearch` methods when a picker opens) that sends real
 * HTTP to the fake platform through the credential's own `authenticate`, for integration tests of
 * resource-locator lists. The engine's own LoadOptionsContext needs n8n's DI; this is the seam only.
 */
import axios from 'axios';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { TovieApi } from '../../credentials/TovieApi.credentials';

export function loadOptionsContext(
	credentials: ICredentialDataDecryptedObject,
	parameters: IDataObject = {},
	type = 'n8n-nodes-tovie.tovieProject',
) {
	const credentialType = new TovieApi();
	const sent: IHttpRequestOptions[] = [];
	const http = async (_credentialType: string, request: IHttpRequestOptions) => {
		const options = await credentialType.authenticate(credentials, request);
		sent.push(options);
		const response = await axios.request({
			method: options.method ?? 'GET',
			url: options.url,
			params: options.qs,
			paramsSerializer: { indexes: null },
			data: options.body,
			headers: options.headers as Record<string, string>,
			validateStatus: () => true,
			timeout: Number(options.timeout ?? 10_000),
		});
		return {
			statusCode: response.status,
			headers: response.headers,
			body: response.data as unknown,
		};
	};
	const ctx = {
		getNode: () => ({
			id: 'picker',
			name: 'Picker',
			type,
			typeVersion: 1,
			position: [0, 0],
			parameters,
		}),
		getCredentials: async () => credentials,
		getCurrentNodeParameter: (path: string) =>
			path
				.split('.')
				.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], parameters),
		getTimezone: () => 'UTC',
		helpers: { httpRequestWithAuthentication: http },
	};
	return { ctx: ctx as unknown as ILoadOptionsFunctions, sent };
}
