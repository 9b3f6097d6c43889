import {
  DataAnalysis,
  House,
  OfficeBuilding,
  Share,
  Stamp,
  User as UserIcon,
  UserFilled,
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

/** The sidebar, in order: only capabilities that exist. */
export const MENU: readonly MenuEntry[] = [
  { path: '/', titleKey: 'menu.home', icon: House },
  { path: '/orgs', titleKey: 'menu.orgs', icon: Share },
  { path: '/members', titleKey: 'menu.members', icon: UserIcon },
  { path: '/units', titleKey: 'menu.units', icon: OfficeBuilding },
  { path: '/coverage', titleKey: 'menu.coverage', icon: DataAnalysis },
  { path: '/joint-committees', titleKey: 'menu.jointCommittees', icon: UserFilled },
  {
    path: '/reform',
    titleKey: 'menu.reform',
    icon: Stamp,
    // Reform progress compares streets: a view for the city and district departments.
    shownTo: (user) => user.org.level === 'city' || user.org.level === 'district',
  },
];

/** The entries a user sees. */
export function menuFor(user: User | null): MenuEntry[] {
  return MENU.filter((entry) => !entry.shownTo || (user !== null && entry.shownTo(user)));
}
