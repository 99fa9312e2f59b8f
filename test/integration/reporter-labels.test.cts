/**
 * Tovie Reporter: message labels, label groups, session labels and comments through n8n-core
 * against the fake platform. Create and Update send all input items in one by-list request, DELETE
 * with a JSON body, partial updates, and the pickers (list search and load options).
 */
import type { IDataObject } from 'n8n-workflow';

import { labelListSearch, labelLoadOptions } from '../../nodes/Reporter/methods/labels';
import { TovieReporter } from '../../nodes/Reporter/TovieReporter.node';
import { ReporterModule } from '../helpers/fake-platform/reporter.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { runNode } from '../helpers/harness.cts';
import { credentialsFor, expectNoSecrets, useFastRetries } from '../helpers/integration.cts';
import { loadOptionsContext } from '../helpers/load-options.cts';

let fake: FakePlatform;
let reporter: ReporterModule;
useFastRetries();

const rl = (value: unknown, mode = 'id') => ({ __rl: true, mode, value });
const run = async (
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	continueOnFail = false,
) => {
	const result = await runNode('tovieReporter', parameters, items, credentialsFor(fake), {
		continueOnFail,
	});
	expectNoSecrets([result.serialized]);
	return result;
};
const ml = (operation: string, p: IDataObject = {}) => ({
	resource: 'messageLabel',
	operation,
	...p,
});
const sl = (operation: string, p: IDataObject = {}) => ({
	resource: 'sessionLabel',
	operation,
	...p,
});
const lg = (operation: string, p: IDataObject = {}) => ({
	resource: 'labelGroup',
	operation,
	...p,
});

beforeAll(async () => {
	fake = await startFakePlatform({
		modules: [(platform) => new ReporterModule(platform, { sessions: 50, messagesPerSession: 2 })],
	});
	reporter = fake.module(ReporterModule);
});
afterAll(async () => await fake.close());
beforeEach(() => fake.reset());

describe('Message Label', () => {
	it('Create answers the new label with its ID; Get, Get Many, Update (partial), Delete', async () => {
		const created = (
			await run(ml('create', { name: 'Refund', priority: 3, groupName: 'Topics' }))
		).json()[0];
		expect(created).toMatchObject({
			id: expect.any(Number),
			name: 'Refund',
			priority: 3,
			group: { id: 2, name: 'Topics' },
		});
		expect(fake.requestsTo('POST', /by-list$/)[0].body).toEqual([
			{ name: 'Refund', priority: 3, group: { name: 'Topics' } },
		]);
		const got = await run(ml('get', { labelId: rl(created.id, 'list') }));
		expect(got.json()[0]).toEqual(created);
		const many = await run(ml('getAll', { limit: 2 }));
		expect(many.json()).toHaveLength(2);
		const updated = await run(
			ml('update', { labelId: rl(created.id), updateFields: { name: 'Refunds' } }),
		);
		expect(updated.json()[0]).toEqual({ id: created.id, name: 'Refunds', updated: true });
		expect(fake.requestsTo('PUT', /by-list$/)[0].body).toEqual([
			{ id: created.id, name: 'Refunds' },
		]);
		expect(reporter.messageLabels.get(created.id as number)).toMatchObject({
			name: 'Refunds',
			priority: 3,
		});
		expect((await run(ml('delete', { labelId: rl(created.id) }))).json()).toEqual([
			{ deleted: true },
		]);
		const gone = await run(ml('get', { labelId: rl(created.id) }), [{}], true);
		expect(gone.json()[0].error).toContain('[404 reporter.common.not_found]');
	});

	it('Update moves a label to a group picked from the list; a non-numeric ID fails its item only', async () => {
		const moved = await run(ml('update', { labelId: rl(11), updateFields: { groupId: '2' } }));
		expect(fake.requestsTo('PUT', /by-list$/)[0].body).toEqual([{ id: 11, groupId: 2 }]);
		expect(moved.json()[0]).toEqual({ id: 11, groupId: 2, updated: true });
		expect((reporter.messageLabels.get(11)!.group as IDataObject).id).toBe(2);
		const result = await run(
			ml('update', { labelId: rl('={{ $json.id }}'), updateFields: { name: 'x' } }),
			[{ id: 'abc' }, { id: 11 }],
			true,
		);
		expect(result.json()[0].error).toBe('Message Label must be a number, got "abc" [item 0]');
		expect(result.json()[1]).toEqual({ id: 11, name: 'x', updated: true });
		const empty = await run(ml('update', { labelId: rl(11), updateFields: {} }), [{}], true);
		expect(empty.json()[0].error).toBe('Update Fields is empty [item 0]');
	});

	it('Change Priority takes labels picked from the list (IDs as text) or numbers', async () => {
		await run(
			ml('changePriority', {
				priorities: {
					priority: [
						{ id: '11', newPriority: 5 },
						{ id: 12, newPriority: 4 },
					],
				},
			}),
		);
		expect(reporter.messageLabels.get(11)!.priority).toBe(5);
		expect(fake.requestsTo('PUT', /change-priority$/)[0].body).toEqual([
			{ id: 11, newPriority: 5 },
			{ id: 12, newPriority: 4 },
		]);
		const none = await run(ml('changePriority', { priorities: {} }), [{}], true);
		expect(none.json()[0].error).toBe('Priorities is empty [item 0]');
	});

	it('Create sends all items in one request and answers each with its new label; an invalid item gets its own error', async () => {
		const items = [{ name: 'A' }, { name: '' }, { name: 'C' }];
		const result = await run(
			ml('create', {
				name: '={{ $json.name }}',
				priority: 1,
				groupName: 'New group',
				options: { groupPriority: 4 },
			}),
			items,
			true,
		);
		expect(fake.requestsTo('POST', /by-list$/)).toHaveLength(1);
		expect(fake.requestsTo('POST', /by-list$/)[0].body).toEqual([
			{ name: 'A', priority: 1, group: { name: 'New group', priority: 4 } },
			{ name: 'C', priority: 1, group: { name: 'New group', priority: 4 } },
		]);
		expect(fake.requestsTo('GET', /message\/labels$/)).toHaveLength(1);
		expect(result.json()).toEqual([
			expect.objectContaining({
				id: expect.any(Number),
				name: 'A',
				group: expect.objectContaining({ name: 'New group' }),
			}),
			expect.objectContaining({ error: 'Name is empty [item 1]' }),
			expect.objectContaining({ id: expect.any(Number), name: 'C' }),
		]);
		expect(result.output().map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('Update: one request for all items; a platform failure fails every item', async () => {
		const ok = await run(
			ml('update', { labelId: rl('={{ $json.id }}'), updateFields: { priority: 9 } }),
			[{ id: 11 }, { id: 12 }],
		);
		expect(ok.json()).toEqual([
			{ id: 11, priority: 9, updated: true },
			{ id: 12, priority: 9, updated: true },
		]);
		expect(fake.requestsTo('PUT', /by-list$/)).toHaveLength(1);
		const failed = await run(
			ml('update', { labelId: rl('={{ $json.id }}'), updateFields: { priority: 1 } }),
			[{ id: 11 }, { id: 999 }],
			true,
		);
		expect(failed.json().map((j) => j.error)).toEqual([
			expect.stringContaining('404'),
			expect.stringContaining('404'),
		]);
	});

	it('Create and Update without continueOnFail: an invalid item stops the run before the request', async () => {
		const created = await run(
			ml('create', { name: '={{ $json.name }}', priority: 1, groupName: 'New group' }),
			[{ name: 'A' }, { name: '' }],
		);
		expect(created.error?.message).toBe('Name is empty [item 1]');
		const updated = await run(
			ml('update', { labelId: rl('={{ $json.id }}'), updateFields: { priority: 9 } }),
			[{ id: 11 }, { id: 'abc' }],
		);
		expect(updated.error?.message).toBe('Message Label must be a number, got "abc" [item 1]');
		expect(fake.requestsTo('POST', /by-list$/)).toHaveLength(0);
		expect(fake.requestsTo('PUT', /by-list$/)).toHaveLength(0);
		expect(reporter.messageLabels.get(11)!.priority).not.toBe(9);
	});

	it('a failed by-list request fails the items it carried; an invalid item keeps its own error', async () => {
		fake.inject({
			path: /by-list$/,
			status: 400,
			body: { error: 'reporter.common.validation_error', message: 'bad list', args: {} },
		});
		const items = [{ name: 'A' }, { name: '' }, { name: 'C' }];
		const result = await run(
			ml('create', { name: '={{ $json.name }}', priority: 1, groupName: 'New group' }),
			items,
			true,
		);
		expect(result.json()).toEqual([
			expect.objectContaining({ error: expect.stringContaining('bad list') }),
			expect.objectContaining({ error: 'Name is empty [item 1]' }),
			expect.objectContaining({ error: expect.stringContaining('bad list') }),
		]);
		expect(result.output().map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('Add to, Remove From (DELETE with a body), Set on Message', async () => {
		expect(
			(await run(ml('addToMessage', { questionId: 'q-3-1', labelId: rl(12) }))).json(),
		).toEqual([{ questionId: 'q-3-1', labelId: 12, labeled: true }]);
		expect([...reporter.messageLabelLinks.get('q-3-1')!]).toEqual([12]);
		await run(ml('removeFromMessage', { questionId: 'q-3-1', labelId: rl(12) }));
		const del = fake.requestsTo('DELETE', /labels\/logs$/)[0];
		expect(del.body).toEqual({ labelId: 12 });
		expect(del.query.questionId).toBe('q-3-1');
		expect([...reporter.messageLabelLinks.get('q-3-1')!]).toEqual([]);
		const set = await run(
			ml('setForMessage', { questionId: 'q-3-1', sessionId: 's-3', labelIds: ['11', '13'] }),
		);
		expect(set.json()[0]).toEqual({ questionId: 'q-3-1', sessionId: 's-3', labelIds: [11, 13] });
		expect(fake.requestsTo('POST', /set-by-list$/)[0].body).toEqual([
			{ labelId: 11 },
			{ labelId: 13 },
		]);
		const unknown = await run(
			ml('addToMessage', { questionId: 'q-3-1', labelId: rl(404) }),
			[{}],
			true,
		);
		expect(unknown.json()[0].error).toContain('Label 404 not found');
	});

	it('Bulk Label by IDs or by filters; neither is refused', async () => {
		await run(
			ml('bulkLabel', { labelIds: [13], comparisonType: 'CONTAINS', objectIds: 'q-1-0, q-2-0' }),
		);
		expect(fake.requestsTo(/logs\/bulk-labeling$/)[0].body).toEqual({
			comparisonType: 'CONTAINS',
			labels: [13],
			objectIds: ['q-1-0', 'q-2-0'],
		});
		expect(reporter.messageLabelLinks.get('q-2-0')!.has(13)).toBe(true);
		await run(
			ml('bulkLabel', {
				labelIds: [13],
				comparisonType: 'NOT_CONTAINS',
				filters: { flag: [{ key: 'WITHOUT_EMPTY_SESSIONS', option: 'YES' }] },
			}),
		);
		expect(fake.requestsTo(/logs\/bulk-labeling$/)[1].body).toMatchObject({
			filters: { filters: [{ key: 'WITHOUT_EMPTY_SESSIONS', type: 'RADIO', option: 'YES' }] },
		});
		const none = await run(ml('bulkLabel', { labelIds: [13] }), [{}], true);
		expect(none.json()[0].error).toBe('Message IDs is empty and no filter is set [item 0]');
	});
});

describe('Label Group', () => {
	it('Get, Update (partial, all items in one request), Change Priority, Delete', async () => {
		expect((await run(lg('get', { groupId: rl(1, 'list') }))).json()[0]).toEqual({
			id: 1,
			name: 'Quality',
			priority: 0,
		});
		expect(
			(await run(lg('update', { groupId: rl(1), updateFields: { priority: 7 } }))).json()[0],
		).toEqual({ id: 1, priority: 7, updated: true });
		expect(reporter.groups.get(1)).toMatchObject({ name: 'Quality', priority: 7 });
		await run(lg('changePriority', { priorities: { priority: [{ id: '2', newPriority: 0 }] } }));
		expect(reporter.groups.get(2)!.priority).toBe(0);
		await run(
			lg('update', {
				groupId: rl('={{ $json.id }}'),
				updateFields: { name: '={{ "G" + $json.id }}' },
			}),
			[{ id: 1 }, { id: 2 }],
		);
		expect(fake.requestsTo('PUT', /labels\/groups$/)[1].body).toEqual([
			{ id: 1, name: 'G1' },
			{ id: 2, name: 'G2' },
		]);
		expect((await run(lg('delete', { groupId: rl(2) }))).json()).toEqual([{ deleted: true }]);
		const gone = await run(lg('get', { groupId: rl(2) }), [{}], true);
		expect(gone.json()[0].error).toContain('Group 2 not found');
	});
});

describe('Session Label', () => {
	it('Create, Get, Update, Change Priority, Delete', async () => {
		const created = (await run(sl('create', { name: 'VIP', priority: 2 }))).json()[0];
		expect(created).toMatchObject({ id: expect.any(Number), name: 'VIP', priority: 2 });
		expect((await run(sl('get', { labelId: rl(created.id) }))).json()[0]).toEqual(created);
		expect(
			(
				await run(sl('update', { labelId: rl(created.id), updateFields: { name: 'V.I.P.' } }))
			).json()[0],
		).toEqual({ id: created.id, name: 'V.I.P.', updated: true });
		expect(reporter.sessionLabels.get(created.id as number)).toMatchObject({
			name: 'V.I.P.',
			priority: 2,
		});
		await run(
			sl('changePriority', {
				priorities: { priority: [{ id: String(created.id), newPriority: 0 }] },
			}),
		);
		expect(reporter.sessionLabels.get(created.id as number)!.priority).toBe(0);
		await run(sl('update', { labelId: rl('={{ $json.id }}'), updateFields: { priority: 3 } }), [
			{ id: 21 },
			{ id: 22 },
		]);
		expect(fake.requestsTo('PUT', /session-labels\/by-list$/)[1].body).toEqual([
			{ id: 21, priority: 3 },
			{ id: 22, priority: 3 },
		]);
		expect(reporter.sessionLabels.get(22)!.priority).toBe(3);
		expect((await run(sl('delete', { labelId: rl(created.id) }))).json()).toEqual([
			{ deleted: true },
		]);
		const missing = await run(sl('delete', { labelId: rl(created.id) }), [{}], true);
		expect(missing.json()[0].error).toContain('404');
	});

	it('Add to, Remove From, Set on Session, Bulk Label', async () => {
		await run(sl('addToSession', { sessionId: 's-5', labelId: rl(22) }));
		expect([...reporter.sessionLabelLinks.get('s-5')!]).toEqual([22]);
		await run(sl('removeFromSession', { sessionId: 's-5', labelId: rl(22) }));
		expect(fake.requestsTo('DELETE', /session-labels\/sessions$/)[0].body).toEqual({ labelId: 22 });
		await run(sl('setForSession', { sessionId: 's-5', labelIds: ['21', '22'] }));
		expect([...reporter.sessionLabelLinks.get('s-5')!]).toEqual([21, 22]);
		await run(
			sl('bulkLabel', {
				labelIds: ['22'],
				comparisonType: 'CONTAINS',
				filters: {
					period: [
						{ key: 'SESSION_START_TIME', from: '2026-01-01T00:10:00Z', to: '2026-01-01T00:11:00Z' },
					],
				},
			}),
		);
		expect(reporter.sessionLabelLinks.get('s-10')!.has(22)).toBe(true);
		expect(reporter.sessionLabelLinks.get('s-12')).toBeUndefined();
		const bad = await run(sl('addToSession', { sessionId: 's-5', labelId: rl('x') }), [{}], true);
		expect(bad.json()[0].error).toBe('Session Label must be a number, got "x" [item 0]');
	});
});

describe('pickers', () => {
	const picker = (parameters: IDataObject = {}) =>
		loadOptionsContext(credentialsFor(fake), parameters, 'n8n-nodes-tovie.tovieReporter');

	it('the node registers the label list searches and load options', () => {
		const { methods } = new TovieReporter();
		expect(Object.keys(methods.listSearch)).toEqual(
			expect.arrayContaining(Object.keys(labelListSearch)),
		);
		expect(Object.keys(methods.loadOptions)).toEqual(
			expect.arrayContaining(Object.keys(labelLoadOptions)),
		);
	});

	it('message labels and groups come from the message label list, filtered by the search text', async () => {
		const { ctx, sent } = picker();
		expect(await labelListSearch.searchMessageLabels.call(ctx, 'bill')).toEqual({
			results: [{ name: 'Topics / Billing', value: '13' }],
		});
		expect(sent[0].url).toMatch(/\/api\/v1\/reporter\/message\/labels$/);
		expect(await labelListSearch.searchLabelGroups.call(ctx)).toEqual({
			results: [
				{ name: 'Quality', value: '1' },
				{ name: 'Topics', value: '2' },
			],
		});
		expect(await labelLoadOptions.getMessageLabels.call(ctx)).toEqual([
			{ name: 'Quality / Good answer', value: '11' },
			{ name: 'Topics / Billing', value: '13' },
			{ name: 'Quality / Bad answer', value: '12' },
		]);
		expect(await labelLoadOptions.getLabelGroups.call(ctx)).toHaveLength(2);
	});

	it('session labels come from the session filter options of the project', async () => {
		const { ctx, sent } = picker({
			options: { project: { __rl: true, mode: 'list', value: 'acme-bot' } },
		});
		expect(await labelListSearch.searchSessionLabels.call(ctx, 'esc')).toEqual({
			results: [{ name: 'Escalated', value: '22' }],
		});
		expect(sent[0].qs).toMatchObject({
			filterKey: 'SESSION_LABELS',
			analyticsSection: 'SESSIONS',
			projectShortName: 'acme-bot',
		});
		expect(await labelLoadOptions.getSessionLabels.call(ctx)).toEqual([
			{ name: 'Resolved', value: '21' },
			{ name: 'Escalated', value: '22' },
		]);
	});
});

describe('Comment', () => {
	it('Add and Delete; deleting a missing comment is a 404', async () => {
		const added = await run({
			resource: 'comment',
			operation: 'add',
			questionId: 'q-1-1',
			comment: 'Check this',
		});
		expect(added.json()[0]).toEqual({ questionId: 'q-1-1', comment: 'Check this', added: true });
		expect(fake.requestsTo('POST', /comments\//)[0].body).toEqual({
			questionId: 'q-1-1',
			comment: 'Check this',
		});
		expect(reporter.comments.get('q-1-1')).toBe('Check this');
		expect(
			(await run({ resource: 'comment', operation: 'delete', questionId: 'q-1-1' })).json(),
		).toEqual([{ deleted: true }]);
		const again = await run(
			{ resource: 'comment', operation: 'delete', questionId: 'q-1-1' },
			[{}],
			true,
		);
		expect(again.json()[0].error).toContain('404');
	});
});
