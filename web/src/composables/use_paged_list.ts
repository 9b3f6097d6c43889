import { ref, type Ref } from 'vue';

/** One page of a list as the API returns it. */
export interface ListPage<T> {
  items: T[];
  total: number;
}

/**
 * The state of a paged, filtered list page (members, units …): the current page, its rows, the
 * total, loading and the last error. `fetchPage` asks the API for one page with the current filters.
 */
export function usePagedList<T>(
  fetchPage: (page: number, pageSize: number) => Promise<ListPage<T>>,
  pageSize: number,
) {
  const page = ref(1);
  const items = ref([]) as Ref<T[]>;
  const total = ref(0);
  const loading = ref(false);
  const loadError = ref<unknown>(null);

  /** Loads the current page again (after an edit, say). */
  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      const result = await fetchPage(page.value, pageSize);
      items.value = result.items;
      total.value = result.total;
    } catch (error) {
      loadError.value = error;
    } finally {
      loading.value = false;
    }
  }

  /** New filters: back to the first page. */
  function search(): void {
    page.value = 1;
    void load();
  }

  function onPage(next: number): void {
    page.value = next;
    void load();
  }

  return { page, items, total, loading, loadError, load, search, onPage };
}
