import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import AppLayout from '@/layout/AppLayout.vue';
import LoginPage from '@/views/session/LoginPage.vue';
import { PAGES, type DetailPage, type PageAccess } from './pages';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without logging in. */
    public?: boolean;
    /** Who may open the page (from the page table); the permission guard refuses everyone else. */
    access?: PageAccess;
  }
}

/** A page's route under the layout: its path without the leading slash. */
function pageRoute(page: DetailPage, access: PageAccess | undefined): RouteRecordRaw {
  return {
    path: page.path.slice(1),
    name: page.name,
    component: page.component,
    meta: access === undefined ? {} : { access },
  };
}

/** The routes of the page table; a detail page has the access of its list page. */
const PAGE_ROUTES: RouteRecordRaw[] = PAGES.flatMap((page) => [
  pageRoute(page, page.access),
  ...(page.details ?? []).map((detail) => pageRoute(detail, page.access)),
]);

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  return createRouter({
    history,
    routes: [
      { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
      // The pages load on first visit (each is a chunk of its own), so the login page stays small.
      { path: '/', component: AppLayout, children: PAGE_ROUTES },
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
  });
}
