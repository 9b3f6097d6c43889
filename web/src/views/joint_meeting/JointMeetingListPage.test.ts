import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listJointMeetings } from '@/api/joint_meeting';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import { aMeeting, cityReader, streetWriter } from './joint_meeting_fixtures';
import JointMeetingListPage from './JointMeetingListPage.vue';

vi.mock('@/api/joint_meeting', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/joint_meeting')>()),
  listJointMeetings: vi.fn(),
}));

async function mountPage(user: User) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(
    JointMeetingListPage,
    '/joint-meetings',
    '/joint-meetings',
    plugins,
  );
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(listJointMeetings)
    .mockReset()
    .mockResolvedValue({
      items: [
        aMeeting({
          id: 8,
          title: '2026年第二季度大工委联席会议',
          meeting_date: '2026-06-18',
          state: 'held',
          minutes: '……',
          attendee_count: 9,
          present_count: 8,
          resolution_count: 3,
          tasked_count: 1,
        }),
        aMeeting({
          org: { id: 6, name: '和平里社区', level: 'community' },
          title: '和平里社区大党委联席会议',
          meeting_date: '2099-01-10',
          place: '和平里社区居委会',
        }),
      ],
      total: 2,
      page: 1,
      page_size: 20,
    });
});

describe('JointMeetingListPage', () => {
  it('lists the meetings of the user’s subtree with attendance, resolutions and state', async () => {
    const { wrapper } = await mountPage(streetWriter);

    expect(listJointMeetings).toHaveBeenCalledWith({
      org: 5,
      state: undefined,
      page: 1,
      page_size: 20,
    });
    const rows = wrapper.findAll('[data-test="joint-meeting-table"] .el-table__body tbody tr');
    expect(rows).toHaveLength(2);
    const link = rows[0]!.get('[data-test="joint-meeting-link"]');
    expect(link.text()).toBe('2026年第二季度大工委联席会议');
    expect(link.attributes('href')).toBe('/joint-meetings/8');
    expect(rows[0]!.text()).toContain('2026-06-18');
    expect(rows[0]!.get('[data-test="joint-meeting-attendance"]').text()).toBe('8 / 9');
    expect(rows[0]!.get('[data-test="joint-meeting-resolutions"]').text()).toBe(
      '3 项（1 项已转任务）',
    );
    expect(rows[0]!.get('[data-test="joint-meeting-state"]').text()).toBe('已召开');
    expect(rows[1]!.get('[data-test="joint-meeting-org-name"]').text()).toBe('和平里社区');
    expect(rows[1]!.text()).toContain('和平里社区居委会');
    expect(rows[1]!.get('[data-test="joint-meeting-attendance"]').text()).toBe('—');
    expect(rows[1]!.get('[data-test="joint-meeting-state"]').text()).toBe('待召开');
    // Not due yet: no reminder of its minutes.
    expect(rows[1]!.find('[data-test="joint-meeting-minutes-due"]').exists()).toBe(false);
    expect(wrapper.get('[data-test="joint-meeting-total"]').text()).toBe('共 2 次会议');
    expect(wrapper.get('[data-test="joint-meeting-create"]').text()).toBe('新建会议');
    wrapper.unmount();
  });

  it('reminds of the minutes of a planned meeting whose day has passed', async () => {
    vi.mocked(listJointMeetings).mockResolvedValue({
      items: [aMeeting({ meeting_date: '2026-03-20' })],
      total: 1,
      page: 1,
      page_size: 20,
    });
    const { wrapper } = await mountPage(streetWriter);

    expect(wrapper.get('[data-test="joint-meeting-minutes-due"]').text()).toBe('待记录纪要');
    wrapper.unmount();
  });

  it('filters by state from the first page, and resets to the user’s org and all states', async () => {
    const { wrapper } = await mountPage(streetWriter);

    await pickValue(wrapper, 'ElSelect', '[data-test="joint-meeting-filter-state"]', 'held');
    await wrapper.get('[data-test="joint-meeting-search"]').trigger('click');
    await flushPromises();
    expect(listJointMeetings).toHaveBeenLastCalledWith({
      org: 5,
      state: 'held',
      page: 1,
      page_size: 20,
    });

    await pickValue(wrapper, 'ElSelect', '[data-test="joint-meeting-filter-org"]', 6);
    await wrapper.get('[data-test="joint-meeting-search"]').trigger('click');
    await flushPromises();
    expect(listJointMeetings).toHaveBeenLastCalledWith(
      expect.objectContaining({ org: 6, state: 'held', page: 1 }),
    );

    await wrapper.get('[data-test="joint-meeting-reset"]').trigger('click');
    await flushPromises();
    expect(listJointMeetings).toHaveBeenLastCalledWith({
      org: 5,
      state: undefined,
      page: 1,
      page_size: 20,
    });
    wrapper.unmount();
  });

  it('offers no new meeting to the city, which only reads', async () => {
    const { wrapper } = await mountPage(cityReader);

    expect(listJointMeetings).toHaveBeenCalledWith(expect.objectContaining({ org: 1 }));
    expect(wrapper.find('[data-test="joint-meeting-create"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-test="joint-meeting-link"]')).toHaveLength(2);
    wrapper.unmount();
  });
});
