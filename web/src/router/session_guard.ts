import type { LocationQueryValue, RouteLocationRaw, Router } from 'vue-router';
import type { ApiError } from '@/api/client';
import type { SessionStore } from '@/stores/session';

/** A `redirect` query value if it is a path inside this app, else the home page. */
export function safeRedirect(value: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) return '/';
  return path.startsWith('/login') ? '/' : path;
}

function loginLocation(fullPath: string): RouteLocationRaw {
  return fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: fullPath } };
}

/** Sends users without a session to the login page, remembering where they were going. */
export function installSessionGuard(router: Router, session: SessionStore): void {
  router.beforeEach(async (to) => {
    await session.restore();
    // A login waiting for its second factor stays on the login page, which asks for the code.
    const halfSignedIn = session.isAuthenticated && session.secondFactor === 'required';
    if (to.meta.public) {
      return to.name === 'login' && session.isAuthenticated && !halfSignedIn
        ? safeRedirect(to.query.redirect)
        : true;
    }
    if (!session.isAuthenticated || halfSignedIn) return loginLocation(to.fullPath);
    // An authenticator must be bound, then an expired password changed, before anything else.
    if (session.secondFactor === 'enrol' && to.name !== 'second-factor') {
      return { name: 'second-factor' };
    }
    if (session.secondFactor !== 'enrol' && session.passwordExpired && to.name !== 'password') {
      return { name: 'password' };
    }
    return true;
  });
}

/**
 * The client's 401 hook: a session that the server says has ended is dropped and the user is
 * sent to log in again. A 401 while nobody is logged in (restoring a session) changes nothing.
 */
export function endSession(router: Router, session: SessionStore, reason: ApiError): void {
  if (!session.isAuthenticated) return;
  session.end(reason);
  void router.replace(loginLocation(router.currentRoute.value.fullPath));
}
