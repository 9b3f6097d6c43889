import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import { getJointCommittee, saveJointCommittee, type JointCommittee } from '@/api/joint_committee';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { cityAdmin, streetAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import JointCommitteePage from './JointCommitteePage.vue';

vi.mock('@/api/joint_committee', () => ({
  getJointCommittee: vi.fn(),
  saveJointCommittee: vi.fn(),
  addJointCommitteeMember: vi.fn(),
  updateJointCommitteeMember: vi.fn(),
  deleteJointCommitteeMember: vi.fn(),
}));

const communityAdmin: User = {
  ...streetAdmin,
  id: 4,
  username: 'community.admin',
  org: {
    id: 6,
    name: '和平里社区',
    level: 'community',
    kind: 'committee',
    path: [...streetAdmin.org.path, { id: 6, name: '和平里社区', level: 'community' }],
  },
};

const COMMITTEE: JointCommittee = {
  id: 1,
  org_id: 5,
  scope: 'street',
  name: '和平街道大工委',
  members: [
    {
      id: 11,
      person_name: '王五',
      unit: null,
      post: '书记',
      part_time: false,
      term_start: '2023-01-01',
      term_end: null,
    },
    {
      id: 12,
      person_name: '刘洋',
      unit: { id: 31, name: '和平商贸有限公司' },
      post: '兼职委员',
      part_time: true,
      term_start: '2023-01-01',
      term_end: '2025-12-31',
    },
  ],
};

async function mountPage(user: User) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const wrapper = mount(JointCommitteePage, { global: { plugins } });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(getJointCommittee).mockReset();
  vi.mocked(saveJointCommittee).mockReset();
});

describe('JointCommitteePage', () => {
  it("shows the street's committee with its members, part-time ones from units", async () => {
    vi.mocked(getJointCommittee).mockResolvedValue(COMMITTEE);
    const wrapper = await mountPage(streetAdmin);

    expect(getJointCommittee).toHaveBeenCalledWith(5);
    expect(wrapper.get('[data-test="committee-name"]').text()).toBe('和平街道大工委');
    const members = wrapper.get('[data-test="committee-members"]').text();
    expect(members).toContain('刘洋');
    expect(members).toContain('和平商贸有限公司');
    expect(members).toContain('2025-12-31');
    expect(wrapper.text()).toContain('共 2 名委员，其中兼职 1 名');
  });

  it('offers to set up a 大党委 for a community that has none', async () => {
    vi.mocked(getJointCommittee).mockRejectedValue(
      new ApiError({ status: 404, code: 'joint_committee.not_found', message: '', requestId: 'r' }),
    );
    vi.mocked(saveJointCommittee).mockResolvedValue({
      ...COMMITTEE,
      org_id: 6,
      scope: 'community',
      name: '和平里社区大党委',
      members: [],
    });
    const wrapper = await mountPage(communityAdmin);

    expect(wrapper.get('[data-test="committee-missing"]').text()).toContain(
      '“和平里社区”尚未建立大党委',
    );
    expect(
      (wrapper.get('[data-test="committee-new-name"]').element as HTMLInputElement).value,
    ).toBe('和平里社区大党委');
    await wrapper.get('[data-test="committee-missing"] form').trigger('submit');
    await flushPromises();

    expect(saveJointCommittee).toHaveBeenCalledWith(6, '和平里社区大党委');
    expect(wrapper.get('[data-test="committee-name"]').text()).toBe('和平里社区大党委');
    expect(wrapper.find('[data-test="committee-missing"]').exists()).toBe(false);
  });

  it('asks a city user to pick a street or community first', async () => {
    const wrapper = await mountPage(cityAdmin);
    expect(getJointCommittee).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('请选择一个街道或社区');
  });
});
