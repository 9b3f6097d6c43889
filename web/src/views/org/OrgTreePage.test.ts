import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import { archiveOrg, getOrg, getOrgStats, listOrgChildren, type Org } from '@/api/org';
import { useSessionStore } from '@/stores/session';
import { anOrg, streetAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import OrgTreePage from './OrgTreePage.vue';

vi.mock('@/api/org', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org')>()),
  getOrg: vi.fn(),
  getOrgStats: vi.fn(),
  listOrgChildren: vi.fn(),
  archiveOrg: vi.fn(),
}));

const STREET = anOrg();
const COMMUNITY: Org = anOrg({
  id: 6,
  parent_id: 5,
  name: '和平里社区',
  level: 'community',
  kind: 'committee',
  secretary: '赵敏',
  child_count: 2,
  path: [...STREET.path, { id: 6, name: '和平里社区', level: 'community' }],
});

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: streetAdmin, csrfToken: 'csrf', restored: true });
  const wrapper = mount(OrgTreePage, { global: { plugins }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.find('[data-test="org-detail-name"]').exists()).toBe(true));
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(getOrg)
    .mockReset()
    .mockImplementation(async (id) => (id === 6 ? COMMUNITY : STREET));
  vi.mocked(getOrgStats)
    .mockReset()
    .mockResolvedValue({
      org_id: 5,
      total: 9,
      by_level: [
        { level: 'community', count: 3 },
        { level: 'grid', count: 6 },
      ],
    });
  vi.mocked(listOrgChildren)
    .mockReset()
    .mockResolvedValue([
      { ...COMMUNITY },
      { ...COMMUNITY, id: 7, name: '东风社区', child_count: 0 },
    ]);
  vi.mocked(archiveOrg).mockReset();
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('OrgTreePage', () => {
  it("starts from the user's own org and shows its record and the counts below it", async () => {
    const wrapper = await mountPage();

    expect(getOrg).toHaveBeenCalledWith(5);
    expect(wrapper.get('[data-test="org-tree"]').text()).toContain('和平街道');
    expect(wrapper.get('[data-test="org-detail-name"]').text()).toBe('和平街道');
    expect(wrapper.get('[data-test="org-detail-path"]').text()).toBe('示范市 / 东城区 / 和平街道');
    expect(wrapper.get('[data-test="org-detail-level"]').text()).toBe('街道');
    expect(wrapper.get('[data-test="org-detail-kind"]').text()).toBe('党工委');
    expect(wrapper.get('[data-test="org-detail-secretary"]').text()).toBe('王五');
    expect(wrapper.get('[data-test="org-count-community"]').text()).toBe('3');
    expect(wrapper.get('[data-test="org-count-grid"]').text()).toBe('6');
    // One's own org can be edited and given children, not moved or archived.
    expect(wrapper.find('[data-test="org-create-child"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="org-move"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="org-archive"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('loads children when a node is expanded and shows a child when clicked', async () => {
    const wrapper = await mountPage();

    await wrapper.get('.el-tree-node__expand-icon').trigger('click');
    await flushPromises();
    expect(listOrgChildren).toHaveBeenCalledWith(5);
    expect(wrapper.get('[data-test="org-tree"]').text()).toContain('东风社区');

    await wrapper.get('[data-test="org-node-6"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test="org-detail-name"]').text()).toBe('和平里社区');
    expect(wrapper.get('[data-test="org-detail-secretary"]').text()).toBe('赵敏');
    expect(wrapper.find('[data-test="org-archive"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('shows the org clicked last when the answer for an earlier click comes later', async () => {
    const wrapper = await mountPage();
    await wrapper.get('.el-tree-node__expand-icon').trigger('click');
    await flushPromises();
    let answerCommunity!: (org: Org) => void;
    vi.mocked(getOrg).mockImplementation((id) =>
      id === 6 ? new Promise((resolve) => (answerCommunity = resolve)) : Promise.resolve(STREET),
    );

    await wrapper.get('[data-test="org-node-6"]').trigger('click');
    await wrapper.get('[data-test="org-node-5"]').trigger('click');
    await flushPromises();
    answerCommunity(COMMUNITY);
    await flushPromises();

    expect(wrapper.get('[data-test="org-detail-name"]').text()).toBe('和平街道');
    wrapper.unmount();
  });

  it('explains why an org that still has children cannot be archived', async () => {
    vi.mocked(archiveOrg).mockRejectedValue(
      new ApiError({ status: 409, code: 'org.not_empty', message: 'x', requestId: 'r' }),
    );
    const wrapper = await mountPage();
    await wrapper.get('.el-tree-node__expand-icon').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="org-node-6"]').trigger('click');
    await flushPromises();

    await wrapper.get('[data-test="org-archive"]').trigger('click');
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull());
    (document.querySelector('.el-message-box__btns .el-button--primary') as HTMLElement).click();
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain('该组织仍有下级组织或党员，不能撤销'),
    );

    expect(archiveOrg).toHaveBeenCalledWith(6);
    expect(document.body.textContent).toContain('暂不能归档');
    expect(document.body.textContent).toContain('请先迁移或归档“和平里社区”的下级组织');
    wrapper.unmount();
  });
});
