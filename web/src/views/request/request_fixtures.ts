// Requests as the API sends them, and users holding the requests' permissions, for the tests of
// the pages in this folder.
import type { RequestCategory, RequestDetail, ResidentRequest } from '@/api/request';
import type { User } from '@/api/session';
import { cityAdmin, communityStaff, streetAdmin } from '@/testing/fixtures';

export const streetHandler: User = {
  ...streetAdmin,
  permissions: [...streetAdmin.permissions, 'request:handle', 'request:intake', 'request:read'],
};

export const communityHandler: User = {
  ...communityStaff,
  permissions: [...communityStaff.permissions, 'request:handle', 'request:read'],
};

export const hotlineOperator: User = {
  ...cityAdmin,
  username: 'hotline.operator',
  role: 'hotline_operator',
  permissions: ['notification:read', 'org:read', 'request:intake', 'request:read'],
};

export const cityCatalogue: User = {
  ...cityAdmin,
  permissions: [...cityAdmin.permissions, 'request:catalogue', 'request:read'],
};

export function aRequest(overrides: Partial<ResidentRequest> = {}): ResidentRequest {
  return {
    id: 31,
    channel: 'hotline',
    category: { id: 140, code: '03.01.01', name: '楼道垃圾未清运' },
    sla_class: 'general',
    title: '小区物业不清运楼道垃圾',
    description: '来电人反映：楼道垃圾堆放一周无人清运。',
    address: '和平里小区3号楼',
    latitude: null,
    longitude: null,
    resident_name: '王**',
    resident_phone: '138****5678',
    territory: { id: 6, name: '和平里社区', level: 'community' },
    first_receiver: { id: 1, name: '示范市', level: 'city' },
    owner: { id: 6, name: '和平里社区', level: 'community' },
    state: 'dispatched',
    arrived_by_return: false,
    received_at: '2026-03-02T01:00:00Z',
    received_month: '2026-03',
    dispatched_at: '2026-03-02T01:00:00Z',
    sign_for_due: '2026-03-02T03:00:00Z',
    signed_at: null,
    contact_due: '2026-03-03T01:00:00Z',
    contacted_at: null,
    resolution_due: '2026-03-09T01:00:00Z',
    extension_days: 0,
    replied_at: null,
    reply: '',
    satisfaction: null,
    resolved: null,
    rated_at: null,
    closed_at: null,
    return_count: 0,
    reopen_count: 0,
    late: { sign_for: false, contact: false, resolution: false },
    ...overrides,
  };
}

export function aRequestDetail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    ...aRequest(),
    steps: [
      {
        id: 1,
        kind: 'received',
        org: { id: 1, name: '示范市', level: 'city' },
        user: { id: 9, display_name: '热线受理员' },
        target: null,
        text: 'hotline',
        at: '2026-03-02T01:00:00Z',
        attachments: [],
      },
      {
        id: 2,
        kind: 'dispatched',
        org: { id: 1, name: '示范市', level: 'city' },
        user: null,
        target: { id: 6, name: '和平里社区', level: 'community' },
        text: '',
        at: '2026-03-02T01:00:00Z',
        attachments: [],
      },
    ],
    extensions: [],
    can_sign: false,
    can_handle: false,
    can_decide_extension: false,
    can_rate: false,
    can_reopen: false,
    max_extension_days_left: 7,
    ...overrides,
  };
}

function node(
  id: number,
  code: string,
  name: string,
  full_name: string,
  routing: Partial<RequestCategory> = {},
): RequestCategory {
  const depth = code.split('.').length;
  return {
    id,
    code,
    parent_code: depth === 1 ? null : code.slice(0, code.lastIndexOf('.')),
    name,
    full_name,
    depth,
    leaf: false,
    owner_kind: null,
    agency_kind: null,
    sla_class: null,
    archived: false,
    ...routing,
  };
}

/** A small catalogue: two branches, four leaves (one archived). */
export const CATEGORIES: RequestCategory[] = [
  node(1, '01', '噪声扰民', '噪声扰民'),
  node(2, '01.01', '社会生活噪声', '噪声扰民 / 社会生活噪声'),
  node(3, '01.01.01', '邻里噪声', '噪声扰民 / 社会生活噪声 / 邻里噪声', {
    leaf: true,
    owner_kind: 'agency',
    agency_kind: 'police_station',
    sla_class: 'general',
  }),
  node(4, '01.01.02', '广场舞噪声', '噪声扰民 / 社会生活噪声 / 广场舞噪声', {
    leaf: true,
    owner_kind: 'street',
    sla_class: 'general',
  }),
  node(5, '03', '物业管理', '物业管理'),
  node(140, '03.01', '楼道垃圾未清运', '物业管理 / 楼道垃圾未清运', {
    leaf: true,
    owner_kind: 'community',
    sla_class: 'general',
  }),
  node(141, '03.02', '电梯停运', '物业管理 / 电梯停运', {
    leaf: true,
    owner_kind: 'community',
    sla_class: 'utilities',
    archived: true,
  }),
];

export const SLA_CLASSES = [
  {
    code: 'general',
    name: '一般',
    sign_for_minutes: 120,
    contact_minutes: 1440,
    resolution_minutes: 10080,
    warning_minutes: 1440,
    max_extension_days: 7,
  },
  {
    code: 'utilities',
    name: '水电气热',
    sign_for_minutes: 60,
    contact_minutes: 120,
    resolution_minutes: 1440,
    warning_minutes: 240,
    max_extension_days: 3,
  },
];

export const AGENCY_KINDS = [
  { code: 'police_station', name: '派出所', department: '公安分局' },
  { code: 'urban_management', name: '城管执法队', department: '城市管理综合执法局' },
];
