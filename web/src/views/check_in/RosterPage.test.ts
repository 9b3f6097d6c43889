import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  listMemberCheckIns,
  listUnitCheckIns,
  type MemberCheckIn,
  type UnitCheckIn,
} from '@/api/check_in';
import { getOrg } from '@/api/org';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { anOrg, cityAdmin } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import RosterPage from './RosterPage.vue';

vi.mock('@/api/check_in', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/check_in')>()),
  listMemberCheckIns: vi.fn(),
  listUnitCheckIns: vi.fn(),
}));
vi.mock('@/api/org', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org')>()),
  getOrg: vi.fn(),
}));

const cityReader: User = { ...cityAdmin, permissions: [...cityAdmin.permissions, 'check_in:read'] };

const member: MemberCheckIn = {
  id: 9,
  member: { id: 41, name: '李志明', id_number_masked: '110101********0759' },
  employer_org: { id: 70, name: '胜利科技发展有限公司党支部' },
  community: { id: 30, name: '胜利里社区' },
  reported_on: '2026-03-01',
  ended_on: null,
  previous_id: null,
};
const unit: UnitCheckIn = {
  id: 4,
  unit: { id: 31, name: '胜利科技发展有限公司' },
  party_org: { id: 70, name: '胜利科技发展有限公司党支部' },
  community: { id: 30, name: '胜利里社区' },
  reported_on: '2026-02-01',
  note: '',
  received_on: '2026-02-03',
  ended_on: null,
};

async function mountPage(path: string) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: cityReader, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(RosterPage, '/check-in/roster', path, plugins);
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(getOrg)
    .mockReset()
    .mockResolvedValue(anOrg({ id: 12, name: '胜利街道', level: 'street' }));
  vi.mocked(listMemberCheckIns)
    .mockReset()
    .mockResolvedValue({ items: [member], total: 120, page: 1, page_size: 20 });
  vi.mocked(listUnitCheckIns)
    .mockReset()
    .mockResolvedValue({ items: [unit], total: 8, page: 1, page_size: 20 });
});

describe('RosterPage', () => {
  it('shows the members reported in the org the query names, with the counts of both tabs', async () => {
    const { wrapper } = await mountPage('/check-in/roster?org=12&tab=members');

    const asked = { org: 12, q: undefined, all: undefined, page: 1, page_size: 20 };
    expect(listMemberCheckIns).toHaveBeenCalledWith(asked);
    expect(listUnitCheckIns).toHaveBeenCalledWith(asked);
    expect(wrapper.get('[data-test="check-in-filter-org"]').text()).toContain('胜利街道');
    expect(wrapper.get('[data-test="check-in-members-tab"]').text()).toBe('在职党员（120）');
    expect(wrapper.get('[data-test="check-in-units-tab"]').text()).toBe('驻区单位党组织（8）');
    expect(wrapper.find('[data-test="member-check-in-table"]').text()).toContain('李志明');
    wrapper.unmount();
  });

  it('opens the units tab when the query asks for it', async () => {
    const { wrapper } = await mountPage('/check-in/roster?org=12&tab=units');

    expect(wrapper.find('[data-test="member-check-in-table"]').exists()).toBe(false);
    expect(wrapper.get('[data-test="unit-check-in-table"]').text()).toContain(
      '胜利科技发展有限公司',
    );
    wrapper.unmount();
  });

  it('lists the user’s own org, members first, without a query', async () => {
    const { wrapper } = await mountPage('/check-in/roster');

    expect(listMemberCheckIns).toHaveBeenCalledWith(expect.objectContaining({ org: 1 }));
    expect(getOrg).not.toHaveBeenCalled();
    expect(wrapper.find('[data-test="member-check-in-table"]').exists()).toBe(true);
    wrapper.unmount();
  });
});
