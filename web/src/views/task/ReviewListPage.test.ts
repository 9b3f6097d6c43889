import { flushPromises } from '@vue/test-utils';
import { ElMessageBox, type MessageBoxData } from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptReport, listReviews, returnReport } from '@/api/task';
import { useSessionStore } from '@/stores/session';
import { anAssignment, aReport, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import ReviewListPage from './ReviewListPage.vue';

vi.mock('@/api/task', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/task')>()),
  listReviews: vi.fn(),
  acceptReport: vi.fn(),
  returnReport: vi.fn(),
}));

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: streetStaff, csrfToken: 'csrf', restored: true });
  const { wrapper } = await mountAtRoute(ReviewListPage, '/reviews', '/reviews', plugins);
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(listReviews).mockReset();
  vi.mocked(acceptReport).mockReset();
  vi.mocked(returnReport).mockReset();
  vi.mocked(listReviews).mockResolvedValue({
    items: [{ report: aReport(), assignment: anAssignment({ state: 'reported' }) }],
    total: 1,
    page: 1,
    page_size: 20,
  });
});

describe('ReviewListPage', () => {
  it('lists pending reports with their evidence and a link to the node', async () => {
    const wrapper = await mountPage();

    expect(listReviews).toHaveBeenCalledWith({ page: 1, page_size: 20 });
    expect(wrapper.get('[data-test="review-link"]').attributes('href')).toBe(
      '/tasks/assignments/12',
    );
    expect(wrapper.get('[data-test="review-percent"]').text()).toBe('60%');
    expect(wrapper.get('[data-test="attachment-link"]').attributes('href')).toBe(
      '/api/v1/attachments/77',
    );
    wrapper.unmount();
  });

  it('accepts after confirming and lists again', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as unknown as MessageBoxData);
    vi.mocked(acceptReport).mockResolvedValue(aReport({ state: 'accepted' }));
    const wrapper = await mountPage();

    await wrapper.get('[data-test="report-accept"]').trigger('click');
    await flushPromises();

    expect(acceptReport).toHaveBeenCalledWith(41);
    expect(listReviews).toHaveBeenCalledTimes(2);
    wrapper.unmount();
  });

  it('does nothing when the confirmation is cancelled', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel');
    const wrapper = await mountPage();

    await wrapper.get('[data-test="report-accept"]').trigger('click');
    await flushPromises();

    expect(acceptReport).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('returns with the reason given', async () => {
    vi.mocked(returnReport).mockResolvedValue(aReport({ state: 'returned' }));
    const wrapper = await mountPage();

    await wrapper.get('[data-test="report-return"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="reason-input"]').setValue('照片不清晰');
    await wrapper.get('[data-test="reason-submit"]').trigger('click');
    await flushPromises();

    expect(returnReport).toHaveBeenCalledWith(41, '照片不清晰');
    wrapper.unmount();
  });
});
