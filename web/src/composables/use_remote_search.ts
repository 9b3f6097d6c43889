import { ref, watch, type Ref } from 'vue';

/**
 * The options of a search-as-you-type select (OrgPicker, UnitPicker): `search` asks `find` for
 * the typed text, and only the answer to the latest text is shown (an older one that comes late
 * is dropped; an empty text keeps the options). `initial` names the current value, which the
 * search may not have returned.
 */
export function useRemoteSearch<T extends { id: number }>(
  find: (text: string) => Promise<T[]>,
  initial: () => T | null | undefined,
) {
  const first = initial();
  const options = ref(first ? [first] : []) as Ref<T[]>;
  const loading = ref(false);
  let latestText = '';

  watch(initial, (value) => {
    if (value && !options.value.some((option) => option.id === value.id)) {
      options.value = [value, ...options.value];
    }
  });

  async function search(query: string): Promise<void> {
    const text = query.trim();
    latestText = text;
    if (text === '') return;
    loading.value = true;
    try {
      const found = await find(text);
      if (latestText === text) options.value = found;
    } catch {
      if (latestText === text) options.value = [];
    } finally {
      if (latestText === text) loading.value = false;
    }
  }

  return { options, loading, search };
}
