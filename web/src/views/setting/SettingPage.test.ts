import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listSettings, updateSetting, type Setting } from '@/api/setting';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { securityAdmin, systemAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import SettingPage from './SettingPage.vue';

vi.mock('@/api/setting', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/setting')>()),
  listSettings: vi.fn(),
  updateSetting: vi.fn(),
}));

const SETTINGS: Setting[] = [
  {
    name: 'second_factor_for_all_staff',
    value: 'false',
    default_value: 'false',
    kind: 'bool',
    permission: 'policy:write',
    min: 0,
    max: 1,
    updated_at: null,
    updated_by: null,
  },
  {
    name: 'audit_retention_days',
    value: '200',
    default_value: '184',
    kind: 'integer',
    permission: 'setting:write',
    min: 184,
    max: 3650,
    updated_at: 1_700_000_000,
    updated_by: 20,
  },
];

async function mountPage(user: User) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const wrapper = mount(SettingPage, { global: { plugins }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(listSettings)
    .mockReset()
    .mockResolvedValue({ items: SETTINGS.map((setting) => ({ ...setting })) });
  vi.mocked(updateSetting).mockReset();
});

describe('SettingPage', () => {
  it('names and explains each setting, with the 184-day floor of audit retention', async () => {
    const wrapper = await mountPage(systemAdmin);

    const retention = wrapper.get('[data-test="setting-audit_retention_days"]');
    expect(retention.get('[data-test="setting-name"]').text()).toBe('审计日志保存期限');
    expect(retention.get('[data-test="setting-explanation"]').text()).toContain('184 天');
    expect(retention.get('[data-test="setting-explanation"]').text()).toContain('GB/T 22239-2019');
    expect(retention.get('[data-test="setting-range"]').text()).toBe('184–3650 天');
    expect(retention.text()).toContain('184 天');
    wrapper.unmount();
  });

  it('lets each administrator change only the settings of their duty', async () => {
    const system = await mountPage(systemAdmin);
    const policyForSystem = system.get('[data-test="setting-second_factor_for_all_staff"]');
    expect(policyForSystem.find('[data-test="setting-switch"]').exists()).toBe(false);
    expect(policyForSystem.get('[data-test="setting-value"]').text()).toBe('关闭');
    expect(policyForSystem.text()).toContain('只读');
    const retentionForSystem = system.get('[data-test="setting-audit_retention_days"]');
    expect(retentionForSystem.find('[data-test="setting-number"]').exists()).toBe(true);
    system.unmount();

    const security = await mountPage(securityAdmin);
    expect(
      security
        .get('[data-test="setting-second_factor_for_all_staff"]')
        .find('[data-test="setting-switch"]')
        .exists(),
    ).toBe(true);
    expect(
      security
        .get('[data-test="setting-audit_retention_days"]')
        .find('[data-test="setting-number"]')
        .exists(),
    ).toBe(false);
    security.unmount();
  });

  it('saves a switched policy at once', async () => {
    vi.mocked(updateSetting).mockResolvedValue({ ...SETTINGS[0]!, value: 'true' });
    const wrapper = await mountPage(securityAdmin);

    await wrapper
      .get('[data-test="setting-second_factor_for_all_staff"] [data-test="setting-switch"]')
      .trigger('click');
    await flushPromises();

    expect(updateSetting).toHaveBeenCalledWith('second_factor_for_all_staff', true);
    wrapper.unmount();
  });
});
