import { House } from '@element-plus/icons-vue';
import type { Component } from 'vue';

/** One sidebar entry; add one here when a feature's page lands. */
export interface MenuEntry {
  /** Route path, also the el-menu index. */
  path: string;
  /** vue-i18n key of the label. */
  titleKey: string;
  icon: Component;
}

/** The sidebar, in order: only capabilities that exist. */
export const MENU: readonly MenuEntry[] = [{ path: '/', titleKey: 'menu.home', icon: House }];
