import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportAuditLog, listAuditLog, verifyAuditLog, type AuditRecord } from '@/api/audit';
import { useSessionStore } from '@/stores/session';
import { auditAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import AuditLogPage from './AuditLogPage.vue';

vi.mock('@/api/audit', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/audit')>()),
  listAuditLog: vi.fn(),
  exportAuditLog: vi.fn(),
  verifyAuditLog: vi.fn(),
}));
vi.mock('@/models/workbook', () => ({ saveFile: vi.fn() }));

const denied: AuditRecord = {
  id: 42,
  // 2025-03-01 02:05 UTC, 10:05 in China.
  at: Date.UTC(2025, 2, 1, 2, 5) / 1000,
  user_id: 3,
  username: 'street.admin',
  org_id: 5,
  org_name: '和平街道',
  action: 'access.denied',
  target_kind: 'request',
  target_id: null,
  result: 'denied',
  remote_address: '127.0.0.1',
  request_id: 'req-9',
  detail: 'GET /api/v1/users auth.permission_denied',
};

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: auditAdmin, csrfToken: 'csrf', restored: true });
  const wrapper = mount(AuditLogPage, { global: { plugins }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(listAuditLog)
    .mockReset()
    .mockResolvedValue({ items: [denied], total: 1, page: 1, page_size: 50 });
  vi.mocked(exportAuditLog).mockReset();
  vi.mocked(verifyAuditLog).mockReset();
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('AuditLogPage', () => {
  it('shows a row in China time with the action and result in Chinese', async () => {
    const wrapper = await mountPage();

    expect(listAuditLog).toHaveBeenCalledWith({ page: 1, page_size: 50 });
    expect(wrapper.get('[data-test="audit-time"]').text()).toBe('2025-03-01 10:05');
    expect(wrapper.get('[data-test="audit-action"]').text()).toBe('越权拒绝');
    expect(wrapper.get('[data-test="audit-result"]').text()).toBe('拒绝');
    expect(wrapper.get('[data-test="audit-detail"]').text()).toContain('/api/v1/users');
    wrapper.unmount();
  });

  it('exports with the filters of the rows on screen', async () => {
    vi.mocked(exportAuditLog).mockResolvedValue({
      blob: new Blob(['PK']),
      fileName: 'audit-log.xlsx',
    });
    const wrapper = await mountPage();

    await wrapper.get('[data-test="audit-filter-username"]').setValue('street.admin');
    await wrapper.get('[data-test="audit-search"]').trigger('click');
    await flushPromises();
    expect(listAuditLog).toHaveBeenLastCalledWith(
      expect.objectContaining({ username: 'street.admin', page: 1 }),
    );
    // Typed but not searched: not part of the export.
    await wrapper.get('[data-test="audit-filter-username"]').setValue('someone.else');
    await wrapper.get('[data-test="audit-export"]').trigger('click');
    await flushPromises();

    expect(exportAuditLog).toHaveBeenCalledWith(
      expect.objectContaining({ username: 'street.admin' }),
    );
    wrapper.unmount();
  });

  it('reports an intact chain, and the first broken row of a tampered one', async () => {
    vi.mocked(verifyAuditLog).mockResolvedValueOnce({
      intact: true,
      rows: 120,
      broken_at: null,
      reason: '',
    });
    const wrapper = await mountPage();

    await wrapper.get('[data-test="audit-verify"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test="audit-verify-result"]').text()).toContain('120 条');

    vi.mocked(verifyAuditLog).mockResolvedValueOnce({
      intact: false,
      rows: 120,
      broken_at: 57,
      reason: 'hash mismatch',
    });
    await wrapper.get('[data-test="audit-verify"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test="audit-verify-result"]').text()).toContain('第 57 条');
    wrapper.unmount();
  });
});
