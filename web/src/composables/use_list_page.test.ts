import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useListPage } from './use_list_page';

/** A promise the test settles when it chooses, to answer requests out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('useListPage', () => {
  it('asks for the page in pages and goes back to the first on a new search', async () => {
    const fetch = vi.fn(async ({ page, page_size }: { page: number; page_size: number }) => ({
      items: [`row ${page}/${page_size}`],
      total: 41,
    }));
    const list = useListPage({ fetch });

    await list.onPage(3);
    expect(list.items.value).toEqual(['row 3/20']);
    expect(list.total.value).toBe(41);
    await list.search();
    expect(list.items.value).toEqual(['row 1/20']);
    expect(list.page.value).toBe(1);
  });

  it('shows the newer page when the older answer arrives last', async () => {
    const first = deferred<{ items: string[]; total: number }>();
    const second = deferred<{ items: string[]; total: number }>();
    const fetch = vi.fn().mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const list = useListPage<string>({ fetch });

    void list.onPage(1);
    void list.onPage(2);
    second.resolve({ items: ['page 2'], total: 30 });
    await flushPromises();
    first.resolve({ items: ['page 1'], total: 25 });
    await flushPromises();

    expect(list.items.value).toEqual(['page 2']);
    expect(list.total.value).toBe(30);
    expect(list.loading.value).toBe(false);
  });

  it('keeps loading until the newest answers, and ignores an older failure', async () => {
    const older = deferred<{ items: string[]; total: number }>();
    const newer = deferred<{ items: string[]; total: number }>();
    const fetch = vi.fn().mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise);
    const list = useListPage<string>({ fetch });

    void list.load();
    void list.search();
    older.reject(new Error('slow and failed'));
    await flushPromises();
    expect(list.loading.value).toBe(true);
    expect(list.loadError.value).toBeNull();

    newer.resolve({ items: ['fresh'], total: 1 });
    await flushPromises();
    expect(list.items.value).toEqual(['fresh']);
    expect(list.loading.value).toBe(false);
  });

  it('keeps the error, shows no stale rows and stops loading when the API fails', async () => {
    const failure = new Error('down');
    const fetch = vi
      .fn()
      .mockResolvedValueOnce({ items: ['page 1'], total: 30 })
      .mockRejectedValueOnce(failure);
    const list = useListPage<string>({ fetch });
    await list.load();
    await list.onPage(2);
    expect(list.loadError.value).toBe(failure);
    expect(list.items.value).toEqual([]);
    expect(list.loading.value).toBe(false);
  });

  it('sends the filters and puts them back on reset', async () => {
    const fetch = vi.fn(async () => ({ items: [], total: 0 }));
    const list = useListPage({ fetch, filters: () => ({ q: '', org: 5 }), pageSize: 50 });

    list.filters.q = '王';
    await list.onPage(2);
    expect(fetch).toHaveBeenLastCalledWith({ page: 2, page_size: 50 }, { q: '王', org: 5 });
    await list.reset();
    expect(fetch).toHaveBeenLastCalledWith({ page: 1, page_size: 50 }, { q: '', org: 5 });
  });
});
