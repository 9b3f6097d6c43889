import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listRequests } from '@/api/request';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import RequestQueuePage from './RequestQueuePage.vue';
import { aRequest, communityHandler, hotlineOperator } from './request_fixtures';

vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  listRequests: vi.fn(),
}));

async function mountPage(user: User, path = '/requests') {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(RequestQueuePage, '/requests', path, plugins);
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(listRequests)
    .mockReset()
    .mockResolvedValue({
      items: [
        aRequest({ late: { sign_for: true, contact: true, resolution: false } }),
        aRequest({ id: 32, title: '楼道灯损坏', arrived_by_return: true }),
      ],
      total: 2,
      page: 1,
      page_size: 20,
    });
});

describe('RequestQueuePage', () => {
  it("opens an owner's queue to sign for, with each row's late clocks, owner and category", async () => {
    const { wrapper } = await mountPage(communityHandler);

    expect(listRequests).toHaveBeenCalledWith({ queue: 'to_sign', page: 1, page_size: 20 });
    const tabs = wrapper.findAll('[data-test^="request-queue-"]').map((tab) => tab.text());
    expect(tabs).toEqual(['待签收', '办理中', '已超时', '被退回', '延期待审', '辖区工单']);
    const rows = wrapper.findAll('.el-table__body-wrapper tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.find('[data-test="request-late-sign_for"]').text()).toBe('签收超时');
    expect(rows[0]!.find('[data-test="request-late-contact"]').text()).toBe('联系超时');
    expect(rows[0]!.text()).toContain('和平里社区');
    expect(rows[0]!.text()).toContain('楼道垃圾未清运');
    expect(rows[1]!.text()).toContain('未超时');
    expect(rows[1]!.text()).toContain('经退回转来');
    // Only first receivers take requests.
    expect(wrapper.find('[data-test="request-new-link"]').exists()).toBe(false);
  });

  it('gives the hotline its own queues and keeps the chosen one in the address', async () => {
    const { wrapper, router } = await mountPage(hotlineOperator, '/requests?queue=to_rate');

    expect(listRequests).toHaveBeenLastCalledWith({ queue: 'to_rate', page: 1, page_size: 20 });
    const tabs = wrapper.findAll('[data-test^="request-queue-"]').map((tab) => tab.text());
    expect(tabs).toEqual(['待回访', '辖区工单', '已受理']);
    expect(wrapper.find('[data-test="request-new-link"]').exists()).toBe(true);

    await wrapper.get('[data-test="request-queue-taken"] input').setValue(true);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ queue: 'taken' });
    expect(listRequests).toHaveBeenLastCalledWith({ queue: 'taken', page: 1, page_size: 20 });
  });

  it('lists the requests behind a figure of the rates', async () => {
    const { wrapper } = await mountPage(
      hotlineOperator,
      '/requests?org=5&org_name=和平街道&month=2026-03&measure=returned',
    );

    expect(listRequests).toHaveBeenCalledWith({
      org: 5,
      month: '2026-03',
      measure: 'returned',
      page: 1,
      page_size: 20,
    });
    expect(wrapper.get('[data-test="request-drill"]').text()).toBe(
      '三率明细：和平街道 2026-03 被退回',
    );
    expect(wrapper.find('[data-test="request-queue"]').exists()).toBe(false);
  });
});
