import { ref, watch, type Ref } from 'vue';

/**
 * The options of a select that picks among one org's own records (its task nodes, the supervisions
 * it received): loaded when the org is chosen, emptied without one, and only the answer for the
 * org chosen last is kept. A change of org clears `value`, which named a record of the old org.
 * A failed load leaves no options: such links are optional.
 */
export function useOptionsOfOrg<T>(
  orgId: () => number | null,
  value: Ref<number | null | undefined>,
  load: (orgId: number) => Promise<T[]>,
) {
  const options = ref([]) as Ref<T[]>;
  const loading = ref(false);
  let askedFor: number | null = null;

  watch(
    orgId,
    async (id, before) => {
      if (before !== undefined && id !== before) value.value = null;
      askedFor = id;
      options.value = [];
      if (id === null) return;
      loading.value = true;
      try {
        const found = await load(id);
        if (askedFor === id) options.value = found;
      } catch {
        // Nothing to pick.
      } finally {
        if (askedFor === id) loading.value = false;
      }
    },
    { immediate: true },
  );

  return { options, loading };
}
