import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getRequestRates, type Rates, type Tally } from '@/api/request';
import { useSessionStore } from '@/stores/session';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import RequestRatesPage from './RequestRatesPage.vue';
import { streetHandler } from './request_fixtures';

vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  getRequestRates: vi.fn(),
}));
// jsdom has no canvas; the charts' own test is the browser. The stub shows what it was given.
vi.mock('./RequestRatesCharts.vue', async () => {
  const { defineComponent, h } = await import('vue');
  return {
    __esModule: true,
    default: defineComponent({
      props: { rates: { type: Object, required: true } },
      emits: ['pick'],
      setup: (props) => () =>
        h('div', { 'data-test': 'charts-stub' }, `${(props.rates as Rates).trend.length} months`),
    }),
  };
});

function tally(received: number, responded: number, rated: number, satisfied: number): Tally {
  return {
    counts: {
      received,
      responded,
      replied: rated,
      on_time: rated,
      rated,
      resolved: rated,
      satisfied,
      basically_satisfied: 0,
      unsatisfied: rated - satisfied,
      returned: 1,
      reopened: 0,
    },
    rates: {
      response: received ? responded / received : null,
      resolution: rated ? 1 : null,
      satisfaction: rated ? satisfied / rated : null,
      on_time: rated ? 1 : null,
      return: received ? 1 / received : null,
      reopen: rated ? 0 : null,
    },
  };
}

const RATES: Rates = {
  ...tally(4, 3, 2, 1),
  org: { id: 5, name: '和平街道', level: 'street' },
  month: '2026-03',
  children: [{ ...tally(3, 3, 2, 1), org: { id: 6, name: '和平里社区', level: 'community' } }],
  trend: [{ ...tally(4, 3, 2, 1), month: '2026-03' }],
};

async function mountPage(path = '/request-rates') {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: streetHandler, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(RequestRatesPage, '/request-rates', path, plugins);
  await flushPromises();
  await vi.dynamicImportSettled();
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(getRequestRates).mockReset().mockResolvedValue(RATES);
});

describe('RequestRatesPage', { timeout: 30_000 }, () => {
  it("shows the org's rates for the month with how each is made", async () => {
    const { wrapper } = await mountPage('/request-rates?month=2026-03');

    expect(getRequestRates).toHaveBeenCalledWith(5, '2026-03');
    expect(wrapper.get('[data-test="request-rate-response"]').text()).toBe('75.0%');
    expect(wrapper.get('[data-test="request-rate-satisfaction"]').text()).toBe('50.0%');
    expect(wrapper.get('[data-test="request-rate-resolution"]').text()).toBe('100.0%');
    expect(wrapper.text()).toContain('按时首次联系 3 ÷ 受理 4');
    expect(wrapper.text()).toContain('满意和基本满意 1 ÷ 已回访 2');
    expect(wrapper.get('[data-test="charts-stub"]').text()).toBe('1 months');
  });

  it('links every count to the requests behind it', async () => {
    const { wrapper } = await mountPage('/request-rates?month=2026-03');

    const returned = wrapper.get('[data-test="request-count-returned"]');
    expect(returned.text()).toBe('被退回1');
    expect(returned.attributes('href')).toBe(
      `/requests?org=5&org_name=${encodeURIComponent('和平街道')}&month=2026-03&measure=returned`,
    );
    const childReceived = wrapper.get('[data-test="request-child-count-received"]');
    expect(childReceived.attributes('href')).toContain('org=6');
    expect(childReceived.attributes('href')).toContain('measure=received');
  });

  it("drills down to a child's rates", async () => {
    const { wrapper, router } = await mountPage('/request-rates?month=2026-03');

    await wrapper.get('[data-test="request-rates-child"]').trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ org: '6', month: '2026-03' });
    expect(getRequestRates).toHaveBeenLastCalledWith(6, '2026-03');
  });
});
