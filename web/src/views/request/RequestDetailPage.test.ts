import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  contactResident,
  decideExtension,
  getRequest,
  getResident,
  listOwners,
  rateRequest,
  addRequestNote,
  returnRequest,
  signRequest,
  uploadRequestAttachment,
  type RequestDetail,
} from '@/api/request';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import RequestDetailPage from './RequestDetailPage.vue';
import {
  aRequest,
  aRequestDetail,
  communityHandler,
  hotlineOperator,
  streetHandler,
} from './request_fixtures';

vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  getRequest: vi.fn(),
  getResident: vi.fn(),
  listOwners: vi.fn(),
  signRequest: vi.fn(),
  returnRequest: vi.fn(),
  contactResident: vi.fn(),
  decideExtension: vi.fn(),
  rateRequest: vi.fn(),
  addRequestNote: vi.fn(),
  uploadRequestAttachment: vi.fn(),
}));

async function mountPage(detail: Partial<RequestDetail>, user: User) {
  vi.mocked(getRequest).mockResolvedValue(aRequestDetail(detail));
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const { wrapper } = await mountAtRoute(
    RequestDetailPage,
    '/requests/:id',
    '/requests/31',
    plugins,
  );
  await flushPromises();
  return wrapper;
}

const buttons = (wrapper: Awaited<ReturnType<typeof mountPage>>) =>
  wrapper.findAll('[data-test^="request-open-"]').map((button) => button.text());

beforeEach(() => {
  for (const mock of [
    getRequest,
    getResident,
    listOwners,
    signRequest,
    returnRequest,
    contactResident,
    decideExtension,
    rateRequest,
    addRequestNote,
    uploadRequestAttachment,
  ]) {
    vi.mocked(mock).mockReset();
  }
});

describe('RequestDetailPage', { timeout: 30_000 }, () => {
  it("links each step's evidence through the request, for whoever reads it", async () => {
    const detail = aRequestDetail();
    detail.steps[1]!.attachments = [
      {
        id: 77,
        file_name: '现场照片.png',
        content_type: 'image/png',
        size: 2048,
        created_at: '2026-03-02T02:00:00Z',
      },
    ];
    const wrapper = await mountPage({ steps: detail.steps }, streetHandler);

    const link = wrapper.get('[data-test="request-step"] [data-test="attachment-link"]');
    expect(link.text()).toBe('现场照片.png');
    expect(link.attributes('href')).toBe('/api/v1/requests/31/attachments/77');
  });

  it('uploads the evidence first, then writes the note that names it', async () => {
    vi.mocked(uploadRequestAttachment).mockResolvedValue({
      id: 91,
      file_name: '现场.png',
      content_type: 'image/png',
      size: 3,
      created_at: '2026-03-02T02:00:00Z',
    });
    vi.mocked(addRequestNote).mockResolvedValue(aRequest({ state: 'in_hand' }));
    const wrapper = await mountPage({ state: 'in_hand', can_handle: true }, communityHandler);

    await wrapper.get('[data-test="request-open-note"]').trigger('click');
    await flushPromises();
    const photo = new File(['png'], '现场.png', { type: 'image/png' });
    const input = wrapper.get('[data-test="evidence-input"]');
    Object.defineProperty(input.element, 'files', { value: [photo], configurable: true });
    await input.trigger('change');
    await wrapper.get('[data-test="request-note-text"]').setValue('联合物业清运楼道垃圾');
    await wrapper.get('[data-test="request-note-submit"]').trigger('click');
    await flushPromises();

    expect(uploadRequestAttachment).toHaveBeenCalledWith(31, photo);
    expect(addRequestNote).toHaveBeenCalledWith(31, '联合物业清运楼道垃圾', [91]);
  });

  it('shows the request, its late clocks and the timeline with org, user and target', async () => {
    const wrapper = await mountPage(
      { late: { sign_for: true, contact: false, resolution: true } },
      hotlineOperator,
    );

    expect(getRequest).toHaveBeenCalledWith(31);
    expect(wrapper.get('[data-test="request-heading"]').text()).toBe('小区物业不清运楼道垃圾');
    expect(wrapper.get('[data-test="request-detail-owner"]').text()).toBe('和平里社区');
    expect(wrapper.find('[data-test="request-late-sign_for"]').text()).toBe('签收超时');
    expect(wrapper.find('[data-test="request-late-resolution"]').text()).toBe('办结超时');
    expect(wrapper.find('[data-test="request-late-contact"]').exists()).toBe(false);
    const steps = wrapper.findAll('[data-test="request-step"]');
    expect(steps).toHaveLength(2);
    expect(steps[0]!.text()).toContain('受理');
    expect(steps[0]!.text()).toContain('示范市 · 热线受理员');
    expect(steps[0]!.text()).toContain('12345 热线');
    expect(steps[1]!.text()).toContain('派单');
    expect(steps[1]!.text()).toContain('→ 和平里社区');
    // Nothing for the operator to do until the reply.
    expect(wrapper.find('[data-test="request-actions"]').exists()).toBe(false);
  });

  it('offers the owner only what its flags allow', async () => {
    let wrapper = await mountPage({ can_sign: true }, communityHandler);
    expect(wrapper.find('[data-test="request-sign"]').exists()).toBe(true);
    expect(buttons(wrapper)).toEqual(['派单', '退回']);

    wrapper = await mountPage(
      { state: 'in_hand', can_handle: true, contacted_at: null },
      communityHandler,
    );
    expect(wrapper.find('[data-test="request-sign"]').exists()).toBe(false);
    expect(buttons(wrapper)).toEqual(['派单', '退回', '首次联系', '办理记录', '申请延期', '答复']);

    wrapper = await mountPage({ can_decide_extension: true }, streetHandler);
    expect(buttons(wrapper)).toEqual(['审批延期']);
    wrapper = await mountPage({ state: 'replied', can_rate: true }, hotlineOperator);
    expect(buttons(wrapper)).toEqual(['回访评价']);
  });

  it('signs for the request and shows it again', async () => {
    vi.mocked(signRequest).mockResolvedValue(aRequest({ state: 'in_hand' }));
    const wrapper = await mountPage({ can_sign: true }, communityHandler);

    await wrapper.get('[data-test="request-sign"]').trigger('click');
    await flushPromises();

    expect(signRequest).toHaveBeenCalledWith(31);
    expect(getRequest).toHaveBeenCalledTimes(2);
  });

  it('returns the request only to a named owner, with the reason, saying there is no "not ours"', async () => {
    vi.mocked(listOwners).mockResolvedValue([
      { id: 5, name: '和平街道', level: 'street' },
      { id: 6, name: '和平里社区', level: 'community' },
      { id: 70, name: '和平派出所', level: 'agency' },
    ]);
    vi.mocked(returnRequest).mockResolvedValue(
      aRequest({ owner: { id: 5, name: '和平街道', level: 'street' } }),
    );
    const wrapper = await mountPage({ can_sign: true }, communityHandler);

    await wrapper.get('[data-test="request-open-return"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test="request-return-hint"]').text()).toContain(
      '不能只说“不归我们管”',
    );
    // The current owner is not among the choices.
    const options = wrapper.findAll('.request-return-owner-popper .el-select-dropdown__item');
    expect(options.map((option) => option.text())).not.toContain('和平里社区');
    await wrapper.get('[data-test="request-return-submit"]').trigger('click');
    await flushPromises();
    // No owner named: nothing is sent.
    expect(returnRequest).not.toHaveBeenCalled();

    await pickValue(wrapper, 'ElSelect', '[data-test="request-return-owner"]', 5);
    await wrapper.get('[data-test="request-return-text"]').setValue('属于街道统筹的环境整治');
    await wrapper.get('[data-test="request-return-submit"]').trigger('click');
    await flushPromises();

    expect(returnRequest).toHaveBeenCalledWith(31, 5, '属于街道统筹的环境整治');
    expect(getRequest).toHaveBeenCalledTimes(2);
  });

  it("records the resident's rating with whether it was resolved", async () => {
    vi.mocked(rateRequest).mockResolvedValue(aRequest({ state: 'closed' }));
    const wrapper = await mountPage({ state: 'replied', can_rate: true }, hotlineOperator);

    await wrapper.get('[data-test="request-open-rating"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="request-rating-basically_satisfied"] input').setValue(true);
    await wrapper.get('[data-test="request-rating-resolved-yes"] input').setValue(true);
    await wrapper.get('[data-test="request-rating-submit"]').trigger('click');
    await flushPromises();

    expect(rateRequest).toHaveBeenCalledWith(31, 'basically_satisfied', true, '');
  });

  it('approves a pending extension', async () => {
    vi.mocked(decideExtension).mockResolvedValue(aRequest());
    const wrapper = await mountPage(
      {
        can_decide_extension: true,
        extensions: [
          {
            id: 4,
            org: { id: 6, name: '和平里社区', level: 'community' },
            approver: { id: 5, name: '和平街道', level: 'street' },
            days: 3,
            reason: '需等待维修资金审批',
            state: 'pending',
            asked_at: '2026-03-03T01:00:00Z',
            decided_at: null,
            decision_text: '',
          },
        ],
      },
      streetHandler,
    );
    expect(wrapper.get('[data-test="request-extension"]').text()).toContain(
      '和平里社区 申请延期 3 天',
    );

    await wrapper.get('[data-test="request-open-decide"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="request-decide-text"]').setValue('同意');
    await wrapper.get('[data-test="request-decide-submit"]').trigger('click');
    await flushPromises();

    expect(decideExtension).toHaveBeenCalledWith(31, 4, true, '同意');
  });

  it("shows the resident's contact details to the owner on request", async () => {
    vi.mocked(getResident).mockResolvedValue({ name: '王秀英', phone: '13812345678' });
    const wrapper = await mountPage({ can_sign: true }, communityHandler);
    expect(wrapper.get('[data-test="request-resident"]').text()).toBe('王** 138****5678');

    await wrapper.get('[data-test="request-show-resident"]').trigger('click');
    await flushPromises();

    expect(getResident).toHaveBeenCalledWith(31);
    expect(wrapper.get('[data-test="request-resident"]').text()).toContain('王秀英 13812345678');
    // The street above the owner may not.
    const street = await mountPage({}, streetHandler);
    expect(street.find('[data-test="request-show-resident"]').exists()).toBe(false);
  });
});
