import { ElMessage } from 'element-plus';
import { reactive, ref, type Ref } from 'vue';
import type { DownloadedFile, Page, Paging } from '@/api/client';
import { useErrorMessage } from '@/locales/error_message';
import { saveFile } from '@/models/workbook';
import { useLatestRequest } from './use_latest_request';

export interface ListPageOptions<T, F extends object> {
  /** Asks the API for one page with the current filters. */
  fetch: (paging: Required<Paging>, filters: F) => Promise<Pick<Page<T>, 'items' | 'total'>>;
  /** The filters' starting values; `reset` goes back to them. */
  filters?: () => F;
  /** Rows per page; 20 unless given. */
  pageSize?: number;
  /** False for a list the server sends whole (no pager is shown). */
  paged?: boolean;
  /** The whole filtered list as a file the server makes (export). */
  exportFile?: (filters: F) => Promise<DownloadedFile>;
  /** The file name to save an export under when the server names none. */
  exportName?: string;
}

/**
 * The state of a filtered, paged list page (members, units, tasks …): the filters, the current
 * page, its rows and the total, loading and the last error, and the export. Only the latest
 * request's answer is shown: a slow answer to an older one is dropped.
 */
export function useListPage<T, F extends object = Record<string, never>>(
  options: ListPageOptions<T, F>,
) {
  const initialFilters = options.filters ?? (() => ({}) as F);
  const filters = reactive(initialFilters()) as F;
  const pageSize = options.pageSize ?? 20;
  const page = ref(1);
  const items = ref([]) as Ref<T[]>;
  const total = ref(0);
  const { loading, error: loadError, run } = useLatestRequest();
  const exporting = ref(false);
  const toMessage = options.exportFile ? useErrorMessage() : null;

  /** Loads the current page again (after an edit, say). */
  function load(): Promise<void> {
    return run(
      () => options.fetch({ page: page.value, page_size: pageSize }, filters),
      (result) => {
        items.value = result.items;
        total.value = result.total;
      },
    ).then(() => {
      // Rows of other filters or another page would pass for the ones asked for.
      if (loadError.value !== null) clear();
    });
  }

  /** No rows (a list about to be shown for something else). */
  function clear(): void {
    items.value = [];
    total.value = 0;
  }

  /** New filters: back to the first page. */
  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  /** The filters as they started, and the first page. */
  function reset(): Promise<void> {
    Object.assign(filters, initialFilters());
    return search();
  }

  function onPage(next: number): Promise<void> {
    page.value = next;
    return load();
  }

  /** Saves the filtered list as the server exports it; false when it failed (shown as a message). */
  async function exportList(): Promise<boolean> {
    if (!options.exportFile) return false;
    exporting.value = true;
    try {
      const file = await options.exportFile(filters);
      saveFile(file.blob, file.fileName ?? options.exportName ?? 'export.xlsx');
      return true;
    } catch (error) {
      ElMessage.error(toMessage?.(error) ?? String(error));
      return false;
    } finally {
      exporting.value = false;
    }
  }

  return {
    filters,
    page,
    pageSize,
    paged: options.paged ?? true,
    items,
    total,
    loading,
    loadError,
    load,
    search,
    reset,
    onPage,
    clear,
    exporting,
    exportList,
  };
}

/** What useListPage returns, for components that show a part of it. */
export type ListPageState<T = unknown> = Pick<
  ReturnType<typeof useListPage<T>>,
  'page' | 'pageSize' | 'paged' | 'items' | 'total' | 'loading' | 'loadError' | 'onPage'
>;
