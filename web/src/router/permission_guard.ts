import type { Router } from 'vue-router';
import type { SessionStore } from '@/stores/session';
import { opensTo } from './pages';

/**
 * Sends a signed-in user to the home page instead of a page not open to them (`meta.access`, from
 * the page table; the same rule hides the page's menu entry), whose every request the server
 * would refuse. Install after the session guard, which restores the session first.
 */
export function installPermissionGuard(router: Router, session: SessionStore): void {
  router.beforeEach((to) => {
    if (!session.isAuthenticated || opensTo(to.meta.access, session.user)) return true;
    return { name: 'home' };
  });
}
