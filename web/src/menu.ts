import type { Component } from 'vue';
import type { User } from '@/api/session';
import { opensTo, PAGES, type MenuPage } from '@/router/pages';

/** One sidebar entry; pages get one by `inMenu` in router/pages.ts. */
export interface MenuEntry {
  /** Route path, the link of the entry. */
  path: string;
  /** vue-i18n key of the label. */
  titleKey: string;
  icon: Component;
}

/** The entries a user sees: the menu pages open to them, in the order of the page table. */
export function menuFor(user: User | null): MenuEntry[] {
  return PAGES.filter((page): page is MenuPage => page.inMenu)
    .filter((page) => opensTo(page.access, user))
    .map(({ path, titleKey, icon }) => ({ path, titleKey, icon }));
}
