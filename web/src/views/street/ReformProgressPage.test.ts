import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getReformProgress, getStreetProfile, saveStreetProfile } from '@/api/street';
import { useSessionStore } from '@/stores/session';
import { cityAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import ReformProgressPage from './ReformProgressPage.vue';

vi.mock('@/api/street', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/street')>()),
  getReformProgress: vi.fn(),
  getStreetProfile: vi.fn(),
  saveStreetProfile: vi.fn(),
}));

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: cityAdmin, csrfToken: 'csrf', restored: true });
  const wrapper = mount(ReformProgressPage, { global: { plugins } });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(getReformProgress)
    .mockReset()
    .mockResolvedValue({
      items: [
        {
          org_id: 5,
          name: '和平街道',
          district: '东城区',
          office_set_up: true,
          deputy_secretary_appointed: true,
          function_list_published: false,
          powers_granted: 3,
        },
        {
          org_id: 8,
          name: '胜利街道',
          district: '东城区',
          office_set_up: false,
          deputy_secretary_appointed: false,
          function_list_published: false,
          powers_granted: 0,
        },
      ],
      totals: {
        streets: 2,
        office_set_up: 1,
        deputy_secretary_appointed: 1,
        function_list_published: 0,
        all_powers_granted: 0,
      },
    });
  vi.mocked(getStreetProfile)
    .mockReset()
    .mockResolvedValue({
      org_id: 5,
      office_set_up: true,
      office_set_up_on: '2020-01-01',
      deputy_secretary: '陈静',
      deputy_secretary_since: '2020-03-01',
      function_list_published: false,
      function_list_published_on: null,
      powers: [
        { power: 'disposal', granted_on: '2021-01-01' },
        { power: 'recommendation', granted_on: '2021-01-01' },
        { power: 'supervision', granted_on: '2021-06-01' },
      ],
    });
  vi.mocked(saveStreetProfile).mockReset();
});

describe('ReformProgressPage', () => {
  it('lists the streets with each step and the powers granted, with totals', async () => {
    const wrapper = await mountPage();

    expect(getReformProgress).toHaveBeenCalledWith(1);
    const table = wrapper.get('[data-test="reform-table"]');
    expect(table.findAll('[data-test="reform-street"]').map((cell) => cell.text())).toEqual([
      '和平街道',
      '胜利街道',
    ]);
    expect(table.findAll('[data-test="reform-powers"]').map((cell) => cell.text())).toEqual([
      '3 / 5',
      '0 / 5',
    ]);
    expect(table.findAll('[data-test="reform-office_set_up"]').map((cell) => cell.text())).toEqual([
      '已完成',
      '未完成',
    ]);
    expect(table.text()).toContain('合计（2 个街道）');
    expect(table.text()).toContain('五项全部赋予 0 / 2');
  });

  it("opens a street's profile with the powers it holds, and saves it", async () => {
    vi.mocked(saveStreetProfile).mockImplementation(async (orgId, input) => ({
      org_id: orgId,
      ...input,
    }));
    const wrapper = await mountPage();

    await wrapper.get('[data-test="reform-street"]').trigger('click');
    await flushPromises();

    expect(getStreetProfile).toHaveBeenCalledWith(5);
    const dialog = wrapper.get('[data-test="street-profile-dialog"]');
    expect((dialog.get('[data-test="profile-deputy"]').element as HTMLInputElement).value).toBe(
      '陈静',
    );
    const checked = (power: string) =>
      dialog.get(`[data-test="profile-power-${power}"]`).classes().includes('is-checked');
    expect(checked('disposal')).toBe(true);
    expect(checked('participation')).toBe(false);

    await dialog.get('[data-test="street-profile-submit"]').trigger('click');
    await flushPromises();

    expect(saveStreetProfile).toHaveBeenCalledWith(5, {
      office_set_up: true,
      office_set_up_on: '2020-01-01',
      deputy_secretary: '陈静',
      deputy_secretary_since: '2020-03-01',
      function_list_published: false,
      function_list_published_on: null,
      powers: [
        { power: 'disposal', granted_on: '2021-01-01' },
        { power: 'recommendation', granted_on: '2021-01-01' },
        { power: 'supervision', granted_on: '2021-06-01' },
      ],
    });
    expect(getReformProgress).toHaveBeenCalledTimes(2);
  });
});
