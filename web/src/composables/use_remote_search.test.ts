import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useLoaded } from './use_latest_request';
import { useRemoteSearch } from './use_remote_search';

type Option = { id: number; name: string };

describe('useRemoteSearch', () => {
  it('shows the options for the latest text when an older search answers last', async () => {
    let answerShort!: (options: Option[]) => void;
    const find = vi
      .fn<(text: string) => Promise<Option[]>>()
      .mockReturnValueOnce(new Promise((resolve) => (answerShort = resolve)))
      .mockResolvedValueOnce([{ id: 5, name: '和平街道' }]);
    const picker = useRemoteSearch(find, () => null);

    void picker.search('和');
    await picker.search('和平');
    answerShort([{ id: 9, name: '和顺社区' }]);
    await flushPromises();

    expect(picker.options.value).toEqual([{ id: 5, name: '和平街道' }]);
    expect(picker.loading.value).toBe(false);
  });

  it('starts with the current value among the options', () => {
    const picker = useRemoteSearch(vi.fn(), () => ({ id: 5, name: '和平街道' }));
    expect(picker.options.value).toEqual([{ id: 5, name: '和平街道' }]);
  });
});

describe('useLoaded', () => {
  it('keeps the latest answer and shows nothing stale after a failure', async () => {
    let answerOld!: (value: string) => void;
    const fetch = vi
      .fn<() => Promise<string>>()
      .mockReturnValueOnce(new Promise((resolve) => (answerOld = resolve)))
      .mockResolvedValueOnce('new')
      .mockRejectedValueOnce(new Error('down'));
    const loaded = useLoaded(fetch);

    void loaded.load();
    await loaded.load();
    answerOld('old');
    await flushPromises();
    expect(loaded.value.value).toBe('new');

    await loaded.load();
    expect(loaded.value.value).toBeNull();
    expect(loaded.error.value).toBeInstanceOf(Error);
  });
});
