import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getOrgCoverage, type Coverage } from '@/api/coverage';
import { listUnits } from '@/api/unit';
import { useSessionStore } from '@/stores/session';
import { aUnit, streetAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import CoveragePage from './CoveragePage.vue';

vi.mock('@/api/coverage', () => ({ getOrgCoverage: vi.fn() }));
vi.mock('@/api/unit', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/unit')>()),
  listUnits: vi.fn(),
}));
// jsdom has no canvas; the chart's own test is the browser. The stub shows what it was given.
vi.mock('./CoverageChart.vue', async () => {
  const { defineComponent, h } = await import('vue');
  return {
    __esModule: true,
    default: defineComponent({
      props: { children: { type: Array, required: true } },
      emits: ['pick'],
      setup: (props) => () =>
        h('div', { 'data-test': 'chart-stub' }, `${props.children.length} children`),
    }),
  };
});

const COVERAGE: Coverage = {
  org_id: 5,
  eligible: 20,
  own_org: 8,
  joint_branch: 5,
  work_only: 4,
  uncovered: 3,
  organisation_coverage_rate: 0.65,
  work_coverage_rate: 0.85,
  by_child: [
    {
      org_id: 6,
      name: '和平里社区',
      level: 'community',
      eligible: 12,
      own_org: 5,
      joint_branch: 3,
      work_only: 2,
      uncovered: 2,
    },
    {
      org_id: 7,
      name: '东风社区',
      level: 'community',
      eligible: 8,
      own_org: 3,
      joint_branch: 2,
      work_only: 2,
      uncovered: 1,
    },
  ],
};

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: streetAdmin, csrfToken: 'csrf', restored: true });
  const wrapper = mount(CoveragePage, { global: { plugins } });
  await flushPromises();
  await vi.dynamicImportSettled();
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(getOrgCoverage).mockReset().mockResolvedValue(COVERAGE);
  vi.mocked(listUnits)
    .mockReset()
    .mockResolvedValue({ items: [aUnit()], total: 3, page: 1, page_size: 10 });
});

describe('CoveragePage', () => {
  it("shows the counts and the two rates as percentages for the user's org", async () => {
    const wrapper = await mountPage();

    expect(getOrgCoverage).toHaveBeenCalledWith(5);
    const number = (key: string) => wrapper.get(`[data-test="coverage-${key}"]`).text();
    expect(number('eligible')).toBe('20');
    expect(number('own_org')).toBe('8');
    expect(number('joint_branch')).toBe('5');
    expect(number('work_only')).toBe('4');
    expect(number('uncovered')).toBe('3');
    expect(number('organisation-rate')).toBe('65.0%');
    expect(number('work-rate')).toBe('85.0%');
    // Each rate says how it is made.
    expect(wrapper.text()).toContain('（单独建立 8 + 联合覆盖 5）÷ 具备条件 20');
    expect(wrapper.text()).toContain('（组织覆盖 13 + 仅工作覆盖 4）÷ 具备条件 20');
  });

  it('lists the uncovered eligible units', async () => {
    const wrapper = await mountPage();

    expect(listUnits).toHaveBeenCalledWith({
      org: 5,
      eligible: true,
      coverage: 'uncovered',
      page: 1,
      page_size: 10,
    });
    expect(wrapper.get('[data-test="uncovered-name"]').text()).toBe('和平商贸有限公司');
  });

  it('shows the units behind a number when it is clicked', async () => {
    const wrapper = await mountPage();
    vi.mocked(listUnits).mockClear();

    await wrapper.get('[data-test="coverage-tile-own_org"]').trigger('click');
    await flushPromises();

    expect(listUnits).toHaveBeenCalledWith({
      org: 5,
      eligible: true,
      coverage: 'own_org',
      page: 1,
      page_size: 20,
    });
    const drawer = wrapper.get('[data-test="coverage-units"]');
    expect(drawer.text()).toContain('和平街道：单独建立党组织（8）');
    expect(drawer.get('[data-test="coverage-unit-name"]').text()).toBe('和平商贸有限公司');
  });

  it('lists every eligible unit behind the eligible count', async () => {
    const wrapper = await mountPage();
    vi.mocked(listUnits).mockClear();

    await wrapper.get('[data-test="coverage-tile-eligible"]').trigger('click');
    await flushPromises();

    expect(listUnits).toHaveBeenCalledWith(
      expect.objectContaining({ org: 5, eligible: true, coverage: undefined }),
    );
  });

  it('draws the children in the chart', async () => {
    const wrapper = await mountPage();
    expect(wrapper.get('[data-test="chart-stub"]').text()).toBe('2 children');
  });

  it('shows — for the rates when no unit is eligible', async () => {
    vi.mocked(getOrgCoverage).mockResolvedValue({
      ...COVERAGE,
      eligible: 0,
      own_org: 0,
      joint_branch: 0,
      work_only: 0,
      uncovered: 0,
      organisation_coverage_rate: null,
      work_coverage_rate: null,
      by_child: [],
    });
    const wrapper = await mountPage();

    expect(wrapper.get('[data-test="coverage-organisation-rate"]').text()).toBe('—');
    expect(wrapper.find('[data-test="chart-stub"]').exists()).toBe(false);
  });
});
