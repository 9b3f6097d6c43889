import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAgreement, type AgreementDetail } from '@/api/agreement';
import type { User } from '@/api/session';
import { listUnits } from '@/api/unit';
import { useSessionStore } from '@/stores/session';
import { aUnit, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, mountInHost, pickValue } from '@/testing/plugins';
import AgreementFormDialog from './AgreementFormDialog.vue';

vi.mock('@/api/agreement', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/agreement')>()),
  createAgreement: vi.fn(),
}));
vi.mock('@/api/unit', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/unit')>()),
  listUnits: vi.fn(),
}));

const streetCobuild: User = {
  ...streetStaff,
  permissions: [...streetStaff.permissions, 'cobuild:read', 'cobuild:report', 'cobuild:write'],
};

async function openDialog() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: streetCobuild, csrfToken: 'csrf', restored: true });
  const mounted = mountInHost(AgreementFormDialog, { modelValue: false }, plugins);
  mounted.props.modelValue = true;
  await flushPromises();
  return Object.assign(mounted.wrapper, { dialog: mounted.inner });
}

async function submit(wrapper: Awaited<ReturnType<typeof openDialog>>) {
  await wrapper.get('[data-test="agreement-form-submit"]').trigger('click');
  await flushPromises();
}

beforeEach(() => {
  vi.mocked(createAgreement).mockReset();
  vi.mocked(listUnits).mockReset();
  vi.mocked(listUnits).mockResolvedValue({
    items: [aUnit({ id: 31, name: '和平科技有限公司' })],
    total: 1,
    page: 1,
    page_size: 200,
  });
});

describe('AgreementFormDialog', () => {
  it('offers the units of the street, and refuses a term that ends before it starts', async () => {
    const wrapper = await openDialog();

    expect(listUnits).toHaveBeenCalledWith({ org: 5, q: undefined, page: 1, page_size: 100 });
    await pickValue(wrapper, 'ElDatePicker', '[name="agreement-start-on"]', '2026-06-01');
    await pickValue(wrapper, 'ElDatePicker', '[name="agreement-end-on"]', '2026-05-31');
    await submit(wrapper);

    // Each field is validated on its own: wait for all of them.
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('结束日期不能早于开始日期');
      expect(wrapper.text()).toContain('请填写协议名称');
      expect(wrapper.text()).toContain('请选择驻区单位');
    });
    expect(createAgreement).not.toHaveBeenCalled();
  }, 20_000);

  it('fills the five lines of "五个一" and signs with the unit, funds in fen', async () => {
    vi.mocked(createAgreement).mockResolvedValue({ id: 70 } as AgreementDetail);
    const wrapper = await openDialog();

    await wrapper.get('[data-test="agreement-title"]').setValue('共建协议');
    await wrapper.get('[data-test="agreement-org-head"]').setValue('王志刚');
    await wrapper.get('[data-test="agreement-org-liaison"]').setValue('赵敏');
    await pickValue(wrapper, 'ElDatePicker', '[name="agreement-start-on"]', '2026-01-01');
    await pickValue(wrapper, 'ElDatePicker', '[name="agreement-end-on"]', '2026-12-31');
    await pickValue(wrapper, 'ElSelect', '[data-test="agreement-party-unit-0"]', 31);
    await wrapper.get('[data-test="agreement-party-head-0"]').setValue('张伟');
    await wrapper.get('[data-test="agreement-party-liaison-0"]').setValue('李明');
    await wrapper.get('[data-test="agreement-five-ones"]').trigger('click');
    expect(wrapper.findAll('[data-test="agreement-commitment"]')).toHaveLength(5);
    await wrapper.get('[data-test="agreement-add-commitment"]').trigger('click');
    await pickValue(wrapper, 'ElSelect', '[data-test="agreement-commitment-kind-5"]', 'funds');
    await wrapper.get('[data-test="agreement-commitment-description-5"]').setValue('活动经费');
    await submit(wrapper);

    const input = vi.mocked(createAgreement).mock.calls[0]![0];
    expect(input).toMatchObject({
      org_id: 5,
      title: '共建协议',
      start_on: '2026-01-01',
      end_on: '2026-12-31',
      parties: [{ unit_id: 31, head: '张伟', liaison: '李明' }],
    });
    expect(input.commitments.map((line) => line.kind)).toEqual([
      'venue',
      'volunteer_team',
      'service',
      'paired_households',
      'suggestions',
      'funds',
    ]);
    expect(input.commitments[5]!.quantity).toBe(100);
    expect(wrapper.dialog().emitted('created')).toHaveLength(1);
  }, 20_000);
});
