import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElMessageBox, type MessageBoxData } from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import {
  acceptReport,
  createReport,
  decomposeAssignment,
  getAssignment,
  getTask,
  listAssignmentChildren,
  listAssignments,
  returnReport,
  uploadAssignmentAttachment,
  type AssignmentDetail,
} from '@/api/task';
import { listDutyItems } from '@/api/duty';
import { createSupervision } from '@/api/supervision';
import { useSessionStore } from '@/stores/session';
import {
  anAssignment,
  anAssignmentDetail,
  aReport,
  aSupervision,
  aTask,
  cityStaff,
  communityStaff,
  streetStaff,
} from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import AssignmentDetailPage from './AssignmentDetailPage.vue';

vi.mock('@/api/task', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/task')>()),
  getAssignment: vi.fn(),
  getTask: vi.fn(),
  listAssignments: vi.fn(),
  listAssignmentChildren: vi.fn(),
  uploadAssignmentAttachment: vi.fn(),
  createReport: vi.fn(),
  acceptReport: vi.fn(),
  returnReport: vi.fn(),
  decomposeAssignment: vi.fn(),
}));

vi.mock('@/api/supervision', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/supervision')>()),
  createSupervision: vi.fn(),
}));
vi.mock('@/api/duty', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/duty')>()),
  listDutyItems: vi.fn(),
}));

const CONFIRMED = 'confirm' as unknown as MessageBoxData;

async function mountPage(detail: Partial<AssignmentDetail>, user = communityStaff) {
  vi.mocked(getAssignment).mockResolvedValue(anAssignmentDetail(detail));
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(
    AssignmentDetailPage,
    '/tasks/assignments/:id',
    `/tasks/assignments/${detail.id ?? 12}`,
    plugins,
  );
  await flushPromises();
  return mounted;
}

/** Chooses files in the evidence field as the browser's file dialog would. */
async function chooseFiles(wrapper: VueWrapper, files: File[]) {
  const input = wrapper.get('[data-test="evidence-input"]');
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
}

beforeEach(() => {
  for (const mock of [
    getAssignment,
    getTask,
    listAssignments,
    listAssignmentChildren,
    uploadAssignmentAttachment,
    createReport,
    acceptReport,
    returnReport,
    decomposeAssignment,
  ]) {
    vi.mocked(mock).mockReset();
  }
  vi.mocked(listAssignmentChildren).mockResolvedValue([]);
  vi.mocked(listAssignments).mockResolvedValue({ items: [], total: 0, page: 1, page_size: 100 });
  vi.mocked(createSupervision).mockReset();
  vi.mocked(listDutyItems).mockReset();
  vi.mocked(listDutyItems).mockResolvedValue([]);
});

describe('AssignmentDetailPage', () => {
  it('shows the task, this org, its progress, the history and the evidence of reports', async () => {
    const { wrapper } = await mountPage({
      events: [
        {
          id: 1,
          kind: 'assigned',
          org: { id: 5, name: '和平街道' },
          user: { id: 3, display_name: '王芳' },
          text: '',
          at: '2026-01-05T01:00:00Z',
        },
        {
          id: 2,
          kind: 'overdue',
          org: { id: 6, name: '和平里社区' },
          text: '',
          at: '2026-04-01T16:00:00Z',
        },
      ],
      reports: [aReport({ state: 'returned', review_reason: '缺少签到表' })],
    });

    expect(getAssignment).toHaveBeenCalledWith(12);
    expect(wrapper.get('[data-test="assignment-title"]').text()).toBe('开展党员冬训');
    expect(wrapper.get('[data-test="assignment-org"]').text()).toBe('和平里社区');
    expect(wrapper.get('[data-test="assignment-deadline"]').text()).toBe('2026-03-31');
    expect(wrapper.get('[data-test="assignment-content"]').text()).toContain('不少于 8 学时');
    expect(wrapper.get('[data-test="assignment-progress"]').text()).toContain('40%');
    expect(wrapper.get('[data-test="assignment-parent"]').attributes('href')).toBe(
      '/tasks/assignments/10',
    );
    expect(wrapper.findAll('[data-test="event-kind"]').map((kind) => kind.text())).toEqual([
      '下达',
      '逾期',
    ]);
    // Times are China time: 16:00 UTC is midnight of the next day in Beijing.
    expect(wrapper.get('[data-test="event-timeline"]').text()).toContain('2026-04-02 00:00');
    expect(wrapper.get('[data-test="report-state"]').text()).toBe('已退回');
    expect(wrapper.get('[data-test="report-reason"]').text()).toBe('退回原因：缺少签到表');
    const link = wrapper.get('[data-test="attachment-link"]');
    expect(link.text()).toBe('签到表.pdf');
    expect(link.attributes('href')).toBe('/api/v1/attachments/77');
    expect(wrapper.find('[data-test="report-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="assignment-decompose"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="report-accept"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('lists the nodes below and opens one on click', async () => {
    vi.mocked(listAssignmentChildren).mockResolvedValue([
      anAssignment({
        id: 15,
        org: { id: 8, name: '第一网格', level: 'grid' },
        progress: 100,
        state: 'done',
      }),
    ]);
    const { wrapper, router } = await mountPage({ child_count: 1 });

    expect(listAssignmentChildren).toHaveBeenCalledWith(12);
    expect(wrapper.get('[data-test="child-org"]').text()).toBe('第一网格');
    vi.mocked(getAssignment).mockResolvedValue(anAssignmentDetail({ id: 15 }));
    await wrapper.get('[data-test="children-table"] .el-table__row').trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe('/tasks/assignments/15');
    expect(getAssignment).toHaveBeenLastCalledWith(15);
    wrapper.unmount();
  });

  it('uploads the evidence first, then reports with the ids of the files', async () => {
    vi.mocked(uploadAssignmentAttachment).mockResolvedValue({
      id: 90,
      file_name: '签到表.pdf',
      content_type: 'application/pdf',
      size: 4,
      created_at: '2026-02-01T02:00:00Z',
    });
    vi.mocked(createReport).mockResolvedValue(aReport());
    const { wrapper } = await mountPage({ can_report: true });

    await wrapper.get('[data-test="report-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('请填写进展情况'));
    expect(createReport).not.toHaveBeenCalled();

    const file = new File(['%PDF'], '签到表.pdf', { type: 'application/pdf' });
    await chooseFiles(wrapper, [file]);
    await pickValue(wrapper, 'ElInputNumber', '[data-test="report-percent-input"]', 60);
    await wrapper.get('[data-test="report-text"]').setValue('已完成 3 个支部的集中学习');
    await wrapper.get('[data-test="report-submit"]').trigger('click');
    await flushPromises();

    expect(uploadAssignmentAttachment).toHaveBeenCalledWith(12, file);
    expect(createReport).toHaveBeenCalledWith(12, {
      percent: 60,
      text: '已完成 3 个支部的集中学习',
      attachment_ids: [90],
    });
    expect(getAssignment).toHaveBeenCalledTimes(2);
    wrapper.unmount();
  });

  it('refuses a file that is too big or of the wrong kind before sending anything', async () => {
    const { wrapper } = await mountPage({ can_report: true });
    const big = new File(['x'], '视频.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });

    await chooseFiles(wrapper, [big, new File(['MZ'], '程序.exe')]);

    expect(wrapper.findAll('[data-test="evidence-rejected"]').map((line) => line.text())).toEqual([
      '“视频.pdf”：文件不能超过 20 MiB',
      '“程序.exe”：只能上传 PDF、图片（PNG/JPG）或 Word/Excel/PPT 文件',
    ]);
    expect(wrapper.find('[data-test="evidence-chosen"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows why the server refused a report', async () => {
    vi.mocked(createReport).mockRejectedValue(
      new ApiError({ status: 409, code: 'task.report_pending', message: 'x', requestId: 'r' }),
    );
    const { wrapper } = await mountPage({ can_report: true });

    await wrapper.get('[data-test="report-text"]').setValue('进展');
    await wrapper.get('[data-test="report-submit"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-test="report-error"]').text()).toContain('已有进展报告等待审核');
    wrapper.unmount();
  });

  it('lets the org above accept a pending report after confirming', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue(CONFIRMED);
    vi.mocked(acceptReport).mockResolvedValue(aReport({ state: 'accepted' }));
    const { wrapper } = await mountPage({ can_review: true, reports: [aReport()] }, streetStaff);

    await wrapper.get('[data-test="report-accept"]').trigger('click');
    await flushPromises();

    expect(confirm.mock.calls[0]?.[0]).toContain('和平里社区');
    expect(acceptReport).toHaveBeenCalledWith(41);
    expect(getAssignment).toHaveBeenCalledTimes(2);
    wrapper.unmount();
  });

  it('sends a report back only with a reason', async () => {
    vi.mocked(returnReport).mockResolvedValue(aReport({ state: 'returned' }));
    const { wrapper } = await mountPage({ can_review: true, reports: [aReport()] }, streetStaff);

    await wrapper.get('[data-test="report-return"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="reason-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('请填写退回原因'));
    expect(returnReport).not.toHaveBeenCalled();

    await wrapper.get('[data-test="reason-input"]').setValue('缺少签到表');
    await wrapper.get('[data-test="reason-submit"]').trigger('click');
    await flushPromises();

    expect(returnReport).toHaveBeenCalledWith(41, '缺少签到表');
    wrapper.unmount();
  });

  it('decomposes no later than its own deadline', async () => {
    vi.mocked(decomposeAssignment).mockResolvedValue([anAssignment({ id: 15 })]);
    const { wrapper } = await mountPage({
      can_decompose: true,
      org: { id: 6, name: '和平里社区', level: 'community' },
    });

    await wrapper.get('[data-test="assignment-decompose"]').trigger('click');
    await flushPromises();
    await pickValue(wrapper, 'ElDatePicker', '[name="decompose-deadline"]', '2026-04-10');
    await wrapper.get('[data-test="decompose-submit"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.text()).toContain('截止日期不能晚于上级任务（2026-03-31）'),
    );
    expect(decomposeAssignment).not.toHaveBeenCalled();

    await pickValue(wrapper, 'ElDatePicker', '[name="decompose-deadline"]', '2026-03-20');
    await wrapper.get('[data-test="decompose-submit"]').trigger('click');
    await flushPromises();

    expect(decomposeAssignment).toHaveBeenCalledWith(12, {
      targets: { mode: 'children' },
      deadline: '2026-03-20',
    });
    wrapper.unmount();
  });

  it('lets an org above start a supervision of the node, its org and node filled in', async () => {
    vi.mocked(createSupervision).mockResolvedValue(aSupervision({ id: 11 }));
    const { wrapper, router } = await mountPage({}, streetStaff);

    await wrapper.get('[data-test="assignment-supervise"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="supervision-title"]').setValue('冬训进度滞后');
    await wrapper.get('[data-test="supervision-requirement"]').setValue('一周内补齐集中学习');
    await pickValue(wrapper, 'ElDatePicker', '[name="supervision-deadline"]', '2026-02-15');
    await wrapper.get('[data-test="supervision-form-submit"]').trigger('click');
    await flushPromises();

    expect(createSupervision).toHaveBeenCalledWith({
      target_org_id: 6,
      assignment_id: 12,
      title: '冬训进度滞后',
      requirement: '一周内补齐集中学习',
      deadline: '2026-02-15',
    });
    expect(router.currentRoute.value.fullPath).toBe('/supervisions/11');
    wrapper.unmount();
  });

  it('at the root, names it the source and says how many orgs the task reached, linked', async () => {
    vi.mocked(getTask).mockResolvedValue(
      aTask({ executing_count: 6, done_count: 1, overdue_count: 2 }),
    );
    const { wrapper } = await mountPage(
      { id: 10, parent_id: null, parent: null, child_count: 1, reports: [] },
      streetStaff,
    );

    expect(getTask).toHaveBeenCalledWith(3);
    expect(wrapper.get('[data-test="assignment-parent"]').text()).toBe('本级下达（任务源头）');
    const executing = wrapper.get('[data-test="assignment-executing"]');
    expect(executing.text()).toBe('下达至 6 个执行单位，已完成 1 个，逾期 2 个');
    expect(executing.attributes('href')).toBe('/tasks/records?org=5&subtree=1&executing=1&task=3');
    // No empty 进展上报: it says where the reports come from.
    expect(wrapper.get('[data-test="assignment-reports-note"]').text()).toContain('执行单位上报');
    wrapper.unmount();
  });

  it('names the joint meeting resolution the task came from, linked to the meeting', async () => {
    const { wrapper } = await mountPage({
      origin: {
        kind: 'joint_meeting',
        meeting_id: 7,
        meeting_title: '2026年第四季度大工委联席会议',
        resolution_id: 4,
        resolution_position: 2,
      },
    });

    expect(wrapper.text()).toContain('来源');
    const origin = wrapper.get('[data-test="assignment-origin"]');
    expect(origin.text()).toBe('联席会议《2026年第四季度大工委联席会议》决议第2项');
    expect(origin.attributes('href')).toBe('/joint-meetings/7');
    wrapper.unmount();
  });

  it('names no source for a task issued directly', async () => {
    const { wrapper } = await mountPage({ origin: null });
    expect(wrapper.find('[data-test="assignment-origin"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('on a node passed further down, explains that the orgs below report', async () => {
    const { wrapper } = await mountPage({ child_count: 3, reports: [] }, streetStaff);
    expect(getTask).not.toHaveBeenCalled();
    expect(wrapper.get('[data-test="assignment-reports-note"]').text()).toContain('由下级承办');
    wrapper.unmount();
  });

  it("offers no supervision of the user's own org's node", async () => {
    const { wrapper } = await mountPage(
      { org: { id: 5, name: '和平街道', level: 'street' } },
      streetStaff,
    );
    expect(wrapper.find('[data-test="assignment-supervise"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('loads the nodes further down on expanding a row, without leaving the page', async () => {
    vi.mocked(listAssignmentChildren).mockImplementation(async (id) =>
      id === 12
        ? [
            anAssignment({
              id: 15,
              org: { id: 5, name: '和平街道', level: 'street' },
              child_count: 1,
            }),
          ]
        : [anAssignment({ id: 16, org: { id: 6, name: '和平里社区', level: 'community' } })],
    );
    const { wrapper, router } = await mountPage({ child_count: 1 }, cityStaff);

    await wrapper.get('[data-test="children-table"] .el-table__expand-icon').trigger('click');
    await flushPromises();

    expect(listAssignmentChildren).toHaveBeenLastCalledWith(15);
    expect(wrapper.findAll('[data-test="child-org"]').map((cell) => cell.text())).toEqual([
      '和平街道',
      '和平里社区',
    ]);
    expect(router.currentRoute.value.fullPath).toBe('/tasks/assignments/12');
    wrapper.unmount();
  });
});
