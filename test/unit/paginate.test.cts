import { paginate } from '../../nodes/common/paginate';

function listApi(total: number, options: { ignorePage?: boolean } = {}) {
	const calls: Array<{ page: number; size: number; offset: number }> = [];
	const all = Array.from({ length: total }, (_v, n) => ({ n }));
	const fetchPage = async (page: number, size: number, offset: number) => {
		calls.push({ page, size, offset });
		const start = options.ignorePage ? 0 : page * size;
		return { items: all.slice(start, start + size), total };
	};
	return { fetchPage, calls };
}

describe('paginate', () => {
	it('returns everything with Return All, at the largest page size', async () => {
		const { fetchPage, calls } = listApi(450);
		const items = await paginate(fetchPage, { pageSize: 200 });
		expect(items).toHaveLength(450);
		expect(calls.map((c) => c.page)).toEqual([0, 1, 2]);
		expect(calls.every((c) => c.size === 200)).toBe(true);
	});

	it('stops at the limit without asking for pages it does not need', async () => {
		const { fetchPage, calls } = listApi(1000);
		const items = await paginate(fetchPage, { pageSize: 200, limit: 250 });
		expect(items).toHaveLength(250);
		expect(calls).toHaveLength(2);
	});

	it('stops when the total is reached on a full page', async () => {
		const { fetchPage, calls } = listApi(400);
		await paginate(fetchPage, { pageSize: 200 });
		expect(calls).toHaveLength(2);
	});

	it('stops on an empty list', async () => {
		const { fetchPage, calls } = listApi(0);
		expect(await paginate(fetchPage, { pageSize: 50 })).toEqual([]);
		expect(calls).toHaveLength(1);
	});

	it('guards against a server that ignores the page parameter', async () => {
		const { fetchPage, calls } = listApi(500, { ignorePage: true });
		const fetchWithoutTotal = async (p: number, s: number, o: number) => ({
			items: (await fetchPage(p, s, o)).items,
		});
		const items = await paginate(fetchWithoutTotal, { pageSize: 100 });
		expect(items).toHaveLength(100);
		expect(calls).toHaveLength(2);
	});

	it('has a hard cap on pages', async () => {
		let calls = 0;
		const endless = async (page: number) => ({ items: [{ page }], last: false });
		await paginate(async (p) => (calls++, endless(p)), { pageSize: 1, maxPages: 5 });
		expect(calls).toBe(5);
	});
});
