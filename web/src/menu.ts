import {
  AlarmClock,
  Bell,
  Checked,
  DataAnalysis,
  DataLine,
  List,
  Document,
  House,
  Key,
  OfficeBuilding,
  Setting,
  Share,
  WarnTriangleFilled,
  Stamp,
  Tickets,
  User as UserIcon,
  UserFilled,
  Avatar,
} from '@element-plus/icons-vue';
import type { Component } from 'vue';
import type { User } from '@/api/session';

/** One sidebar entry; add one here when a feature's page lands. */
export interface MenuEntry {
  /** Route path, also the el-menu index. */
  path: string;
  /** vue-i18n key of the label. */
  titleKey: string;
  icon: Component;
  /** Whether the entry is shown to a user; shown to everyone when absent. */
  shownTo?: (user: User) => boolean;
}

/** Shown to users holding the permission the page's first request needs. */
function holding(permission: string): (user: User) => boolean {
  return (user) => user.permissions.includes(permission);
}

/** The sidebar, in order: only capabilities that exist. */
export const MENU: readonly MenuEntry[] = [
  { path: '/', titleKey: 'menu.home', icon: House },
  { path: '/orgs', titleKey: 'menu.orgs', icon: Share, shownTo: holding('org:read') },
  { path: '/members', titleKey: 'menu.members', icon: UserIcon, shownTo: holding('member:read') },
  { path: '/units', titleKey: 'menu.units', icon: OfficeBuilding, shownTo: holding('unit:read') },
  {
    path: '/coverage',
    titleKey: 'menu.coverage',
    icon: DataAnalysis,
    shownTo: holding('unit:read'),
  },
  {
    path: '/joint-committees',
    titleKey: 'menu.jointCommittees',
    icon: UserFilled,
    shownTo: (user) => holding('org:read')(user) && holding('unit:read')(user),
  },
  {
    path: '/reform',
    titleKey: 'menu.reform',
    icon: Stamp,
    // Reform progress compares streets: a view for the city and district departments.
    shownTo: (user) =>
      holding('org:read')(user) && (user.org.level === 'city' || user.org.level === 'district'),
  },
  // The responsibility system (责任体系).
  { path: '/duties', titleKey: 'menu.duties', icon: Tickets, shownTo: holding('duty:read') },
  { path: '/tasks', titleKey: 'menu.tasks', icon: List, shownTo: holding('task:read') },
  { path: '/reviews', titleKey: 'menu.reviews', icon: Checked, shownTo: holding('task:review') },
  {
    path: '/supervisions',
    titleKey: 'menu.supervisions',
    icon: AlarmClock,
    shownTo: holding('task:read'),
  },
  {
    path: '/accountabilities',
    titleKey: 'menu.accountabilities',
    icon: WarnTriangleFilled,
    shownTo: holding('accountability:read'),
  },
  {
    path: '/bulletins',
    titleKey: 'menu.bulletins',
    icon: DataLine,
    shownTo: holding('bulletin:read'),
  },
  { path: '/inbox', titleKey: 'menu.inbox', icon: Bell, shownTo: holding('notification:read') },
  // The separated administrators' pages (三员分立).
  { path: '/users', titleKey: 'menu.users', icon: Avatar, shownTo: holding('user:read') },
  { path: '/roles', titleKey: 'menu.roles', icon: Key, shownTo: holding('role:read') },
  { path: '/settings', titleKey: 'menu.settings', icon: Setting, shownTo: holding('setting:read') },
  { path: '/audit', titleKey: 'menu.audit', icon: Document, shownTo: holding('audit:read') },
];

/** The entries a user sees. */
export function menuFor(user: User | null): MenuEntry[] {
  return MENU.filter((entry) => !entry.shownTo || (user !== null && entry.shownTo(user)));
}
