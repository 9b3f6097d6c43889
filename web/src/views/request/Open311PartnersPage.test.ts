import { DOMWrapper, flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createOpen311Partner,
  listOpen311Partners,
  revokeOpen311Partner,
  type Open311Partner,
} from '@/api/request';
import { useSessionStore } from '@/stores/session';
import { cityAdmin } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import Open311PartnersPage from './Open311PartnersPage.vue';

vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  createOpen311Partner: vi.fn(),
  listOpen311Partners: vi.fn(),
  revokeOpen311Partner: vi.fn(),
}));

const GRID: Open311Partner = {
  id: 1,
  name: '东城区网格化管理平台',
  org: { id: 2, name: '东城区' },
  username: 'open311.a1b2c3',
  key_hint: 'Xy7_ab',
  created_at: '2026-11-12T01:00:00Z',
  last_used_at: '2026-12-01T02:30:00Z',
  revoked_at: null,
  revoke_reason: '',
  request_count: 2,
};

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({
    user: { ...cityAdmin, permissions: [...cityAdmin.permissions, 'open311:manage'] },
    csrfToken: 'csrf',
    restored: true,
  });
  const { wrapper } = await mountAtRoute(
    Open311PartnersPage,
    '/open311-partners',
    '/open311-partners',
    plugins,
  );
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(listOpen311Partners).mockReset().mockResolvedValue([GRID]);
  vi.mocked(createOpen311Partner).mockReset();
  vi.mocked(revokeOpen311Partner).mockReset();
});

describe('Open311PartnersPage', { timeout: 30_000 }, () => {
  it('lists the partners with their key hint, what they filed and their state, and never a key', async () => {
    const wrapper = await mountPage();

    const table = wrapper.find('[data-test="open311-partners"]').text();
    expect(table).toContain('东城区网格化管理平台');
    expect(table).toContain('Xy7_ab…');
    expect(table).toContain('使用中');
    expect(wrapper.find('[data-test="open311-api-key"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="open311-endpoint"]').text()).toMatch(/\/open311\/v2\/$/);
  });

  it('revokes a key with the reason given', async () => {
    vi.mocked(revokeOpen311Partner).mockResolvedValue({
      ...GRID,
      revoked_at: '2026-12-02T03:00:00Z',
      revoke_reason: '更换平台',
    });
    const wrapper = await mountPage();

    await wrapper.find('[data-test="open311-revoke-1"]').trigger('click');
    await flushPromises();
    // The dialog is teleported to the page's body.
    const body = new DOMWrapper(document.body);
    await body.get('[data-test="open311-revoke-input"]').setValue('更换平台');
    await body.get('[data-test="open311-revoke-submit"]').trigger('click');
    await flushPromises();

    expect(revokeOpen311Partner).toHaveBeenCalledWith(1, '更换平台');
    expect(listOpen311Partners).toHaveBeenCalledTimes(2);
  });
});
