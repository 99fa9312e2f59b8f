import { describePlatformError, redact, redactText } from '../../nodes/common/errors';

describe('describePlatformError', () => {
	it.each([
		[{ type: 'phone.duplicated', message: 'Duplicates', phonesDuplicates: ['+1'] }, { code: 'phone.duplicated', message: 'Duplicates' }],
		[{ error: 'common.access.denied', message: 'Access denied', args: null }, { code: 'common.access.denied', message: 'Access denied' }],
		[{ timestamp: 't', status: 404, error: 'Not Found', message: 'No channel', path: '/p' }, { code: 'Not Found', message: 'No channel' }],
		[{ status: 500, error: 'Internal Server Error' }, { code: 'Internal Server Error', message: 'Internal Server Error' }],
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
		const input = { url: `/chatapi/${encodeURIComponent(secret)}/x`, list: [secret, { [secret]: 1 }], n: 5, nil: null };
		expect(redact(input, [secret])).toEqual({ url: '/chatapi/***/x', list: ['***', { '***': 1 }], n: 5, nil: null });
	});
	it('leaves data alone when there are no secrets, and ignores very short ones', () => {
		const input = { a: 'abc' };
		expect(redact(input, [])).toBe(input);
		expect(redactText('abc', ['ab'])).toBe('abc');
	});
});
