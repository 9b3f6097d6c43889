import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { useOptionsOfOrg } from './use_options_of_org';

describe('useOptionsOfOrg', () => {
  it("loads the chosen org's options, keeps only the latest answer and clears a stale pick", async () => {
    const orgId = ref<number | null>(null);
    const value = ref<number | null>(null);
    const answers = new Map<number, (items: string[]) => void>();
    const { options, loading } = useOptionsOfOrg(
      () => orgId.value,
      value,
      (id) => new Promise<string[]>((resolve) => answers.set(id, resolve)),
    );
    expect(options.value).toEqual([]);

    orgId.value = 5;
    await flushPromises();
    value.value = 51;
    orgId.value = 6; // before 5 answers
    await flushPromises();
    expect(value.value).toBeNull();
    answers.get(5)?.(['old']);
    await flushPromises();
    expect(options.value).toEqual([]);
    expect(loading.value).toBe(true);
    answers.get(6)?.(['new']);
    await flushPromises();
    expect(options.value).toEqual(['new']);
    expect(loading.value).toBe(false);
  });
});
