/**
 * Tovie Reporter, pure parts: date forms, the filter model, list-search methods (through the
 * single HTTP seam of the mock context), and the node description's conventions and size budget.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { toDateOnly, toDateTime, toEpochMsOf } from '../../nodes/Reporter/helpers/dates';
import { filtersOf } from '../../nodes/Reporter/helpers/filters';
import { listSearch, loadOptions } from '../../nodes/Reporter/methods/search';
import { TovieReporter } from '../../nodes/Reporter/TovieReporter.node';
import { mockContext, TEST_CREDENTIALS } from '../helpers/context.cts';

const ctxWith = (parameters: IDataObject = {}) => mockContext({ parameters }).ctx;

describe('dates (the workflow zone, New York, is UTC-5 on 4 March 2026)', () => {
	// The mock context's workflow zone is New York: a date without a zone is a New York time.
	const ctx = ctxWith();
	it.each([
		['2026-03-04', '2026-03-04', '2026-03-04T05:00:00.000Z', 1772600400000],
		['2026-03-04T23:30:00', '2026-03-04', '2026-03-05T04:30:00.000Z', 1772685000000],
		['2026-03-04T23:30:00+02:00', '2026-03-04', '2026-03-04T21:30:00.000Z', 1772659800000],
		// 00:00Z on the 4th is still the 3rd in New York.
		[1772582400000, '2026-03-03', '2026-03-04T00:00:00.000Z', 1772582400000],
		['1772582400000', '2026-03-03', '2026-03-04T00:00:00.000Z', 1772582400000],
	])('%s → date %s, date-time %s, epoch %s', (input, date, dateTime, ms) => {
		expect(toDateOnly(ctx, input, 0, 'D')).toBe(date);
		expect(toDateTime(ctx, input, 0, 'D')).toBe(dateTime);
		expect(toEpochMsOf(ctx, input, 0, 'D')).toBe(ms);
	});
	it('a JS Date works; empty gives undefined; words are refused with the field name', () => {
		expect(toDateTime(ctx, new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)), 0, 'D')).toBe(
			'2026-01-02T03:04:05.006Z',
		);
		expect(toDateOnly(ctx, '', 0, 'D')).toBeUndefined();
		expect(() => toDateTime(ctx, 'next tuesday', 0, 'From')).toThrow(
			'From is not a date: "next tuesday" [item 0]',
		);
	});
	it('the day of a date-time is its day in the workflow zone', () => {
		const tokyo = mockContext({ timezone: 'Asia/Tokyo' }).ctx;
		expect(toDateOnly(tokyo, 1772582400000, 0, 'D')).toBe('2026-03-04');
		expect(toDateOnly(tokyo, '2026-03-04', 0, 'D')).toBe('2026-03-04');
		expect(toDateTime(tokyo, '2026-03-04', 0, 'D')).toBe('2026-03-03T15:00:00.000Z');
	});
});

describe('filtersOf', () => {
	it('accepts raw JSON as an array or as a FiltersDto, appended after the form', () => {
		const ctx = ctxWith({
			filters: {
				flag: [{ key: 'WITHOUT_EMPTY_SESSIONS', option: 'NO' }],
				json: [{ filters: { filters: [{ key: 'NPS', type: 'NUMERIC_RANGE', from: 1 }] } }],
			},
		});
		expect(filtersOf(ctx, 0)).toEqual([
			{ key: 'WITHOUT_EMPTY_SESSIONS', type: 'RADIO', option: 'NO' },
			{ key: 'NPS', type: 'NUMERIC_RANGE', from: 1 },
		]);
	});
	it('refuses a period without dates, JSON that is not an array, broken JSON', () => {
		expect(() => filtersOf(ctxWith({ filters: { period: [{ key: 'MESSAGE_TIME' }] } }), 0)).toThrow(
			'Filters Period #1 has neither From nor To [item 0]',
		);
		expect(() => filtersOf(ctxWith({ filters: { json: [{ filters: '{"a": 1}' }] } }), 0)).toThrow(
			'Filters Other (JSON) #1 must be an array of filters [item 0]',
		);
		expect(() =>
			filtersOf(ctxWith({ filters: { json: [{ filters: '[]' }, { filters: '[{' }] } }), 0),
		).toThrow('Filters Other (JSON) #2 is not valid JSON [item 0]');
	});
	it('values from the multi-select (an array) or an expression (text) give the same list', () => {
		const picked = filtersOf(
			ctxWith({
				filters: {
					values: [{ key: 'BOT_ID', comparisonType: 'CONTAINS', options: ['bot-1', 'bot-2'] }],
				},
			}),
			0,
		);
		const typed = filtersOf(
			ctxWith({
				filters: {
					values: [{ key: 'BOT_ID', comparisonType: 'CONTAINS', options: 'bot-1, bot-2' }],
				},
			}),
			0,
		);
		expect(picked).toEqual([
			{ key: 'BOT_ID', type: 'CHECKBOX', options: ['bot-1', 'bot-2'], comparisonType: 'CONTAINS' },
		]);
		expect(typed).toEqual(picked);
	});
	it('a message count without a maximum leaves `to` out', () => {
		expect(filtersOf(ctxWith({ filters: { messageCount: [{ from: 3, to: 0 }] } }), 0)).toEqual([
			{ key: 'MESSAGE_COUNT', type: 'NUMERIC_RANGE', from: 3 },
		]);
	});
});

describe('list search', () => {
	const labels = [
		{ id: 11, name: 'Good', priority: 0, group: { id: 1, name: 'Quality' } },
		{ id: 12, name: 'Bad', priority: 1, group: { id: 1, name: 'Quality' } },
		{ id: 13, name: 'Billing', priority: 0, group: { id: 2, name: 'Topics' } },
	];
	const loadContext = (body: unknown, parameters: IDataObject = {}) => {
		const { ctx, sent } = mockContext({ responses: [{ body }] });
		const read = (path: string) =>
			path
				.split('.')
				.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], parameters);
		Object.assign(ctx, { getCurrentNodeParameter: read });
		return { ctx, sent };
	};

	it('message labels with their group, filtered by the search text; groups deduplicated', async () => {
		const { ctx, sent } = loadContext(labels);
		expect(await listSearch.searchMessageLabels.call(ctx, 'bill')).toEqual({
			results: [{ name: 'Topics / Billing', value: '13' }],
		});
		expect(sent[0].url).toBe('https://tovie.test/api/v1/reporter/message/labels');
		expect(sent[0].headers).toMatchObject({ Authorization: `Bearer ${TEST_CREDENTIALS.apiToken}` });
		expect(await listSearch.searchLabelGroups.call(loadContext(labels).ctx)).toEqual({
			results: [
				{ name: 'Quality', value: '1' },
				{ name: 'Topics', value: '2' },
			],
		});
		expect(await loadOptions.getMessageLabels.call(loadContext(labels).ctx)).toHaveLength(3);
	});

	it('filter values and session labels come from filter options of Options → Project or the credential project', async () => {
		const { ctx, sent } = loadContext([{ value: 'bot-1', label: 'Support bot' }], {
			options: { project: { __rl: true, mode: 'list', value: 'other-project' } },
		});
		expect(await loadOptions.getFilterValues.call(ctx)).toEqual([
			{ name: 'Support bot', value: 'bot-1' },
		]);
		expect(sent[0].qs).toMatchObject({
			filterKey: 'BOT_ID',
			analyticsSection: 'SESSIONS',
			projectShortName: 'other-project',
		});
		const second = loadContext([{ value: '21', label: 'Resolved' }]);
		expect(await loadOptions.getSessionLabels.call(second.ctx)).toEqual([
			{ name: 'Resolved', value: '21' },
		]);
		expect(second.sent[0].qs).toMatchObject({
			filterKey: 'SESSION_LABELS',
			projectShortName: 'acme-bot',
		});
	});

	it('report tasks are named by type, time and status', async () => {
		const { ctx } = loadContext({
			tasks: [
				{
					taskId: 't-1',
					reportType: 'SESSIONS',
					creationTime: '2026-01-01T00:00:00Z',
					status: 'COMPLETED',
				},
			],
		});
		expect(await listSearch.searchReportTasks.call(ctx)).toEqual({
			results: [{ name: 'SESSIONS 2026-01-01T00:00:00Z (COMPLETED)', value: 't-1' }],
		});
	});
});

describe('node description', () => {
	const { description } = new TovieReporter();
	const operations = description.properties.filter((p) => p.name === 'operation');

	it('has a resource for every group of the brief and standard operation names', () => {
		const resources = (description.properties[0].options as Array<{ value: string }>).map(
			(o) => o.value,
		);
		// Listed alphabetically by name in the dropdown; Statistics stays the default.
		expect([...resources].sort()).toEqual([
			'client',
			'comment',
			'experiment',
			'filter',
			'labelGroup',
			'message',
			'messageLabel',
			'report',
			'session',
			'sessionLabel',
			'stateRoute',
			'statistics',
		]);
		expect(description.properties[0].default).toBe('statistics');
		for (const property of operations) {
			for (const option of property.options as Array<{
				name: string;
				value: string;
				action?: string;
			}>) {
				expect(option.action).toBeTruthy();
				if (option.value === 'getAll') {
					expect(option.name).toBe('Get Many');
					expect(option.action).toMatch(/^Get many /);
				}
			}
		}
		const count = operations.reduce((sum, p) => sum + (p.options?.length ?? 0), 0);
		expect(count).toBe(51);
	});

	it('Delete operations exist where the API has them, and no fake list for session labels or groups', () => {
		const ops = (resource: string) =>
			(
				operations.find((p) => p.displayOptions?.show?.resource?.[0] === resource)!
					.options as Array<{ value: string }>
			).map((o) => o.value);
		expect(ops('sessionLabel')).not.toContain('getAll');
		expect(ops('labelGroup')).not.toContain('getAll');
		expect(ops('messageLabel')).toContain('getAll');
	});

	it('keeps the size budget: operation files ≤ 150 lines, others ≤ 300 (the fake excepted)', () => {
		const walk = (dir: string): string[] =>
			readdirSync(dir).flatMap((name) =>
				statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
			);
		for (const file of walk(join(__dirname, '../../nodes/Reporter')).filter((f) =>
			f.endsWith('.ts'),
		)) {
			const lines = readFileSync(file, 'utf8').split('\n').length;
			expect([file, lines <= (file.endsWith('.operation.ts') ? 150 : 300)]).toEqual([file, true]);
		}
	});

	it('every resource locator offers a list and an ID mode with an existing search method', () => {
		const locators = description.properties.filter(
			(p: INodeProperties) => p.type === 'resourceLocator',
		);
		expect(locators.length).toBeGreaterThan(10);
		for (const locator of locators) {
			expect(locator.modes!.map((m) => m.name)).toEqual(['list', 'id']);
			expect(Object.keys(listSearch)).toContain(locator.modes![0].typeOptions!.searchListMethod);
		}
	});

	it('every project-scoped operation has Options → Project, the shared picker (list value: the short name)', () => {
		const options = description.properties.filter((p) => p.name === 'options');
		const projects = options.flatMap((collection) =>
			(collection.options as INodeProperties[]).filter((o) => o.name === 'project'),
		);
		// Statistics 2, Session 1, Client 2, Message 2, State Route 1, Experiment 7, Report → Create, Filter 3.
		expect(projects.length).toBe(19);
		for (const project of projects) {
			expect(project.type).toBe('resourceLocator');
			expect(project.required).toBe(false);
			expect(project.modes!.map((m) => m.name)).toEqual(['list', 'shortName', 'id']);
			expect(Object.keys(listSearch)).toContain(project.modes![0].typeOptions!.searchListMethod);
		}
		expect(description.properties.find((p) => p.name === 'projectShortName')).toBeUndefined();
	});
});
