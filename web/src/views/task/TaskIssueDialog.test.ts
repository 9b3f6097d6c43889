import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import { listDutyItems } from '@/api/duty';
import { searchOrgs } from '@/api/org';
import { createTask } from '@/api/task';
import { useSessionStore } from '@/stores/session';
import { aDutyItem, aTask, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, mountInHost, pickValue } from '@/testing/plugins';
import TaskIssueDialog from './TaskIssueDialog.vue';

vi.mock('@/api/task', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/task')>()),
  createTask: vi.fn(),
}));
vi.mock('@/api/duty', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/duty')>()),
  listDutyItems: vi.fn(),
}));
vi.mock('@/api/org', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org')>()),
  searchOrgs: vi.fn(),
}));

async function openDialog() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: streetStaff, csrfToken: 'csrf', restored: true });
  const mounted = mountInHost(TaskIssueDialog, { modelValue: false }, plugins);
  mounted.props.modelValue = true;
  await flushPromises();
  return Object.assign(mounted.wrapper, { dialog: mounted.inner });
}

async function fill(wrapper: Awaited<ReturnType<typeof openDialog>>) {
  await wrapper.get('[data-test="task-title"]').setValue('开展党员冬训');
  await wrapper.get('[data-test="task-content"]').setValue('组织全体党员参加冬训');
  await pickValue(wrapper, 'ElDatePicker', '[name="task-deadline"]', '2026-03-31');
}

async function submit(wrapper: Awaited<ReturnType<typeof openDialog>>) {
  await wrapper.get('[data-test="task-issue-submit"]').trigger('click');
  await flushPromises();
}

beforeEach(() => {
  vi.mocked(createTask).mockReset();
  vi.mocked(listDutyItems).mockReset();
  vi.mocked(listDutyItems).mockResolvedValue([aDutyItem()]);
  vi.mocked(searchOrgs).mockReset();
});

describe('TaskIssueDialog', () => {
  it('says what is missing and sends nothing', async () => {
    const wrapper = await openDialog();

    await submit(wrapper);

    await vi.waitFor(() => expect(wrapper.text()).toContain('请输入任务名称'));
    expect(wrapper.text()).toContain('请选择截止日期');
    expect(createTask).not.toHaveBeenCalled();
  });

  it('issues to the direct children with the duty item it is linked to', async () => {
    vi.mocked(createTask).mockResolvedValue(aTask());
    const wrapper = await openDialog();

    await fill(wrapper);
    await pickValue(wrapper, 'ElSelect', '[data-test="task-duty-item"]', 21);
    await submit(wrapper);

    expect(createTask).toHaveBeenCalledWith({
      title: '开展党员冬训',
      content: '组织全体党员参加冬训',
      deadline: '2026-03-31',
      weight: 10,
      duty_item_id: 21,
      targets: { mode: 'children' },
    });
    expect(wrapper.dialog().emitted('issued')).toHaveLength(1);
  });

  it('issues to every community below when that level is picked', async () => {
    vi.mocked(createTask).mockResolvedValue(aTask());
    const wrapper = await openDialog();

    await fill(wrapper);
    await wrapper.get('[data-test="targets-level"] input').setValue(true);
    await submit(wrapper);
    await vi.waitFor(() => expect(wrapper.text()).toContain('请选择层级'));
    expect(createTask).not.toHaveBeenCalled();

    await pickValue(wrapper, 'ElSelect', '[data-test="targets-level-select"]', 'community');
    await submit(wrapper);
    expect(createTask).toHaveBeenCalledWith(
      expect.objectContaining({ targets: { mode: 'level', level: 'community' } }),
    );
  });

  it('issues to the orgs picked one by one', async () => {
    vi.mocked(createTask).mockResolvedValue(aTask());
    const wrapper = await openDialog();
    await fill(wrapper);
    await wrapper.get('[data-test="targets-list"] input').setValue(true);

    await submit(wrapper);
    await vi.waitFor(() => expect(wrapper.text()).toContain('请至少选择一个组织'));

    const picker = wrapper.findComponent({ name: 'OrgPicker' });
    picker.vm.$emit('select', { id: 6, name: '和平里社区', level: 'community' });
    await flushPromises();
    picker.vm.$emit('select', { id: 7, name: '东风社区', level: 'community' });
    await flushPromises();
    expect(wrapper.findAll('[data-test="targets-org-tag"]').map((tag) => tag.text())).toEqual([
      '和平里社区',
      '东风社区',
    ]);
    await submit(wrapper);

    expect(createTask).toHaveBeenCalledWith(
      expect.objectContaining({ targets: { mode: 'list', org_ids: [6, 7] } }),
    );
  });

  it('shows the server refusal by its code', async () => {
    vi.mocked(createTask).mockRejectedValue(
      new ApiError({ status: 400, code: 'task.no_targets', message: 'x', requestId: 'r' }),
    );
    const wrapper = await openDialog();

    await fill(wrapper);
    await submit(wrapper);

    expect(wrapper.get('[data-test="task-issue-error"]').text()).toContain('没有可下达的组织');
    expect(wrapper.dialog().emitted('issued')).toBeUndefined();
  });
});
