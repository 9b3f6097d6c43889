import { ref, type Ref } from 'vue';

/**
 * Requests of which only the latest counts: when an older one answers after a newer one was
 * sent (a slow page 1 after page 2, the previous org after the next), its answer or error is
 * dropped. `loading` stays true until the latest one has answered.
 */
export function useLatestRequest() {
  let latest = 0;
  const loading = ref(false);
  const error = ref<unknown>(null);

  /** Sends `request` and hands its result to `apply`, unless a newer request was sent since. */
  async function run<R>(request: () => Promise<R>, apply: (result: R) => void): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const result = await request();
      if (ticket === latest) apply(result);
    } catch (failure) {
      if (ticket === latest) error.value = failure;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  return { loading, error, run };
}

/**
 * One thing a page shows (a task node, a bulletin, an org's coverage …), fetched again by `load`:
 * the latest load wins, and after a failed one `value` is null rather than the previous thing.
 */
export function useLoaded<T>(fetch: () => Promise<T>) {
  const value = ref(null) as Ref<T | null>;
  const { loading, error, run } = useLatestRequest();

  async function load(): Promise<void> {
    await run(fetch, (result) => (value.value = result));
    if (error.value !== null) value.value = null;
  }

  return { value, loading, error, load };
}
