import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/session';
import {
  addFollowUp,
  getSupervision,
  rectifySupervision,
  returnSupervision,
  uploadSupervisionAttachment,
  verifySupervision,
  type SupervisionDetail,
} from '@/api/supervision';
import { useSessionStore } from '@/stores/session';
import { aSupervision, communityStaff, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import SupervisionDetailPage from './SupervisionDetailPage.vue';

vi.mock('@/api/supervision', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/supervision')>()),
  getSupervision: vi.fn(),
  uploadSupervisionAttachment: vi.fn(),
  rectifySupervision: vi.fn(),
  verifySupervision: vi.fn(),
  returnSupervision: vi.fn(),
  addFollowUp: vi.fn(),
}));

async function mountPage(detail: Partial<SupervisionDetail>, user: User) {
  vi.mocked(getSupervision).mockResolvedValue(aSupervision(detail));
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const { wrapper } = await mountAtRoute(
    SupervisionDetailPage,
    '/supervisions/:id',
    '/supervisions/9',
    plugins,
  );
  await flushPromises();
  return wrapper;
}

async function chooseFiles(wrapper: VueWrapper, files: File[]) {
  const input = wrapper.get('[data-test="evidence-input"]');
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
}

beforeEach(() => {
  for (const mock of [
    getSupervision,
    uploadSupervisionAttachment,
    rectifySupervision,
    verifySupervision,
    returnSupervision,
    addFollowUp,
  ]) {
    vi.mocked(mock).mockReset();
  }
});

describe('SupervisionDetailPage', () => {
  it('shows the matter and its history with the evidence of each step', async () => {
    const wrapper = await mountPage(
      {
        state: 'answered',
        events: [
          {
            id: 1,
            kind: 'issued',
            org: { id: 5, name: '和平街道' },
            text: '',
            at: '2026-02-05T02:00:00Z',
            attachments: [],
          },
          {
            id: 2,
            kind: 'rectification',
            org: { id: 6, name: '和平里社区' },
            user: { id: 4, display_name: '李娜' },
            text: '已补齐集中学习',
            at: '2026-02-10T02:00:00Z',
            attachments: [
              {
                id: 88,
                file_name: '整改报告.docx',
                content_type:
                  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                size: 5000,
                created_at: '2026-02-10T02:00:00Z',
              },
            ],
          },
        ],
      },
      communityStaff,
    );

    expect(wrapper.get('[data-test="supervision-title"]').text()).toBe('冬训进度滞后');
    expect(wrapper.get('[data-test="supervision-state"]').text()).toBe('待验收');
    expect(wrapper.get('[data-test="supervision-task"]').attributes('href')).toBe(
      '/tasks/assignments/12',
    );
    expect(wrapper.findAll('[data-test="event-kind"]').map((kind) => kind.text())).toEqual([
      '发起督办',
      '整改反馈',
    ]);
    expect(wrapper.get('[data-test="attachment-link"]').attributes('href')).toBe(
      '/api/v1/attachments/88',
    );
    expect(wrapper.find('[data-test="rectification-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="verify-panel"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="follow-up-panel"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('lets the supervised org answer with evidence uploaded first', async () => {
    vi.mocked(uploadSupervisionAttachment).mockResolvedValue({
      id: 91,
      file_name: '照片.png',
      content_type: 'image/png',
      size: 3,
      created_at: '2026-02-10T02:00:00Z',
    });
    vi.mocked(rectifySupervision).mockResolvedValue(aSupervision({ state: 'answered' }));
    const wrapper = await mountPage({ can_rectify: true }, communityStaff);

    await wrapper.get('[data-test="rectification-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('请填写整改情况'));
    expect(rectifySupervision).not.toHaveBeenCalled();

    const photo = new File(['png'], '照片.png', { type: 'image/png' });
    await chooseFiles(wrapper, [photo]);
    await wrapper.get('[data-test="rectification-text"]').setValue('已补齐集中学习');
    await wrapper.get('[data-test="rectification-submit"]').trigger('click');
    await flushPromises();

    expect(uploadSupervisionAttachment).toHaveBeenCalledWith(9, photo);
    expect(rectifySupervision).toHaveBeenCalledWith(9, {
      text: '已补齐集中学习',
      attachment_ids: [91],
    });
    wrapper.unmount();
  });

  it('lets the issuer verify with a note, send back with a reason, and follow up', async () => {
    vi.mocked(verifySupervision).mockResolvedValue(aSupervision({ state: 'closed' }));
    vi.mocked(returnSupervision).mockResolvedValue(aSupervision());
    vi.mocked(addFollowUp).mockResolvedValue({});
    const wrapper = await mountPage({ state: 'answered', can_verify: true }, streetStaff);

    await wrapper.get('[data-test="verify-note"]').setValue('材料齐全');
    await wrapper.get('[data-test="supervision-verify"]').trigger('click');
    await flushPromises();
    expect(verifySupervision).toHaveBeenCalledWith(9, '材料齐全');

    await wrapper.get('[data-test="supervision-return"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="reason-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('请填写退回原因'));
    await wrapper.get('[data-test="reason-input"]').setValue('缺少照片');
    await wrapper.get('[data-test="reason-submit"]').trigger('click');
    await flushPromises();
    expect(returnSupervision).toHaveBeenCalledWith(9, '缺少照片');

    await wrapper.get('[data-test="follow-up-text"]').setValue('回访群众满意');
    await wrapper.get('[data-test="follow-up-submit"]').trigger('click');
    await flushPromises();
    expect(addFollowUp).toHaveBeenCalledWith(9, '回访群众满意');
    wrapper.unmount();
  });
});
