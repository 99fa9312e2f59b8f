/**
 * Pure pieces of the Tovie Calls node: key derivation, time and status normalisation, zone and
 * phone checks, and the shape of the node description.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkedZone } from '../../nodes/Calls/helpers/callPolicy';
import { canonicalJson, idempotenceKeyFor } from '../../nodes/Calls/helpers/idempotence';
import {
	campaignStatusOf,
	isoOf,
	jobStatusOf,
	plainText,
	simplifiedReport,
	withReadableFields,
} from '../../nodes/Calls/helpers/output';
import { normalizePhone } from '../../nodes/Calls/helpers/phones';
import { TovieCalls } from '../../nodes/Calls/TovieCalls.node';

const ctx = (workflowId: string, nodeId: string) =>
	({
		getWorkflow: () => ({ id: workflowId }),
		getNode: () => ({ id: nodeId, name: 'Tovie Calls' }),
	}) as unknown as IExecuteFunctions;

describe('idempotence keys', () => {
	it('are the same for the same content, whatever the key order', () => {
		const a = idempotenceKeyFor(ctx('w1', 'n1'), 'addPhones', [
			{ phone: '1', payload: { a: 1, b: 2 } },
		]);
		const b = idempotenceKeyFor(ctx('w1', 'n1'), 'addPhones', [
			{ payload: { b: 2, a: 1 }, phone: '1' },
		]);
		expect(a).toBe(b);
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
	});

	it('differ by content, order of numbers, workflow, node and scope', () => {
		const base = idempotenceKeyFor(ctx('w1', 'n1'), 'addPhones', [{ phone: '1' }, { phone: '2' }]);
		expect(
			idempotenceKeyFor(ctx('w1', 'n1'), 'addPhones', [{ phone: '2' }, { phone: '1' }]),
		).not.toBe(base);
		expect(
			idempotenceKeyFor(ctx('w2', 'n1'), 'addPhones', [{ phone: '1' }, { phone: '2' }]),
		).not.toBe(base);
		expect(
			idempotenceKeyFor(ctx('w1', 'n2'), 'addPhones', [{ phone: '1' }, { phone: '2' }]),
		).not.toBe(base);
		expect(idempotenceKeyFor(ctx('w1', 'n1'), 'crm', [{ phone: '1' }, { phone: '2' }])).not.toBe(
			base,
		);
	});

	it('canonical JSON drops undefined and sorts keys', () => {
		expect(canonicalJson({ b: [1, { d: undefined, c: 'x' }], a: null })).toBe(
			'{"a":null,"b":[1,{"c":"x"}]}',
		);
	});
});

describe('times and statuses', () => {
	// Output times are ISO 8601 in the workflow zone (here New York, EDT in August).
	it.each([
		[1566570001055, '2019-08-23T10:20:01.055-04:00'],
		['1566570001055', '2019-08-23T10:20:01.055-04:00'],
		['2019-08-23T14:20:01.055Z', '2019-08-23T10:20:01.055-04:00'],
		['2019-08-23T16:20:01.055+02:00', '2019-08-23T10:20:01.055-04:00'],
		// A platform date-time without a zone is UTC (docs/platform-assumptions.md).
		['2019-08-23T14:20:01.055', '2019-08-23T10:20:01.055-04:00'],
		['', undefined],
		['soon', undefined],
		[null, undefined],
	])('isoOf(%p) = %p', (value, iso) => expect(isoOf(value, 'America/New_York')).toBe(iso));

	it('reads both spellings of campaign and job statuses', () => {
		expect(campaignStatusOf('inProcess')).toBe('inProgress');
		expect(campaignStatusOf('"inProgress"')).toBe('inProgress');
		expect(campaignStatusOf('FINISHED')).toBe('finished');
		expect(campaignStatusOf('somethingNew')).toBe('somethingNew');
		expect(jobStatusOf('canceled')).toBe('cancelledByUser');
		expect(jobStatusOf('noAnswer')).toBe('noAnswer');
	});

	it('turns Unix-ms times into ISO times in the workflow zone and keeps received spellings', () => {
		expect(
			withReadableFields(
				{ createdAt: 0, finishedAt: null, jobStatus: 'canceled', status: 'inProcess' },
				'Asia/Kolkata',
			),
		).toEqual({
			createdAt: '1970-01-01T05:30:00.000+05:30',
			finishedAt: null,
			jobStatus: 'cancelledByUser',
			jobStatusReceived: 'canceled',
			status: 'inProgress',
			statusReceived: 'inProcess',
		});
	});

	it('simplifies reports to their results', () => {
		expect(
			simplifiedReport({
				callJobId: '1',
				phone: '1650',
				jobStatus: 'noAnswer',
				attemptsCount: 2,
				redialNumber: null,
				tagName: 'x',
				tagPayload: {},
				reportData: { a: 1 },
			}),
		).toEqual({
			callJobId: '1',
			phone: '1650',
			jobStatus: 'noAnswer',
			attemptsCount: 2,
			reportData: { a: 1 },
		});
	});

	it('reads ids answered as JSON strings, numbers or bare text', () => {
		expect(plainText('"1234"')).toBe('1234');
		expect(plainText('1234\n')).toBe('1234');
		expect(plainText(1234)).toBe('1234');
		expect(plainText(undefined)).toBe('');
	});
});

describe('input checks', () => {
	it.each([
		['+03:30', '+03:30'],
		['+3', '+03:00'],
		['-0530', '-05:30'],
		['+18:00', '+18:00'],
		['+18:01', undefined],
		['+12:60', undefined],
		['Europe/Berlin', 'Europe/Berlin'],
		['UTC', 'UTC'],
		['Mars/Olympus', undefined],
		['drop table', undefined],
	])('checkedZone(%p) = %p', (zone, expected) => expect(checkedZone(zone)).toBe(expected));

	it('normalises phone formatting', () => {
		expect(normalizePhone(' +1 (650) 000-00.00 ')).toBe('16500000000');
	});
});

describe('node description', () => {
	const { description } = new TovieCalls();
	const operations = description.properties.filter((p) => p.name === 'operation');

	it('offers all 13 spec routes through 12 operations across four resources', () => {
		const values = operations.flatMap((p) =>
			(p.options ?? []).map(
				(o) => `${p.displayOptions?.show?.resource?.[0]}.${(o as { value: string }).value}`,
			),
		);
		expect(values.sort()).toEqual([
			'callAttempt.getAll',
			'callAttempt.getReport',
			'callJob.cancel',
			'callJob.getAll',
			'callJob.getReport',
			'campaign.get',
			'campaign.getStatus',
			'campaign.pause',
			'campaign.resume',
			'campaign.stop',
			'phone.add',
			'phone.addCrm',
		]);
	});

	it('gives every Get Many Return All and Limit', () => {
		for (const [resource, operation] of [
			['callJob', 'getAll'],
			['callAttempt', 'getAll'],
		]) {
			const shown = description.properties.filter(
				(p: INodeProperties) =>
					p.displayOptions?.show?.resource?.[0] === resource &&
					p.displayOptions?.show?.operation?.[0] === operation,
			);
			expect(shown.map((p) => p.name)).toEqual(expect.arrayContaining(['returnAll', 'limit']));
		}
	});

	it('lists operations by name and never shows two fields called Max Attempts', () => {
		for (const p of operations) {
			const names = (p.options ?? []).map((o) => (o as { name: string }).name);
			expect(names).toEqual([...names].sort());
		}
		const policy = description.properties.find((p) => p.name === 'policy')!;
		expect((policy.options as INodeProperties[]).map((o) => o.displayName)).toContain(
			'Call Attempts',
		);
		const labels = JSON.stringify(description.properties).match(/"displayName":"Max Attempts"/g);
		expect(labels).toBeNull();
	});

	it('offers Unfinished Only among the call job filters and Simplify on reports', () => {
		const filters = description.properties.find(
			(p) => p.name === 'filters' && p.displayOptions?.show?.resource?.[0] === 'callJob',
		)!;
		expect((filters.options as INodeProperties[]).map((o) => o.name)).toContain('unfinishedOnly');
		const simplified = description.properties
			.filter((p) => p.name === 'simplify')
			.map(
				(p) => `${p.displayOptions?.show?.resource?.[0]}.${p.displayOptions?.show?.operation?.[0]}`,
			);
		expect(simplified.sort()).toEqual([
			'callAttempt.getAll',
			'callAttempt.getReport',
			'callJob.getAll',
			'callJob.getReport',
		]);
	});

	it('is usable as a tool and tested by the shared credential test', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([
			{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' },
		]);
	});
});

describe('idempotence keys and credentials', () => {
	it('differ between two credentials (two campaigns) of the same node', () => {
		const withCredential = (id: string) =>
			({
				getWorkflow: () => ({ id: 'w1' }),
				getNode: () => ({
					id: 'n1',
					name: 'Tovie Calls',
					credentials: { tovieApi: { id, name: id } },
				}),
			}) as unknown as IExecuteFunctions;
		expect(idempotenceKeyFor(withCredential('c1'), 'addPhones', [{ phone: '1' }])).not.toBe(
			idempotenceKeyFor(withCredential('c2'), 'addPhones', [{ phone: '1' }]),
		);
	});
});
