import { describe, expect, it, vi } from 'vitest';

import { usePagedList } from './use_paged_list';

describe('usePagedList', () => {
  it('loads the asked page and goes back to the first on a new search', async () => {
    const fetchPage = vi.fn(async (page: number, size: number) => ({
      items: [`row ${page}/${size}`],
      total: 41,
    }));
    const list = usePagedList(fetchPage, 20);
    list.onPage(3);
    await vi.waitFor(() => expect(list.items.value).toEqual(['row 3/20']));
    expect(list.total.value).toBe(41);
    list.search();
    await vi.waitFor(() => expect(list.items.value).toEqual(['row 1/20']));
    expect(list.page.value).toBe(1);
  });

  it('keeps the error and stops loading when the API fails', async () => {
    const failure = new Error('down');
    const list = usePagedList(() => Promise.reject(failure), 20);
    await list.load();
    expect(list.loadError.value).toBe(failure);
    expect(list.loading.value).toBe(false);
  });
});
