import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/session';
import {
  getWhistle,
  getWhistleRates,
  listWhistles,
  type Whistle,
  type WhistleResponse,
} from '@/api/whistle';
import { useSessionStore } from '@/stores/session';
import { streetAdmin } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import WhistleBoardPage from './WhistleBoardPage.vue';
import WhistleDetailPage from './WhistleDetailPage.vue';

vi.mock('@/api/whistle', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/whistle')>()),
  listWhistles: vi.fn(),
  getWhistle: vi.fn(),
  getWhistleRates: vi.fn(),
}));

const street: User = {
  ...streetAdmin,
  permissions: [...streetAdmin.permissions, 'whistle:read', 'whistle:blow', 'whistle:sign'],
};

function aPart(overrides: Partial<WhistleResponse> = {}): WhistleResponse {
  return {
    id: 1,
    agency: { id: 71, name: '和平派出所', level: 'agency' },
    arrival_due: '2026-03-02T02:00:00Z',
    arrived_at: '2026-03-02T01:50:00Z',
    arrival_text: '',
    late: false,
    minutes_late: null,
    minutes_left: null,
    completed_at: null,
    completion_text: '',
    open: true,
    score: null,
    rating_comment: '',
    rated_at: null,
    ...overrides,
  };
}

function aWhistle(overrides: Partial<Whistle> = {}): Whistle {
  return {
    id: 9,
    street: { id: 5, name: '和平街道', level: 'street' },
    type: 'enforcement',
    type_name: '综合执法',
    source: 'grid_patrol',
    title: '菜市场周边占道经营',
    description: '网格员巡查发现',
    address: '和平里菜市场',
    state: 'dispatched',
    blown_at: '2026-03-02T01:20:00Z',
    blown_month: '2026-03',
    signed_off_at: '2026-03-02T01:30:00Z',
    signed_off_by: '街道管理员',
    signed_after_dispatch: false,
    dispatched_at: '2026-03-02T01:30:00Z',
    closed_at: null,
    closing_text: '',
    late_parts: 1,
    open_parts: 2,
    responses: [
      aPart(),
      aPart({
        id: 2,
        agency: { id: 72, name: '东城区城管执法队', level: 'agency' },
        arrived_at: '2026-03-02T02:12:00Z',
        late: true,
        minutes_late: 12,
      }),
    ],
    ...overrides,
  };
}

beforeEach(() => {
  vi.mocked(listWhistles)
    .mockReset()
    .mockResolvedValue({ items: [aWhistle()], total: 1, page: 1, page_size: 20 });
  vi.mocked(getWhistleRates)
    .mockReset()
    .mockResolvedValue({
      org: { id: 5, name: '和平街道', level: 'street' },
      month: '2026-03',
      band: { low_per_10k: 0.2, high_per_10k: 2 },
      whistles: 2,
      streets: [
        {
          street: { id: 5, name: '和平街道', level: 'street' },
          whistles: 2,
          residents: 52000,
          per_10k: 2 / 5.2, // 2 whistles for 52,000 residents
          band: 'normal',
        },
      ],
    });
});

describe('WhistleBoardPage', () => {
  it("shows a street's open whistles with each agency's arrival clock, lateness and the street's rate", async () => {
    const { plugins } = createTestPlugins();
    useSessionStore().$patch({ user: street, csrfToken: 'csrf', restored: true });
    const { wrapper } = await mountAtRoute(WhistleBoardPage, '/whistles', '/whistles', plugins);
    await flushPromises();

    expect(listWhistles).toHaveBeenCalledWith({ state: 'open', page: 1, page_size: 20 });
    // The board's table, not the rate card's (whichever answer comes first).
    const row = wrapper.find('[data-test="whistle-table"] .el-table__body-wrapper tbody tr');
    expect(row.text()).toContain('菜市场周边占道经营');
    expect(row.text()).toContain('按时到场');
    expect(row.get('[data-test="whistle-late"]').text()).toBe('迟到 12 分钟');
    expect(wrapper.get('[data-test="whistle-rates"]').text()).toContain('0.38');
    expect(wrapper.get('[data-test="whistle-rates"]').text()).toContain('正常');
    expect(wrapper.find('[data-test="whistle-new-link"]').exists()).toBe(true);
  });
});

describe('WhistleDetailPage', () => {
  it('offers the street the rating of each agency once the whistle is closed', async () => {
    const closed = aWhistle({
      state: 'closed',
      responses: [
        aPart({
          completed_at: '2026-03-02T04:00:00Z',
          open: false,
          score: 5,
          rating_comment: '响应迅速',
        }),
      ],
    });
    vi.mocked(getWhistle)
      .mockReset()
      .mockResolvedValue({
        ...closed,
        responses: [
          ...closed.responses,
          aPart({
            id: 2,
            agency: { id: 72, name: '东城区城管执法队', level: 'agency' },
            completed_at: '2026-03-02T04:00:00Z',
            open: false,
          }),
        ],
        steps: [],
        can_sign_off: false,
        can_close: false,
        can_rate: true,
        own_response_id: null,
      });
    const { plugins } = createTestPlugins();
    useSessionStore().$patch({ user: street, csrfToken: 'csrf', restored: true });
    const { wrapper } = await mountAtRoute(
      WhistleDetailPage,
      '/whistles/:id',
      '/whistles/9',
      plugins,
    );
    await flushPromises();

    expect(wrapper.get('[data-test="whistle-state"]').text()).toBe('已办结');
    expect(wrapper.get('[data-test="whistle-score-71"]').text()).toContain('5 分');
    expect(wrapper.find('[data-test="whistle-rate-72"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="whistle-close"]').exists()).toBe(false);
  });
});
