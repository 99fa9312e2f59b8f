import type { INode } from 'n8n-workflow';

import {
	describePlatformError,
	platformError,
	redact,
	redactText,
} from '../../nodes/common/errors';

describe('describePlatformError', () => {
	it.each([
		[
			{ type: 'phone.duplicated', message: 'Duplicates', phonesDuplicates: ['+1'] },
			{ code: 'phone.duplicated', message: 'Duplicates' },
		],
		[
			{ error: 'common.access.denied', message: 'Access denied', args: null },
			{ code: 'common.access.denied', message: 'Access denied' },
		],
		[
			{ timestamp: 't', status: 404, error: 'Not Found', message: 'No channel', path: '/p' },
			{ code: 'Not Found', message: 'No channel' },
		],
		[
			{ status: 500, error: 'Internal Server Error' },
			{ code: 'Internal Server Error', message: 'Internal Server Error' },
		],
		['{"type":"x.y","message":"from text"}', { code: 'x.y', message: 'from text' }],
		['plain text failure', { message: 'plain text failure' }],
		['', {}],
		[undefined, {}],
	])('reads %j', (body, expected) => {
		expect(describePlatformError(body)).toEqual(expected);
	});
});

describe('redact', () => {
	const secret = 'AbCdEfGh:0123456789abcdef';
	it('replaces raw and URL-encoded forms, in values and keys, deeply', () => {
		const input = {
			url: `/chatapi/${encodeURIComponent(secret)}/x`,
			list: [secret, { [secret]: 1 }],
			n: 5,
			nil: null,
		};
		expect(redact(input, [secret])).toEqual({
			url: '/chatapi/***/x',
			list: ['***', { '***': 1 }],
			n: 5,
			nil: null,
		});
	});
	it('leaves data alone when there are no secrets, and ignores very short ones', () => {
		const input = { a: 'abc' };
		expect(redact(input, [])).toBe(input);
		expect(redactText('abc', ['ab'])).toBe('abc');
	});
});

describe('platformError', () => {
	const node: INode = {
		id: 'n',
		name: 'Tovie Chat',
		type: 'n8n-nodes-tovie.tovieChat',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const secret = 'ChatTok3n:0123456789abcdef';

	it('says when a call that acts may have happened, without the secret of its path', () => {
		const error = platformError({
			node,
			secrets: [secret],
			httpCode: 502,
			attempts: 1,
			what: `GET /chatapi/${secret}`,
			mayHaveActed: true,
		});
		expect(error.message).toBe('The platform failed to answer [502]');
		expect(error.description).toMatch(
			/^While calling GET \/chatapi\/\*\*\*\. The platform may have received it and acted on it: it was not sent again/,
		);
		expect(JSON.stringify(error)).not.toContain(secret);
	});

	it('says nothing of the kind otherwise', () => {
		const error = platformError({
			node,
			secrets: [],
			networkCode: 'ECONNREFUSED',
			attempts: 3,
			what: 'GET /x',
		});
		expect(error.message).toBe(
			'Could not reach the Tovie platform: the connection was refused (after 3 attempts)',
		);
		expect(error.description).toBe('While calling GET /x.');
	});
});
