/**
 * Tovie Reporter: message labels, label groups, session labels and comments through n8n-core
 * against the fake platform. Batched "many" operations, DELETE with a JSON body, partial
 * updates that keep unchanged fields, and the list-search methods.
 */
import type { IDataObject } from 'n8n-workflow';

import { startReporterPlatform, type ReporterModule } from '../helpers/fake-platform/reporter.cts';
import type { FakePlatform } from '../helpers/fake-platform/server.cts';
import { runNode } from '../helpers/harness.cts';
import { credentialsFor, expectNoSecrets, useFastRetries } from '../helpers/integration.cts';

let fake: FakePlatform;
let reporter: ReporterModule;
useFastRetries();

const rl = (value: unknown, mode = 'id') => ({ __rl: true, mode, value });
const run = async (parameters: IDataObject, items: IDataObject[] = [{}], continueOnFail = false) => {
	const result = await runNode('tovieReporter', parameters, items, credentialsFor(fake), { continueOnFail });
	expectNoSecrets([result.serialized]);
	return result;
};
const ml = (operation: string, p: IDataObject = {}) => ({ resource: 'messageLabel', operation, ...p });
const sl = (operation: string, p: IDataObject = {}) => ({ resource: 'sessionLabel', operation, ...p });
const lg = (operation: string, p: IDataObject = {}) => ({ resource: 'labelGroup', operation, ...p });

beforeAll(async () => {
	({ fake, reporter } = await startReporterPlatform({ sessions: 50, messagesPerSession: 2 }));
});
afterAll(async () => await fake.close());
beforeEach(() => fake.reset());

describe('Message Label', () => {
	it('Create, Get, Get Many, Update (partial), Delete', async () => {
		const created = (await run(ml('create', { name: 'Refund', priority: 3, groupName: 'Topics' }))).json()[0];
		expect(created).toMatchObject({ name: 'Refund', priority: 3, group: { id: 2, name: 'Topics' } });
		expect(fake.requestsTo('POST', /message\/labels$/)[0].body).toEqual({ name: 'Refund', priority: 3, group: { name: 'Topics' } });
		const got = await run(ml('get', { labelId: rl(created.id, 'list') }));
		expect(got.json()[0]).toEqual(created);
		const many = await run(ml('getAll', { limit: 2 }));
		expect(many.json()).toHaveLength(2);
		const updated = await run(ml('update', { labelId: rl(created.id), updateFields: { name: 'Refunds' } }));
		expect(updated.json()[0]).toEqual({ id: created.id, name: 'Refunds', groupId: 2, priority: 3, updated: true });
		expect(fake.requestsTo('PUT', /message\/labels\/\d+$/)[0].body).toEqual({ name: 'Refunds', groupId: 2, priority: 3 });
		expect((await run(ml('delete', { labelId: rl(created.id) }))).json()).toEqual([{ deleted: true }]);
		const gone = await run(ml('get', { labelId: rl(created.id) }), [{}], true);
		expect(gone.json()[0].error).toContain('[404 reporter.common.not_found]');
	});

	it('Update with no field and a non-numeric ID fail before any request', async () => {
		const result = await run(ml('update', { labelId: rl('={{ $json.id }}'), updateFields: { name: 'x' } }), [{ id: 'abc' }, { id: 11 }], true);
		expect(result.json()[0].error).toBe('Label must be a number, got "abc" [item 0]');
		expect(result.json()[1]).toMatchObject({ id: 11, name: 'x', updated: true });
	});

	it('Change Priority', async () => {
		await run(ml('changePriority', { priorities: { priority: [{ id: 11, newPriority: 5 }, { id: 12, newPriority: 4 }] } }));
		expect(reporter.messageLabels.get(11)!.priority).toBe(5);
		expect(fake.requestsTo('PUT', /change-priority$/)[0].body).toEqual([{ id: 11, newPriority: 5 }, { id: 12, newPriority: 4 }]);
	});

	it('Create Many sends all items in one request; an invalid item gets its own error', async () => {
		const items = [{ name: 'A' }, { name: '' }, { name: 'C' }];
		const result = await run(ml('createMany', { name: '={{ $json.name }}', priority: 1, groupName: 'New group' }), items, true);
		expect(fake.requestsTo('POST', /by-list$/)).toHaveLength(1);
		expect(fake.requestsTo('POST', /by-list$/)[0].body).toEqual([
			{ name: 'A', priority: 1, group: { name: 'New group' } },
			{ name: 'C', priority: 1, group: { name: 'New group' } },
		]);
		expect(result.json()).toEqual([
			expect.objectContaining({ name: 'A', created: true }),
			expect.objectContaining({ error: 'Name is empty [item 1]' }),
			expect.objectContaining({ name: 'C', created: true }),
		]);
		expect(result.output().map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('Update Many: one request; a platform failure fails every item', async () => {
		const ok = await run(ml('updateMany', { labelId: rl('={{ $json.id }}'), updateFields: { priority: 9 } }), [{ id: 11 }, { id: 12 }]);
		expect(ok.json()).toEqual([{ id: 11, priority: 9, updated: true }, { id: 12, priority: 9, updated: true }]);
		const failed = await run(ml('updateMany', { labelId: rl('={{ $json.id }}'), updateFields: { priority: 1 } }), [{ id: 11 }, { id: 999 }], true);
		expect(failed.json().map((j) => j.error)).toEqual([expect.stringContaining('404'), expect.stringContaining('404')]);
	});

	it('Create Many and Update Many without continueOnFail: an invalid item stops the run before the request', async () => {
		const created = await run(ml('createMany', { name: '={{ $json.name }}', priority: 1, groupName: 'New group' }), [{ name: 'A' }, { name: '' }]);
		expect(created.error?.message).toBe('Name is empty [item 1]');
		const updated = await run(ml('updateMany', { labelId: rl('={{ $json.id }}'), updateFields: { priority: 9 } }), [{ id: 11 }, { id: 'abc' }]);
		expect(updated.error?.message).toBe('Label must be a number, got "abc" [item 1]');
		expect(fake.requestsTo('POST', /by-list$/)).toHaveLength(0);
		expect(fake.requestsTo('PUT', /by-list$/)).toHaveLength(0);
		expect(reporter.messageLabels.get(11)!.priority).not.toBe(9);
	});

	it('a failed by-list request fails the items it carried; an invalid item keeps its own error', async () => {
		fake.inject({ path: /by-list$/, status: 400, body: { error: 'reporter.common.validation_error', message: 'bad list', args: {} } });
		const items = [{ name: 'A' }, { name: '' }, { name: 'C' }];
		const result = await run(ml('createMany', { name: '={{ $json.name }}', priority: 1, groupName: 'New group' }), items, true);
		expect(result.json()).toEqual([
			expect.objectContaining({ error: expect.stringContaining('bad list') }),
			expect.objectContaining({ error: 'Name is empty [item 1]' }),
			expect.objectContaining({ error: expect.stringContaining('bad list') }),
		]);
		expect(result.output().map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('Add to, Remove From (DELETE with a body), Set on Message', async () => {
		await run(ml('addToMessage', { questionId: 'q-3-1', labelId: rl(12) }));
		expect([...reporter.messageLabelLinks.get('q-3-1')!]).toEqual([12]);
		await run(ml('removeFromMessage', { questionId: 'q-3-1', labelId: rl(12) }));
		const del = fake.requestsTo('DELETE', /labels\/logs$/)[0];
		expect(del.body).toEqual({ labelId: 12 });
		expect(del.query.questionId).toBe('q-3-1');
		expect([...reporter.messageLabelLinks.get('q-3-1')!]).toEqual([]);
		const set = await run(ml('setForMessage', { questionId: 'q-3-1', sessionId: 's-3', labelIds: ['11', '13'] }));
		expect(set.json()[0]).toEqual({ questionId: 'q-3-1', sessionId: 's-3', labelIds: [11, 13] });
		expect(fake.requestsTo('POST', /set-by-list$/)[0].body).toEqual([{ labelId: 11 }, { labelId: 13 }]);
		const unknown = await run(ml('addToMessage', { questionId: 'q-3-1', labelId: rl(404) }), [{}], true);
		expect(unknown.json()[0].error).toContain('Label 404 not found');
	});

	it('Bulk Label by IDs or by filters; neither is refused', async () => {
		await run(ml('bulkLabel', { labelIds: [13], comparisonType: 'CONTAINS', objectIds: 'q-1-0, q-2-0' }));
		expect(fake.requestsTo(/logs\/bulk-labeling$/)[0].body).toEqual({ comparisonType: 'CONTAINS', labels: [13], objectIds: ['q-1-0', 'q-2-0'] });
		expect(reporter.messageLabelLinks.get('q-2-0')!.has(13)).toBe(true);
		await run(ml('bulkLabel', { labelIds: [13], comparisonType: 'NOT_CONTAINS', filters: { flag: [{ key: 'WITHOUT_EMPTY_SESSIONS', option: 'YES' }] } }));
		expect(fake.requestsTo(/logs\/bulk-labeling$/)[1].body).toMatchObject({ filters: { filters: [{ key: 'WITHOUT_EMPTY_SESSIONS', type: 'RADIO', option: 'YES' }] } });
		const none = await run(ml('bulkLabel', { labelIds: [13] }), [{}], true);
		expect(none.json()[0].error).toBe('IDs is empty and no filter is set [item 0]');
	});
});

describe('Label Group', () => {
	it('Get, Update (partial), Change Priority, Update Many, Delete', async () => {
		expect((await run(lg('get', { groupId: rl(1, 'list') }))).json()[0]).toEqual({ id: 1, name: 'Quality', priority: 0 });
		expect((await run(lg('update', { groupId: rl(1), updateFields: { priority: 7 } }))).json()[0]).toEqual({ id: 1, name: 'Quality', priority: 7, updated: true });
		await run(lg('changePriority', { priorities: { priority: [{ id: 2, newPriority: 0 }] } }));
		expect(reporter.groups.get(2)!.priority).toBe(0);
		await run(lg('updateMany', { groupId: rl('={{ $json.id }}'), updateFields: { name: '={{ "G" + $json.id }}' } }), [{ id: 1 }, { id: 2 }]);
		expect(fake.requestsTo('PUT', /labels\/groups$/)[0].body).toEqual([{ id: 1, name: 'G1' }, { id: 2, name: 'G2' }]);
		expect((await run(lg('delete', { groupId: rl(2) }))).json()).toEqual([{ deleted: true }]);
		const gone = await run(lg('get', { groupId: rl(2) }), [{}], true);
		expect(gone.json()[0].error).toContain('Group 2 not found');
	});
});

describe('Session Label', () => {
	it('Create, Get, Update, Change Priority, Update Many, Delete', async () => {
		const created = (await run(sl('create', { name: 'VIP', priority: 2 }))).json()[0];
		expect(created).toMatchObject({ name: 'VIP', priority: 2 });
		expect((await run(sl('get', { labelId: rl(created.id) }))).json()[0]).toEqual(created);
		expect((await run(sl('update', { labelId: rl(created.id), updateFields: { name: 'V.I.P.' } }))).json()[0]).toMatchObject({ name: 'V.I.P.', priority: 2 });
		await run(sl('changePriority', { priorities: { priority: [{ id: created.id, newPriority: 0 }] } }));
		await run(sl('updateMany', { labelId: rl('={{ $json.id }}'), updateFields: { priority: 3 } }), [{ id: 21 }, { id: 22 }]);
		expect(reporter.sessionLabels.get(22)!.priority).toBe(3);
		expect((await run(sl('delete', { labelId: rl(created.id) }))).json()).toEqual([{ deleted: true }]);
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
		await run(sl('bulkLabel', { labelIds: ['22'], comparisonType: 'CONTAINS', filters: { period: [{ key: 'SESSION_START_TIME', from: '2026-01-01T00:10:00Z', to: '2026-01-01T00:11:00Z' }] } }));
		expect(reporter.sessionLabelLinks.get('s-10')!.has(22)).toBe(true);
		expect(reporter.sessionLabelLinks.get('s-12')).toBeUndefined();
		const bad = await run(sl('addToSession', { sessionId: 's-5', labelId: rl('x') }), [{}], true);
		expect(bad.json()[0].error).toBe('Session Label must be a number, got "x" [item 0]');
	});
});

describe('Comment', () => {
	it('Add and Delete; deleting a missing comment is a 404', async () => {
		const added = await run({ resource: 'comment', operation: 'add', questionId: 'q-1-1', comment: 'Check this' });
		expect(added.json()[0]).toEqual({ questionId: 'q-1-1', comment: 'Check this', added: true });
		expect(fake.requestsTo('POST', /comments\//)[0].body).toEqual({ questionId: 'q-1-1', comment: 'Check this' });
		expect(reporter.comments.get('q-1-1')).toBe('Check this');
		expect((await run({ resource: 'comment', operation: 'delete', questionId: 'q-1-1' })).json()).toEqual([{ deleted: true }]);
		const again = await run({ resource: 'comment', operation: 'delete', questionId: 'q-1-1' }, [{}], true);
		expect(again.json()[0].error).toContain('404');
	});
});
