import {
  AlarmClock,
  Avatar,
  Bell,
  ChatLineSquare,
  Checked,
  Connection,
  DataAnalysis,
  DataBoard,
  DataLine,
  Document,
  Files,
  Flag,
  Headset,
  House,
  Key,
  List,
  Management,
  Memo,
  Odometer,
  OfficeBuilding,
  Promotion,
  Setting,
  Share,
  Stamp,
  Tickets,
  TrendCharts,
  User as UserIcon,
  UserFilled,
  WarnTriangleFilled,
} from '@element-plus/icons-vue';
import type { Component } from 'vue';
import type { RouteComponent } from 'vue-router';
import type { OrgLevel } from '@/api/org';
import type { User } from '@/api/session';

/** Who may open a page: the server refuses its requests to anyone else. */
export interface PageAccess {
  /** Every one of these permissions. */
  permissions: readonly string[];
  /** Only users of an org at one of these levels; any level when absent. */
  levels?: readonly OrgLevel[];
}

/** A page under a list page (a record, its print view), open to whoever may open the list. */
export interface DetailPage {
  /** Absolute route path, such as `/tasks/assignments/:id(\\d+)`. */
  path: string;
  /** Route name. */
  name: string;
  /** A loader (`() => import(...)`), so that the page is a chunk of its own. */
  component: RouteComponent | (() => Promise<RouteComponent>);
}

interface PageBase extends DetailPage {
  /** Open to every signed-in user when absent. */
  access?: PageAccess;
  details?: readonly DetailPage[];
}

/** A page with a sidebar entry, shown only to the users the page is open to. */
export interface MenuPage extends PageBase {
  inMenu: true;
  /** vue-i18n key of the sidebar label. */
  titleKey: string;
  icon: Component;
}

/** One page of the signed-in app: its route, its sidebar entry if any, and who may open it. */
export type Page = MenuPage | (PageBase & { inMenu: false });

const holding = (...permissions: string[]): PageAccess => ({ permissions });
/**
 * Pages of a territory's own work (its lists, rosters, overview): a unit's Party org holds the
 * permissions to read its agreements and feedback sheets, but has no territory of its own.
 */
const territorial = (...permissions: string[]): PageAccess => ({
  permissions,
  levels: ['city', 'district', 'street', 'community'],
});

/** The pages, in sidebar order: the menu, the routes and the permission guard all come from here. */
export const PAGES: readonly Page[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('@/views/home/HomePage.vue'),
    titleKey: 'menu.home',
    icon: House,
    inMenu: true,
  },
  {
    path: '/second-factor',
    name: 'second-factor',
    component: () => import('@/views/session/SecondFactorPage.vue'),
    inMenu: false,
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('@/views/session/PasswordPage.vue'),
    inMenu: false,
  },
  // The organisation system (组织体系).
  {
    path: '/orgs',
    name: 'orgs',
    component: () => import('@/views/org/OrgTreePage.vue'),
    titleKey: 'menu.orgs',
    icon: Share,
    inMenu: true,
    access: holding('org:read'),
  },
  {
    path: '/members',
    name: 'members',
    component: () => import('@/views/member/MemberListPage.vue'),
    titleKey: 'menu.members',
    icon: UserIcon,
    inMenu: true,
    access: holding('member:read'),
  },
  {
    path: '/units',
    name: 'units',
    component: () => import('@/views/unit/UnitListPage.vue'),
    titleKey: 'menu.units',
    icon: OfficeBuilding,
    inMenu: true,
    access: holding('unit:read'),
  },
  {
    path: '/coverage',
    name: 'coverage',
    component: () => import('@/views/coverage/CoveragePage.vue'),
    titleKey: 'menu.coverage',
    icon: DataAnalysis,
    inMenu: true,
    access: holding('unit:read'),
  },
  {
    path: '/joint-committees',
    name: 'joint-committees',
    component: () => import('@/views/joint_committee/JointCommitteePage.vue'),
    titleKey: 'menu.jointCommittees',
    icon: UserFilled,
    inMenu: true,
    access: holding('org:read', 'unit:read'),
  },
  {
    path: '/reform',
    name: 'reform',
    component: () => import('@/views/street/ReformProgressPage.vue'),
    titleKey: 'menu.reform',
    icon: Stamp,
    inMenu: true,
    // Reform progress compares streets: a view for the city and district departments.
    access: { permissions: ['org:read'], levels: ['city', 'district'] },
  },
  // The responsibility system (责任体系).
  {
    path: '/duties',
    name: 'duties',
    component: () => import('@/views/duty/DutyListPage.vue'),
    titleKey: 'menu.duties',
    icon: Tickets,
    inMenu: true,
    access: holding('duty:read'),
  },
  {
    path: '/tasks',
    name: 'tasks',
    component: () => import('@/views/task/TaskListPage.vue'),
    titleKey: 'menu.tasks',
    icon: List,
    inMenu: true,
    access: holding('task:read'),
    details: [
      {
        path: '/tasks/records',
        name: 'task-records',
        component: () => import('@/views/task/AssignmentRecordsPage.vue'),
      },
      {
        path: '/tasks/assignments/:id(\\d+)',
        name: 'task-assignment',
        component: () => import('@/views/task/AssignmentDetailPage.vue'),
      },
    ],
  },
  {
    path: '/reviews',
    name: 'reviews',
    component: () => import('@/views/task/ReviewListPage.vue'),
    titleKey: 'menu.reviews',
    icon: Checked,
    inMenu: true,
    access: holding('task:review'),
  },
  {
    path: '/supervisions',
    name: 'supervisions',
    component: () => import('@/views/supervision/SupervisionListPage.vue'),
    titleKey: 'menu.supervisions',
    icon: AlarmClock,
    inMenu: true,
    access: holding('task:read'),
    details: [
      {
        path: '/supervisions/:id(\\d+)',
        name: 'supervision',
        component: () => import('@/views/supervision/SupervisionDetailPage.vue'),
      },
    ],
  },
  {
    path: '/accountabilities',
    name: 'accountabilities',
    component: () => import('@/views/supervision/AccountabilityPage.vue'),
    titleKey: 'menu.accountabilities',
    icon: WarnTriangleFilled,
    inMenu: true,
    access: holding('accountability:read'),
  },
  {
    path: '/bulletins',
    name: 'bulletins',
    component: () => import('@/views/bulletin/BulletinListPage.vue'),
    titleKey: 'menu.bulletins',
    icon: DataLine,
    inMenu: true,
    access: holding('bulletin:read'),
    details: [
      {
        path: '/bulletins/:id(\\d+)',
        name: 'bulletin',
        component: () => import('@/views/bulletin/BulletinDetailPage.vue'),
      },
      {
        path: '/bulletins/:id(\\d+)/print',
        name: 'bulletin-print',
        component: () => import('@/views/bulletin/BulletinPrintPage.vue'),
      },
    ],
  },
  // Co-building (共驻共建).
  {
    path: '/cobuild/overview',
    name: 'cobuilding-overview',
    component: () => import('@/views/cobuild/OverviewPage.vue'),
    titleKey: 'menu.cobuildOverview',
    icon: DataBoard,
    inMenu: true,
    access: territorial('cobuild:read'),
  },
  {
    path: '/cobuild/agreements',
    name: 'agreements',
    component: () => import('@/views/cobuild/AgreementListPage.vue'),
    titleKey: 'menu.agreements',
    icon: Connection,
    inMenu: true,
    access: holding('cobuild:read'),
    details: [
      {
        path: '/cobuild/agreements/:id(\\d+)',
        name: 'agreement',
        component: () => import('@/views/cobuild/AgreementDetailPage.vue'),
      },
      {
        path: '/cobuild/agreements/:id(\\d+)/print',
        name: 'agreement-print',
        component: () => import('@/views/cobuild/AgreementPrintPage.vue'),
      },
    ],
  },
  {
    path: '/joint-meetings',
    name: 'joint-meetings',
    component: () => import('@/views/joint_meeting/JointMeetingListPage.vue'),
    titleKey: 'menu.jointMeetings',
    icon: Memo,
    inMenu: true,
    access: territorial('cobuild:read'),
    details: [
      {
        path: '/joint-meetings/:id(\\d+)',
        name: 'joint-meeting',
        component: () => import('@/views/joint_meeting/JointMeetingDetailPage.vue'),
      },
    ],
  },
  // Dual reporting (双报到) and the two-way evaluation (双向评价).
  {
    path: '/check-in/roster',
    name: 'check-in-roster',
    component: () => import('@/views/check_in/RosterPage.vue'),
    titleKey: 'menu.checkInRoster',
    icon: Stamp,
    inMenu: true,
    access: territorial('check_in:read'),
  },
  {
    path: '/check-in/posts',
    name: 'service-posts',
    component: () => import('@/views/check_in/ServicePostListPage.vue'),
    titleKey: 'menu.servicePosts',
    icon: Avatar,
    inMenu: true,
    access: territorial('check_in:read'),
    details: [
      {
        path: '/check-in/posts/:id(\\d+)',
        name: 'service-post',
        component: () => import('@/views/check_in/ServicePostDetailPage.vue'),
      },
      // The hours served at the posts of a subtree in a year: the overview's hours figure.
      {
        path: '/check-in/service-hours',
        name: 'service-hours',
        component: () => import('@/views/check_in/ServiceHoursPage.vue'),
      },
    ],
  },
  {
    path: '/check-in/feedback-sheets',
    name: 'feedback-sheets',
    component: () => import('@/views/check_in/FeedbackSheetPage.vue'),
    titleKey: 'menu.feedbackSheets',
    icon: Tickets,
    inMenu: true,
    access: holding('check_in:read'),
  },
  {
    path: '/check-in/evaluations',
    name: 'check-in-evaluations',
    component: () => import('@/views/check_in/EvaluationPage.vue'),
    titleKey: 'menu.checkInEvaluations',
    icon: TrendCharts,
    inMenu: true,
    access: holding('check_in:read'),
  },
  // The three co-building lists (三张清单) and the service centres' venues.
  {
    path: '/cobuild/needs',
    name: 'needs',
    component: () => import('@/views/cobuild_list/NeedListPage.vue'),
    titleKey: 'menu.needs',
    icon: Tickets,
    inMenu: true,
    access: territorial('cobuild:read'),
    details: [
      {
        path: '/cobuild/needs/:id(\\d+)',
        name: 'need',
        component: () => import('@/views/cobuild_list/NeedDetailPage.vue'),
      },
    ],
  },
  {
    path: '/cobuild/resources',
    name: 'resources',
    component: () => import('@/views/cobuild_list/ResourceListPage.vue'),
    titleKey: 'menu.resources',
    icon: Files,
    inMenu: true,
    access: territorial('cobuild:read'),
  },
  {
    path: '/cobuild/projects',
    name: 'projects',
    component: () => import('@/views/cobuild_list/ProjectListPage.vue'),
    titleKey: 'menu.projects',
    icon: Checked,
    inMenu: true,
    access: territorial('cobuild:read'),
    details: [
      {
        path: '/cobuild/projects/:id(\\d+)',
        name: 'project',
        component: () => import('@/views/cobuild_list/ProjectDetailPage.vue'),
      },
    ],
  },
  {
    path: '/cobuild/venues',
    name: 'venues',
    component: () => import('@/views/cobuild_list/VenuePage.vue'),
    titleKey: 'menu.venues',
    icon: OfficeBuilding,
    inMenu: true,
    access: territorial('cobuild:read'),
  },
  // Residents' requests (接诉即办).
  {
    path: '/requests/new',
    name: 'request-intake',
    component: () => import('@/views/request/RequestIntakePage.vue'),
    titleKey: 'request.menu.intake',
    icon: Headset,
    inMenu: true,
    access: holding('request:intake'),
  },
  {
    path: '/requests',
    name: 'requests',
    component: () => import('@/views/request/RequestQueuePage.vue'),
    titleKey: 'request.menu.queues',
    icon: ChatLineSquare,
    inMenu: true,
    access: holding('request:read'),
    details: [
      {
        path: '/requests/:id(\\d+)',
        name: 'request',
        component: () => import('@/views/request/RequestDetailPage.vue'),
      },
    ],
  },
  {
    path: '/request-rates',
    name: 'request-rates',
    component: () => import('@/views/request/RequestRatesPage.vue'),
    titleKey: 'request.menu.rates',
    icon: TrendCharts,
    inMenu: true,
    access: holding('request:read'),
  },
  {
    path: '/request-catalogue',
    name: 'request-catalogue',
    component: () => import('@/views/request/RequestCataloguePage.vue'),
    titleKey: 'request.menu.catalogue',
    icon: Files,
    inMenu: true,
    access: holding('request:catalogue'),
  },
  // Street powers and whistles (吹哨报到).
  {
    path: '/whistles',
    name: 'whistles',
    component: () => import('@/views/whistle/WhistleBoardPage.vue'),
    titleKey: 'whistle.menu.board',
    icon: Promotion,
    inMenu: true,
    access: holding('whistle:read'),
    details: [
      {
        path: '/whistles/new',
        name: 'whistle-new',
        component: () => import('@/views/whistle/WhistleFormPage.vue'),
      },
      {
        path: '/whistles/:id(\\d+)',
        name: 'whistle',
        component: () => import('@/views/whistle/WhistleDetailPage.vue'),
      },
    ],
  },
  {
    path: '/whistle-rates',
    name: 'whistle-rates',
    component: () => import('@/views/whistle/WhistleRatesPage.vue'),
    titleKey: 'whistle.menu.rates',
    icon: Odometer,
    inMenu: true,
    access: holding('whistle:read'),
  },
  {
    path: '/power-acts',
    name: 'power-acts',
    component: () => import('@/views/power/PowerActListPage.vue'),
    titleKey: 'power.menu',
    icon: Flag,
    inMenu: true,
    access: holding('power:read'),
    details: [
      {
        path: '/power-acts/new',
        name: 'power-act-new',
        component: () => import('@/views/power/PowerActFormPage.vue'),
      },
      {
        path: '/power-acts/:id(\\d+)',
        name: 'power-act',
        component: () => import('@/views/power/PowerActDetailPage.vue'),
      },
    ],
  },
  // Key enterprises managed by both sides (双向管理重点企业): the street (块) and an agency (条).
  {
    path: '/key-enterprises',
    name: 'key-enterprises',
    component: () => import('@/views/key_enterprise/KeyEnterpriseListPage.vue'),
    titleKey: 'keyEnterprise.menu',
    icon: Management,
    inMenu: true,
    access: holding('key_enterprise:read'),
    details: [
      {
        path: '/key-enterprises/:id(\\d+)',
        name: 'key-enterprise',
        component: () => import('@/views/key_enterprise/KeyEnterpriseDetailPage.vue'),
      },
    ],
  },
  {
    path: '/open311-partners',
    name: 'open311-partners',
    component: () => import('@/views/request/Open311PartnersPage.vue'),
    titleKey: 'request.menu.open311',
    icon: Connection,
    inMenu: true,
    access: holding('open311:manage'),
  },
  {
    path: '/inbox',
    name: 'inbox',
    component: () => import('@/views/inbox/InboxPage.vue'),
    titleKey: 'menu.inbox',
    icon: Bell,
    inMenu: true,
    access: holding('notification:read'),
  },
  // The community workforce (社区工作者职业体系).
  {
    path: '/workers',
    name: 'workers',
    component: () => import('@/views/workforce/WorkerListPage.vue'),
    titleKey: 'menu.workers',
    icon: UserFilled,
    inMenu: true,
    access: holding('workforce:read'),
    details: [
      {
        path: '/workers/:id(\\d+)',
        name: 'worker',
        component: () => import('@/views/workforce/WorkerProfilePage.vue'),
      },
    ],
  },
  {
    path: '/regrading',
    name: 'regrading',
    component: () => import('@/views/workforce/RegradingPage.vue'),
    titleKey: 'menu.regrading',
    icon: Stamp,
    inMenu: true,
    access: holding('workforce:read'),
  },
  {
    path: '/grade-schemes',
    name: 'grade-schemes',
    component: () => import('@/views/workforce/SchemePage.vue'),
    titleKey: 'menu.gradeSchemes',
    icon: Tickets,
    inMenu: true,
    access: holding('workforce:read'),
  },
  {
    path: '/training',
    name: 'training',
    component: () => import('@/views/workforce/TrainingPage.vue'),
    titleKey: 'menu.training',
    icon: Checked,
    inMenu: true,
    access: holding('workforce:read'),
  },
  {
    path: '/staffing',
    name: 'staffing',
    component: () => import('@/views/workforce/StaffingPage.vue'),
    titleKey: 'menu.staffing',
    icon: DataAnalysis,
    inMenu: true,
    access: holding('workforce:read'),
  },
  // The separated administrators' pages (三员分立).
  {
    path: '/users',
    name: 'users',
    component: () => import('@/views/user/UserListPage.vue'),
    titleKey: 'menu.users',
    icon: Avatar,
    inMenu: true,
    access: holding('user:read'),
  },
  {
    path: '/roles',
    name: 'roles',
    component: () => import('@/views/role/RoleListPage.vue'),
    titleKey: 'menu.roles',
    icon: Key,
    inMenu: true,
    access: holding('role:read'),
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/views/setting/SettingPage.vue'),
    titleKey: 'menu.settings',
    icon: Setting,
    inMenu: true,
    access: holding('setting:read'),
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('@/views/audit/AuditLogPage.vue'),
    titleKey: 'menu.audit',
    icon: Document,
    inMenu: true,
    access: holding('audit:read'),
  },
];

/** Whether a user may open a page with this access; everyone may when it is absent. */
export function opensTo(access: PageAccess | undefined, user: User | null): boolean {
  if (access === undefined) return true;
  if (user === null) return false;
  return (
    access.permissions.every((permission) => user.permissions.includes(permission)) &&
    (access.levels === undefined || access.levels.includes(user.org.level))
  );
}
