// Key enterprises as the API sends them, and users holding their permissions, for the tests of
// the pages in this folder.
import type { KeyEnterprise, KeyEnterpriseDetail, KeyEnterpriseEntry } from '@/api/key_enterprise';
import type { User } from '@/api/session';
import { cityAdmin, streetAdmin } from '@/testing/fixtures';

/** 和平街道's admin, who lists key enterprises and writes their log. */
export const streetWriter: User = {
  ...streetAdmin,
  permissions: [...streetAdmin.permissions, 'key_enterprise:read', 'key_enterprise:write'],
};

/** The city admin, who reads them only. */
export const cityReader: User = {
  ...cityAdmin,
  permissions: [...cityAdmin.permissions, 'key_enterprise:read'],
};

/** A key enterprise of 和平街道, with 和平派出所 as its 条 owner. */
export function aKeyEnterprise(overrides: Partial<KeyEnterprise> = {}): KeyEnterprise {
  return {
    id: 7,
    unit: { id: 31, name: '和平商贸有限公司' },
    street: { id: 5, name: '和平街道' },
    agency: { id: 71, name: '和平派出所' },
    department: '公安分局',
    reason: '年纳税额超千万元，员工三百余人',
    listed_on: '2026-03-01',
    open_issues: 0,
    visits: 0,
    last_visit_on: null,
    created_at: '2026-03-01T02:00:00Z',
    ...overrides,
  };
}

export function anEntry(overrides: Partial<KeyEnterpriseEntry> = {}): KeyEnterpriseEntry {
  return {
    id: 101,
    kind: 'visit',
    side: 'street',
    org: { id: 5, name: '和平街道' },
    happened_on: '2026-03-05',
    text: '走访企业负责人，了解用工情况',
    status: null,
    resolved_on: null,
    resolution: null,
    resolved_by_org: null,
    recorded_by: '和平街道管理员',
    recorded_at: '2026-03-05T03:00:00Z',
    ...overrides,
  };
}

/** The enterprise with an open issue the agency raised, a resolved one, and a street visit. */
export function aKeyEnterpriseDetail(
  overrides: Partial<KeyEnterpriseDetail> = {},
): KeyEnterpriseDetail {
  return {
    ...aKeyEnterprise({ open_issues: 1, visits: 1, last_visit_on: '2026-03-05' }),
    entries: [
      anEntry({
        id: 103,
        kind: 'issue',
        side: 'agency',
        org: { id: 71, name: '和平派出所' },
        happened_on: '2026-03-10',
        text: '企业门前夜间停车占道',
        status: 'open',
        recorded_by: '和平派出所民警',
      }),
      anEntry({
        id: 102,
        kind: 'issue',
        happened_on: '2026-03-06',
        text: '员工子女入学咨询',
        status: 'resolved',
        resolved_on: '2026-03-08',
        resolution: '已协调辖区小学接收',
        resolved_by_org: { id: 5, name: '和平街道' },
      }),
      anEntry(),
    ],
    can_write: true,
    ...overrides,
  };
}
