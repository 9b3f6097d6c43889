import type { Router } from 'vue-router';
import type { SessionStore } from '@/stores/session';

/**
 * Sends a signed-in user who lacks a page's `meta.permission` to the home page instead of a page
 * whose every request the server would refuse. Install after the session guard, which restores
 * the session first.
 */
export function installPermissionGuard(router: Router, session: SessionStore): void {
  router.beforeEach((to) => {
    const permission = to.meta.permission;
    if (!permission || !session.isAuthenticated || session.can(permission)) return true;
    return { name: 'home' };
  });
}
