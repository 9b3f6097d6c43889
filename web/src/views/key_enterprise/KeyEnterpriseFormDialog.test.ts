import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import { createKeyEnterprise } from '@/api/key_enterprise';
import { listAgencies, type Agency } from '@/api/request';
import { useSessionStore } from '@/stores/session';
import { createTestPlugins, mountInHost, pickValue } from '@/testing/plugins';
import { aKeyEnterprise, streetWriter } from './key_enterprise_fixtures';
import KeyEnterpriseFormDialog from './KeyEnterpriseFormDialog.vue';

vi.mock('@/api/key_enterprise', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/key_enterprise')>()),
  createKeyEnterprise: vi.fn(),
}));
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  listAgencies: vi.fn(),
}));

function anAgency(id: number, name: string, department: string, streetIds: number[]): Agency {
  return {
    org: { id, name, level: 'agency' },
    kind: 'police_station',
    kind_name: '派出所',
    department,
    streets: streetIds.map((streetId) => ({
      id: streetId,
      name: `街道${streetId}`,
      level: 'street',
    })),
  };
}

async function openDialog() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: streetWriter, csrfToken: 'csrf', restored: true });
  const mounted = mountInHost(KeyEnterpriseFormDialog, { modelValue: false }, plugins);
  mounted.props.modelValue = true;
  await flushPromises();
  return Object.assign(mounted.wrapper, { dialog: mounted.inner, host: mounted.props });
}

/** Fills the form as a street user would: its own street is already chosen. */
async function fill(wrapper: VueWrapper) {
  await pickValue(wrapper, 'ElSelect', '[data-test="key-enterprise-unit"]', 31);
  await pickValue(wrapper, 'ElSelect', '[data-test="key-enterprise-agency"]', 71);
  await wrapper.get('[data-test="key-enterprise-reason"]').setValue('年纳税额超千万元');
}

async function submit(wrapper: VueWrapper) {
  await wrapper.get('[data-test="key-enterprise-submit"]').trigger('click');
  await flushPromises();
}

/** The form item around the element `selector` finds. */
function itemOf(wrapper: VueWrapper, selector: string) {
  const item = wrapper
    .findAll('.el-form-item')
    .filter((candidate) => candidate.find(selector).exists())
    .at(-1);
  if (!item) throw new Error(`no form item around ${selector}`);
  return item;
}

beforeEach(() => {
  vi.mocked(createKeyEnterprise).mockReset();
  vi.mocked(listAgencies)
    .mockReset()
    .mockResolvedValue([
      anAgency(71, '和平派出所', '公安分局', [5]),
      anAgency(73, '东城区城管执法队', '城管执法局', [5, 6]),
      anAgency(81, '光明派出所', '公安分局', [9]),
    ]);
});

describe('KeyEnterpriseFormDialog', () => {
  it("offers the agencies serving the user's street, and lists the enterprise with them", async () => {
    vi.mocked(createKeyEnterprise).mockResolvedValue(aKeyEnterprise());
    const wrapper = await openDialog();

    const agencySelect = wrapper
      .findAllComponents({ name: 'ElSelect' })
      .filter((select) => select.find('[data-test="key-enterprise-agency"]').exists())
      .at(-1);
    const agencies = agencySelect
      ?.findAllComponents({ name: 'ElOption' })
      .map((option) => option.props('label'));
    expect(agencies).toEqual(['和平派出所', '东城区城管执法队']);

    await fill(wrapper);
    await submit(wrapper);

    expect(createKeyEnterprise).toHaveBeenCalledWith({
      unit_id: 31,
      street_org_id: 5,
      agency_org_id: 71,
      reason: '年纳税额超千万元',
    });
    expect(wrapper.dialog().emitted('created')).toEqual([[aKeyEnterprise()]]);
  });

  it('shows why the server refuses the unit under the unit, and stays open', async () => {
    vi.mocked(createKeyEnterprise).mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'key_enterprise.not_key_enterprise',
        message: '该单位未登记为重点企业，请先在驻区单位信息中标记',
        requestId: 'r',
        field: 'unit_id',
      }),
    );
    const wrapper = await openDialog();
    await fill(wrapper);
    await submit(wrapper);

    const unit = itemOf(wrapper, '[data-test="key-enterprise-unit"]');
    await vi.waitFor(() =>
      expect(unit.get('.el-form-item__error').text()).toBe(
        '该单位未登记为重点企业，请先在驻区单位信息中标记',
      ),
    );
    expect(itemOf(wrapper, '[data-test="key-enterprise-agency"]').text()).not.toContain('未登记');
    expect(wrapper.find('[data-test="key-enterprise-error"]').exists()).toBe(false);
    expect(wrapper.dialog().emitted('created')).toBeUndefined();
    expect(wrapper.host.modelValue).toBe(true);
  });

  it('shows a refused agency under the agency', async () => {
    vi.mocked(createKeyEnterprise).mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'key_enterprise.agency_not_serving',
        message: '条上责任方须为服务该街道的派出机构',
        requestId: 'r',
        field: 'agency_org_id',
      }),
    );
    const wrapper = await openDialog();
    await fill(wrapper);
    await submit(wrapper);

    const agency = itemOf(wrapper, '[data-test="key-enterprise-agency"]');
    await vi.waitFor(() =>
      expect(agency.get('.el-form-item__error').text()).toBe('条上责任方须为服务该街道的派出机构'),
    );
    expect(
      itemOf(wrapper, '[data-test="key-enterprise-unit"]').find('.el-form-item__error').exists(),
    ).toBe(false);
  });

  it('sends nothing while the unit or the reason is missing', async () => {
    const wrapper = await openDialog();
    await submit(wrapper);

    // Each field is validated on its own: wait for all of them.
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('请选择企业');
      expect(wrapper.text()).toContain('请选择派出机构');
      expect(wrapper.text()).toContain('请填写纳入原因');
    });
    expect(createKeyEnterprise).not.toHaveBeenCalled();
  });
});
