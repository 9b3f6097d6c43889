import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import type { OrgLevel } from '@/api/org';
import type { User } from '@/api/session';
import { menuFor } from '@/menu';
import { useSessionStore } from '@/stores/session';
import { streetAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import { createAppRouter } from './index';
import { PAGES, type Page, type PageAccess } from './pages';
import { installPermissionGuard } from './permission_guard';

function userWith(permissions: readonly string[], level: OrgLevel): User {
  return { ...streetAdmin, permissions: [...permissions], org: { ...streetAdmin.org, level } };
}

/** Where a signed-in user lands when they open `path`. */
async function visit(user: User, path: string): Promise<string> {
  createTestPlugins();
  const session = useSessionStore();
  session.$patch({ user, csrfToken: 'csrf', restored: true });
  const router = createAppRouter(createMemoryHistory());
  installPermissionGuard(router, session);
  await router.push(path);
  return router.currentRoute.value.fullPath;
}

const ALL_LEVELS: OrgLevel[] = ['city', 'district', 'street', 'community', 'grid', 'unit'];

/** A user the page is open to, and users lacking one thing each (a permission, or the level). */
function usersFor(access: PageAccess | undefined): { allowed: User; refused: [string, User][] } {
  const permissions = access?.permissions ?? [];
  const level = access?.levels?.[0] ?? 'community';
  const refused: [string, User][] = permissions.map((missing) => [
    `without ${missing}`,
    userWith(
      permissions.filter((permission) => permission !== missing),
      level,
    ),
  ]);
  for (const other of ALL_LEVELS.filter((l) => access?.levels && !access.levels.includes(l))) {
    refused.push([`at the ${other} level`, userWith(permissions, other)]);
  }
  return { allowed: userWith(permissions, level), refused };
}

/** Each page and detail page with a path to open it by, and the access of its list page. */
const PAGE_PATHS = PAGES.flatMap((page: Page) =>
  [page, ...(page.details ?? [])].map(
    (route) => [route.path.replaceAll(':id(\\d+)', '12'), page] as const,
  ),
);

describe('the page table', () => {
  it.each(PAGE_PATHS)(
    'opens %s, and its menu entry shows, to a user it is open to',
    async (path, page) => {
      const { allowed } = usersFor(page.access);
      expect(await visit(allowed, path)).toBe(path);
      if (page.inMenu) expect(menuFor(allowed).map((entry) => entry.path)).toContain(page.path);
    },
  );

  const refusals = PAGE_PATHS.flatMap(([path, page]) =>
    usersFor(page.access).refused.map(([why, user]) => [path, why, user, page] as const),
  );
  it.each(refusals)(
    'sends a user home from %s %s, with no menu entry',
    async (path, _why, user, page) => {
      expect(await visit(user, path)).toBe('/');
      expect(menuFor(user).map((entry) => entry.path)).not.toContain(page.path);
    },
  );

  it('guards every page of the organisation system that the menu hides', () => {
    const guarded = PAGES.filter((page) => page.access !== undefined).map((page) => page.path);
    expect(guarded).toEqual(
      expect.arrayContaining([
        '/orgs',
        '/members',
        '/units',
        '/coverage',
        '/joint-committees',
        '/reform',
      ]),
    );
    expect(PAGES.filter((page) => page.access === undefined).map((page) => page.path)).toEqual([
      '/',
      '/second-factor',
      '/password',
    ]);
  });

  const ROUTES = PAGES.flatMap((page) => [page, ...(page.details ?? [])]);

  it.each(ROUTES.map((route) => [route.path, route] as const))(
    'loads %s on first visit, as a chunk of its own',
    (_path, route) => {
      expect(typeof route.component).toBe('function');
    },
  );

  it('has one route per name and per path', () => {
    expect(new Set(ROUTES.map((route) => route.name)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((route) => route.path)).size).toBe(ROUTES.length);
  });
});
