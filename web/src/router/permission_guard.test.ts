import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { useSessionStore } from '@/stores/session';
import { auditAdmin, communityStaff, streetStaff, systemAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import { createAppRouter } from './index';
import { installPermissionGuard } from './permission_guard';

async function visit(user: typeof auditAdmin, path: string): Promise<string> {
  createTestPlugins();
  const session = useSessionStore();
  session.$patch({ user, csrfToken: 'csrf', restored: true });
  const router = createAppRouter(createMemoryHistory());
  installPermissionGuard(router, session);
  await router.push(path);
  return router.currentRoute.value.fullPath;
}

describe('installPermissionGuard', () => {
  it("opens an administrator's own page", async () => {
    expect(await visit(auditAdmin, '/audit')).toBe('/audit');
    expect(await visit(systemAdmin, '/users')).toBe('/users');
  });

  it('sends a user without the permission home', async () => {
    expect(await visit(auditAdmin, '/users')).toBe('/');
    expect(await visit(systemAdmin, '/roles')).toBe('/');
  });

  it.each([
    ['/tasks', '/tasks'],
    ['/tasks/assignments/12', '/tasks/assignments/12'],
    ['/tasks/records?org=6&subtree=1', '/tasks/records?org=6&subtree=1'],
    ['/bulletins/8/print', '/bulletins/8/print'],
    ['/duties', '/duties'],
    ['/inbox', '/inbox'],
    ['/accountabilities', '/'],
  ])('lets a street user with the responsibility permissions open %s', async (path, landed) => {
    expect(await visit(streetStaff, path)).toBe(landed);
  });

  it('keeps the administrators out of the responsibility pages', async () => {
    expect(await visit(systemAdmin, '/tasks')).toBe('/');
    expect(await visit(auditAdmin, '/bulletins')).toBe('/');
    expect(await visit(communityStaff, '/supervisions/9')).toBe('/supervisions/9');
  });
});
