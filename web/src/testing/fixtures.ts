import type { Member } from '@/api/member';
import type { Org } from '@/api/org';
import type { SessionResponse, User } from '@/api/session';
import type { Unit } from '@/api/unit';
import type { UserAccount } from '@/api/user';

/** The street admin of the demo data, as the server describes them. */
export const streetAdmin: User = {
  id: 3,
  username: 'street.admin',
  display_name: '和平街道管理员',
  role: 'street_admin',
  org: {
    id: 5,
    name: '和平街道',
    level: 'street',
    kind: 'working_committee',
    path: [
      { id: 1, name: '示范市', level: 'city' },
      { id: 2, name: '东城区', level: 'district' },
      { id: 5, name: '和平街道', level: 'street' },
    ],
  },
  permissions: ['member:read', 'member:write', 'org:read', 'org:write', 'unit:read', 'unit:write'],
};

export const streetSession: SessionResponse = { user: streetAdmin, csrf_token: 'csrf-street' };

/** The city admin of the demo data: may unmask identifiers. */
export const cityAdmin: User = {
  id: 1,
  username: 'city.admin',
  display_name: '示范市委组织部管理员',
  role: 'city_admin',
  org: {
    id: 1,
    name: '示范市',
    level: 'city',
    kind: 'committee',
    path: [{ id: 1, name: '示范市', level: 'city' }],
  },
  permissions: [...streetAdmin.permissions, 'member:unmask'].sort(),
};

/** A member as the list sends it, identifiers masked. */
export function aMember(overrides: Partial<Member> = {}): Member {
  return {
    id: 101,
    name: '张三',
    gender: 'male',
    birth_date: '1990-03-07',
    id_number: '110101********0759',
    phone: '138****5678',
    education: '大学本科',
    joined_on: '2015-07-01',
    full_member_on: '2016-07-01',
    status: 'full',
    standing: 'normal',
    in_service: true,
    employer_unit: { id: 31, name: '和平商贸有限公司' },
    home_community: { id: 6, name: '和平里社区' },
    org: { id: 5, name: '和平街道' },
    ...overrides,
  };
}

/** A resident unit of 和平街道. */
export function aUnit(overrides: Partial<Unit> = {}): Unit {
  return {
    id: 31,
    name: '和平商贸有限公司',
    credit_code: '91110101MA0000001X',
    unit_kind: 'private_enterprise',
    industry: '批发零售',
    staff_count: 60,
    legal_representative: '李四',
    org: { id: 5, name: '和平街道' },
    eligible_for_org: true,
    own_org: null,
    joint_branch_org: null,
    instructor: '',
    key_enterprise: false,
    coverage: 'uncovered',
    archived: false,
    ...overrides,
  };
}

/** An org record as GET /orgs/{id} sends it. */
export function anOrg(overrides: Partial<Org> = {}): Org {
  return {
    id: 5,
    parent_id: 2,
    name: '和平街道',
    level: 'street',
    kind: 'working_committee',
    secretary: '王五',
    contact: '010-12345678',
    address: '和平路1号',
    founded_on: '2001-05-01',
    sector: '',
    archived: false,
    child_count: 3,
    path: [
      { id: 1, name: '示范市', level: 'city' },
      { id: 2, name: '东城区', level: 'district' },
      { id: 5, name: '和平街道', level: 'street' },
    ],
    ...overrides,
  };
}

const cityOrg: User['org'] = cityAdmin.org;

/** The system administrator of the demo (三员分立): users, orgs and settings. */
export const systemAdmin: User = {
  id: 20,
  username: 'sys.admin',
  display_name: '系统管理员',
  role: 'system_admin',
  org: cityOrg,
  permissions: [
    'org:read',
    'org:write',
    'setting:read',
    'setting:write',
    'user:read',
    'user:write',
  ],
};

/** The security administrator: roles, permissions and security policies. */
export const securityAdmin: User = {
  id: 21,
  username: 'sec.admin',
  display_name: '安全管理员',
  role: 'security_admin',
  org: cityOrg,
  permissions: ['policy:write', 'role:read', 'role:write', 'setting:read'],
};

/** The audit administrator: reads and exports the audit log, nothing else. */
export const auditAdmin: User = {
  id: 22,
  username: 'audit.admin',
  display_name: '审计管理员',
  role: 'audit_admin',
  org: cityOrg,
  permissions: ['audit:export', 'audit:read'],
};

/** A user account as the user administration lists it: a street staff user. */
export function aUserAccount(overrides: Partial<UserAccount> = {}): UserAccount {
  return {
    id: 30,
    org: { id: 5, name: '和平街道' },
    username: 'wang.fang',
    display_name: '王芳',
    role: { name: 'street_admin', display_name: '街道党工委', duty: 'staff' },
    disabled: false,
    locked: false,
    second_factor: false,
    must_change_password: false,
    created_at: 1_700_000_000,
    ...overrides,
  };
}
