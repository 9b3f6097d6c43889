import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { useSessionStore } from '@/stores/session';
import { auditAdmin, systemAdmin } from '@/testing/fixtures';
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
});
