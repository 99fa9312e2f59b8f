import { NodeApiError, type INode } from 'n8n-workflow';

import { paginate, type Page } from '../../nodes/common/paginate';

const node = {
	name: 'Tovie',
	type: 'tovie',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;
const list = 'things';

/** A list of `total` items; `clamp` serves at most that many per page (saying so when `says`). */
function listApi(
	total: number,
	options: { ignorePage?: boolean; clamp?: number; says?: boolean; noTotal?: boolean } = {},
) {
	const calls: Array<{ page: number; size: number; offset: number }> = [];
	const all = Array.from({ length: total }, (_v, n) => ({ n }));
	const fetchPage = async (page: number, size: number, offset: number): Promise<Page<object>> => {
		calls.push({ page, size, offset });
		const served = Math.min(size, options.clamp ?? size);
		const start = options.ignorePage ? 0 : page * served;
		return {
			items: all.slice(start, start + served),
			total: options.noTotal ? undefined : total,
			size: options.says ? served : undefined,
		};
	};
	return { fetchPage, calls };
}

describe('paginate', () => {
	it('returns everything with Return All, at the largest page size', async () => {
		const { fetchPage, calls } = listApi(450);
		const items = await paginate(fetchPage, { pageSize: 200, list, node });
		expect(items).toHaveLength(450);
		expect(calls.map((c) => c.page)).toEqual([0, 1, 2]);
		expect(calls.every((c) => c.size === 200)).toBe(true);
	});

	it('stops at the limit without asking for pages it does not need', async () => {
		const { fetchPage, calls } = listApi(1000);
		const items = await paginate(fetchPage, { pageSize: 200, limit: 250, list, node });
		expect(items).toHaveLength(250);
		expect(calls).toHaveLength(2);
	});

	it('asks no more than the limit when it is below a page', async () => {
		const { fetchPage, calls } = listApi(1000);
		expect(await paginate(fetchPage, { pageSize: 200, limit: 3, list, node })).toHaveLength(3);
		expect(calls).toEqual([{ page: 0, size: 3, offset: 0 }]);
	});

	it('stops when the total is reached on a full page', async () => {
		const { fetchPage, calls } = listApi(400);
		await paginate(fetchPage, { pageSize: 200, list, node });
		expect(calls).toHaveLength(2);
	});

	it('stops on an empty list', async () => {
		const { fetchPage, calls } = listApi(0);
		expect(await paginate(fetchPage, { pageSize: 50, list, node })).toEqual([]);
		expect(calls).toHaveLength(1);
	});

	it.each([
		['says the size it used', true],
		['says nothing', false],
	])('follows a server that clamps the page size and %s', async (_name, says) => {
		const { fetchPage, calls } = listApi(500, { clamp: 100, says });
		expect(await paginate(fetchPage, { pageSize: 1000, list, node })).toHaveLength(500);
		expect(calls.map((c) => [c.page, c.size])).toEqual([
			[0, 1000],
			[1, 100],
			[2, 100],
			[3, 100],
			[4, 100],
		]);
		const limited = listApi(500, { clamp: 100, says });
		const items = await paginate(limited.fetchPage, { pageSize: 1000, limit: 250, list, node });
		expect(items).toEqual(Array.from({ length: 250 }, (_v, n) => ({ n })));
	});

	it('follows offsets from where the server got to', async () => {
		const { fetchPage, calls } = listApi(500, { clamp: 100 });
		const byOffset = async (_p: number, size: number, offset: number) => {
			const page = await fetchPage(offset / 100, size, offset);
			return page;
		};
		expect(await paginate(byOffset, { pageSize: 1000, by: 'offset', list, node })).toHaveLength(
			500,
		);
		expect(calls.map((c) => c.offset)).toEqual([0, 100, 200, 300, 400]);
	});

	it('fails, naming the list and the counts, when pages end before the total', async () => {
		const lying = async (page: number) => ({ items: page === 0 ? [{ n: 0 }] : [], total: 500 });
		await expect(paginate(lying, { pageSize: 1, list, node })).rejects.toThrow(
			'The things came back incomplete: 1 of 500 items, then an empty page',
		);
		await expect(paginate(lying, { pageSize: 1, list, node })).rejects.toBeInstanceOf(NodeApiError);
	});

	it('fails on a repeated page before the total', async () => {
		const { fetchPage } = listApi(500, { ignorePage: true });
		await expect(paginate(fetchPage, { pageSize: 100, list, node })).rejects.toThrow(
			'100 of 500 items, then the same page again',
		);
	});

	it('without a total, ends on a repeated page (a server ignoring the paging)', async () => {
		const { fetchPage, calls } = listApi(500, { ignorePage: true, noTotal: true });
		expect(await paginate(fetchPage, { pageSize: 100, list, node })).toHaveLength(100);
		expect(calls).toHaveLength(2);
	});

	it('without a total, a page shorter than the answered size ends the list', async () => {
		const { fetchPage, calls } = listApi(250, { clamp: 100, says: true, noTotal: true });
		expect(await paginate(fetchPage, { pageSize: 200, list, node })).toHaveLength(250);
		expect(calls.map((c) => c.size)).toEqual([200, 100, 100]);
	});

	it('fails past the last page the API serves', async () => {
		const endless = async (page: number) => ({ items: [{ page }], last: false });
		await expect(paginate(endless, { pageSize: 1, maxPages: 5, list, node })).rejects.toThrow(
			'more than 5 pages',
		);
	});

	it('fails on uneven pages it cannot address by number', async () => {
		const uneven = async (page: number) => ({
			items: page === 0 ? [1, 2, 3] : [4, 5],
			total: 10,
		});
		await expect(paginate(uneven, { pageSize: 3, list, node })).rejects.toThrow(
			'a page of 2 ended after 5 of 10 items',
		);
	});
});
