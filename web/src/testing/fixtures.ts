import type { Bulletin } from '@/api/bulletin';
import type { DutyItem } from '@/api/duty';
import type { Member } from '@/api/member';
import type { Notification } from '@/api/notification';
import type { Org } from '@/api/org';
import type { SessionResponse, User } from '@/api/session';
import type { SupervisionDetail } from '@/api/supervision';
import type { Assignment, AssignmentDetail, ProgressReport, Task } from '@/api/task';
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
    birth_year: '1990',
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

// The responsibility system (#4): what each built-in staff role may do there.
const ALL_RESPONSIBILITY = [
  'accountability:read',
  'accountability:write',
  'bulletin:read',
  'bulletin:write',
  'duty:read',
  'duty:write',
  'notification:read',
  'supervision:write',
  'task:assign',
  'task:read',
  'task:report',
  'task:review',
];
const STREET_RESPONSIBILITY = ALL_RESPONSIBILITY.filter(
  (permission) => permission !== 'duty:write' && !permission.startsWith('accountability:'),
);
const COMMUNITY_RESPONSIBILITY = [
  'bulletin:read',
  'duty:read',
  'notification:read',
  'task:assign',
  'task:read',
  'task:report',
  'task:review',
];

/** The city admin with the responsibility system's permissions (all of them). */
export const cityStaff: User = {
  ...cityAdmin,
  permissions: [...cityAdmin.permissions, ...ALL_RESPONSIBILITY].sort(),
};

/** The street admin with a street's: no duty:write, no accountability. */
export const streetStaff: User = {
  ...streetAdmin,
  permissions: [...streetAdmin.permissions, ...STREET_RESPONSIBILITY].sort(),
};

/** A community admin of 和平里社区: reads, reports and passes tasks on, no supervision. */
export const communityStaff: User = {
  id: 4,
  username: 'community.admin',
  display_name: '和平里社区管理员',
  role: 'community_admin',
  org: {
    id: 6,
    name: '和平里社区',
    level: 'community',
    kind: 'committee',
    path: [...streetAdmin.org.path, { id: 6, name: '和平里社区', level: 'community' }],
  },
  permissions: ['member:read', 'org:read', 'unit:read', ...COMMUNITY_RESPONSIBILITY].sort(),
};

/** A node of a task as the lists send it: 和平里社区's part of a street task. */
export function anAssignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: 12,
    task: { id: 3, title: '开展党员冬训', issuer: { id: 5, name: '和平街道' } },
    parent_id: 10,
    org: { id: 6, name: '和平里社区', level: 'community' },
    deadline: '2026-03-31',
    weight: 1,
    progress: 40,
    state: 'open',
    overdue: false,
    overdue_days: 0,
    child_count: 0,
    completed_at: null,
    ...overrides,
  };
}

/** A node with what its page shows. */
export function anAssignmentDetail(overrides: Partial<AssignmentDetail> = {}): AssignmentDetail {
  return {
    ...anAssignment(),
    content: '组织全体党员参加冬训，不少于 8 学时。',
    parent: { id: 10, org: { id: 5, name: '和平街道', level: 'street' }, progress: 20 },
    reports: [],
    events: [],
    can_report: false,
    can_decompose: false,
    can_review: false,
    ...overrides,
  };
}

export function aTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 3,
    title: '开展党员冬训',
    content: '组织全体党员参加冬训，不少于 8 学时。',
    deadline: '2026-03-31',
    weight: 10,
    duty_item: null,
    issuer: { id: 5, name: '和平街道', level: 'street' },
    created_at: '2026-01-05T01:00:00Z',
    root_assignment_id: 10,
    progress: 20,
    executing_count: 4,
    done_count: 1,
    overdue_count: 1,
    ...overrides,
  };
}

export function aReport(overrides: Partial<ProgressReport> = {}): ProgressReport {
  return {
    id: 41,
    percent: 60,
    text: '已完成 3 个支部的集中学习',
    state: 'pending',
    reported_by: { id: 4, display_name: '和平里社区管理员' },
    reported_at: '2026-02-01T02:00:00Z',
    reviewed_at: null,
    review_reason: null,
    attachments: [
      {
        id: 77,
        file_name: '签到表.pdf',
        content_type: 'application/pdf',
        size: 2048,
        created_at: '2026-02-01T01:59:00Z',
      },
    ],
    ...overrides,
  };
}

export function aSupervision(overrides: Partial<SupervisionDetail> = {}): SupervisionDetail {
  return {
    id: 9,
    issuer: { id: 5, name: '和平街道', level: 'street' },
    target: { id: 6, name: '和平里社区', level: 'community' },
    assignment: { id: 12, task_title: '开展党员冬训' },
    duty_item: null,
    title: '冬训进度滞后',
    requirement: '一周内补齐集中学习',
    deadline: '2026-02-15',
    state: 'open',
    overdue: false,
    created_at: '2026-02-05T02:00:00Z',
    closed_at: null,
    events: [],
    can_rectify: false,
    can_verify: false,
    ...overrides,
  };
}

export function aDutyItem(overrides: Partial<DutyItem> = {}): DutyItem {
  return {
    id: 21,
    org: { id: 1, name: '示范市', level: 'city' },
    year: 2026,
    level: 'street',
    responsibility_kind: 'direct',
    description: '每季度研究一次基层党建工作',
    department: { id: 1, name: '组织部门' },
    sort_order: 1,
    ...overrides,
  };
}

export function aNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 50,
    kind: 'assigned',
    title: '新任务：开展党员冬训',
    body: '和平街道下达，截止 2026-03-31',
    link: '/tasks/assignments/12',
    created_at: '2026-01-05T01:00:00Z',
    read: false,
    ...overrides,
  };
}

/** A draft bulletin of 和平街道 over the first quarter, with two communities. */
export function aBulletin(overrides: Partial<Bulletin> = {}): Bulletin {
  return {
    id: 8,
    org: { id: 5, name: '和平街道', level: 'street' },
    title: '2026年第一季度党建任务完成情况通报',
    period_from: '2026-01-01',
    period_to: '2026-03-31',
    as_of: '2026-04-01T02:00:00Z',
    state: 'draft',
    published_at: null,
    figures: {
      rows: [
        {
          org: { id: 6, name: '和平里社区', level: 'community' },
          assignments: 4,
          done: 3,
          on_time: 2,
          completion_rate: 0.75,
          on_time_rate: 0.5,
          overdue: 1,
          open_supervisions: 1,
          average_progress: 80,
          previous: {
            assignments: 2,
            done: 1,
            on_time: 1,
            completion_rate: 0.5,
            on_time_rate: 0.5,
            overdue: 1,
            open_supervisions: 0,
            average_progress: 60,
          },
        },
        {
          org: { id: 7, name: '东风社区', level: 'community' },
          assignments: 4,
          done: 2,
          on_time: 2,
          completion_rate: 0.5,
          on_time_rate: 0.5,
          overdue: 2,
          open_supervisions: 0,
          average_progress: 55,
          previous: null,
        },
      ],
      totals: {
        assignments: 8,
        done: 5,
        on_time: 4,
        completion_rate: 0.625,
        on_time_rate: 0.5,
        overdue: 3,
        open_supervisions: 1,
        average_progress: 67.5,
      },
      overdue_items: [
        anAssignment({
          id: 13,
          org: { id: 7, name: '东风社区', level: 'community' },
          overdue: true,
          overdue_days: 3,
        }),
      ],
      open_supervisions: [aSupervision()],
    },
    ...overrides,
  };
}
