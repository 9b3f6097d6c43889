import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listNeeds, type Need } from '@/api/cobuild_list';
import { getOrg } from '@/api/org';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { anOrg, cityAdmin } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import NeedListPage from './NeedListPage.vue';

vi.mock('@/api/cobuild_list', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/cobuild_list')>()),
  listNeeds: vi.fn(),
}));
vi.mock('@/api/org', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org')>()),
  getOrg: vi.fn(),
}));

const cityReader: User = { ...cityAdmin, permissions: [...cityAdmin.permissions, 'cobuild:read'] };

function aNeed(overrides: Partial<Need> = {}): Need {
  return {
    id: 3,
    org: { id: 6, name: '和平里社区' },
    need_kind: 'need',
    category: 'venue',
    tags: ['老年人'],
    title: '老年人棋牌活动需要场地',
    description: '每周两次',
    beneficiaries: '社区老年人',
    beneficiary_count: 30,
    wanted_by: '2026-12-20',
    status: 'open',
    project_id: null,
    matched_on: null,
    closed_on: null,
    created_at: '2026-11-01T02:00:00Z',
    ...overrides,
  };
}

async function mountPage(path: string) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: cityReader, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(NeedListPage, '/cobuild/needs', path, plugins);
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(getOrg)
    .mockReset()
    .mockResolvedValue(anOrg({ id: 12, name: '胜利街道', level: 'street' }));
  vi.mocked(listNeeds)
    .mockReset()
    .mockResolvedValue({ items: [aNeed()], total: 4, page: 1, page_size: 20 });
});

describe('NeedListPage', () => {
  it('lists the needs of the user’s own org, of every status, by default', async () => {
    const { wrapper } = await mountPage('/cobuild/needs');

    expect(listNeeds).toHaveBeenCalledWith({
      org: 1,
      status: undefined,
      kind: undefined,
      q: undefined,
      page: 1,
      page_size: 20,
    });
    expect(getOrg).not.toHaveBeenCalled();
    expect(wrapper.get('[data-test="need-link"]').text()).toBe('老年人棋牌活动需要场地');
    wrapper.unmount();
  });

  it('takes the org and the status of an overview figure from the query', async () => {
    const { wrapper } = await mountPage('/cobuild/needs?org=12&status=matched');

    expect(listNeeds).toHaveBeenCalledTimes(1);
    expect(listNeeds).toHaveBeenCalledWith(
      expect.objectContaining({ org: 12, status: 'matched', kind: undefined, page: 1 }),
    );
    expect(wrapper.get('[data-test="need-filter-org"]').text()).toContain('胜利街道');
    expect(wrapper.get('[data-test="need-status-filter"]').text()).toContain('已对接');
    expect(wrapper.get('[data-test="need-total"]').text()).toBe('共 4 项需求');
    wrapper.unmount();
  });

  it('ignores a status it does not know', async () => {
    const { wrapper } = await mountPage('/cobuild/needs?org=abc&status=lost');

    expect(listNeeds).toHaveBeenCalledWith(expect.objectContaining({ org: 1, status: undefined }));
    wrapper.unmount();
  });
});
