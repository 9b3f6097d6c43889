// The separated administrators' pages (三员分立) in Chromium: see README.md for the env vars.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, test } from 'node:test';
import {
  closeBrowser,
  expectPath,
  expectText,
  logIn,
  loginFor,
  pickOption,
  signInThroughApi,
  uniqueSuffix,
  withPage,
} from './support.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };
const ADMINISTRATION_MENU = ['menu-users', 'menu-roles', 'menu-settings', 'menu-audit'];

after(closeBrowser);

test(
  'the system administrator creates a user, who signs in with the initial password and must change it',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      const username = `e2e.${uniqueSuffix()}`;
      await signInThroughApi(page, loginFor(config, 'system'));
      await page.goto('/');
      await page.locator('[data-test="menu-users"]').click();
      await expectPath(page, '/users');
      // Administrators are listed, and nobody can act on them here.
      await page.locator('[data-test="user-filter-q"]').fill('admin');
      await page.locator('[data-test="user-search"]').click();
      const securityRow = page
        .locator('[data-test="user-table"] .el-table__body-wrapper .el-table__row')
        .filter({ hasText: 'sec.admin' });
      await expectText(securityRow.locator('[data-test="user-role"]'), '安全管理员');
      assert.equal(await securityRow.locator('button').count(), 0);

      await page.locator('[data-test="user-add"]').click();
      const dialog = page.locator('[data-test="user-form-dialog"]').first();
      await pickOption(page, 'user-form-org', '和平街道');
      await dialog.locator('[data-test="user-form-username"]').fill(username);
      await dialog.locator('[data-test="user-form-name"]').fill('测试用户');
      await dialog.locator('[data-test="user-form-role"]').click();
      await page
        .locator('.user-form-role-popper .el-select-dropdown__item')
        .filter({ hasText: '街道党工委' })
        .first()
        .click();
      await dialog.locator('[data-test="user-form-submit"]').click();

      const shown = page.locator('[data-test="user-password-dialog"]').first();
      await expectText(shown.locator('.el-alert'), /密码只显示这一次/);
      const password = (await shown.locator('[data-test="user-password"]').textContent()).trim();
      assert.ok(password.length >= 12, `initial password ${JSON.stringify(password)}`);
      await shown.locator('[data-test="user-password-close"]').click();
      await shown.waitFor({ state: 'hidden' });

      await page.locator('[data-test="user-filter-q"]').fill(username);
      await page.locator('[data-test="user-search"]').click();
      const row = page
        .locator('[data-test="user-table"] .el-table__body-wrapper .el-table__row')
        .filter({ hasText: username });
      await expectText(row.locator('[data-test="user-role"]'), '街道党工委');
      await expectText(row.locator('[data-test="user-status"]'), /须改密码/);

      // The new user, in a browser of their own.
      const context = await page.context().browser().newContext({ baseURL: config.baseUrl });
      try {
        const newcomer = await context.newPage();
        await newcomer.goto('/login');
        await logIn(newcomer, { username, password });
        await expectPath(newcomer, '/password');
      } finally {
        await context.close();
      }
    }),
);

test(
  'the security administrator creates a staff role and grants it a permission',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      const name = `grid_test_${uniqueSuffix().replace(/[^a-z]/g, 'x')}`;
      await signInThroughApi(page, loginFor(config, 'security'));
      await page.goto('/');
      // No org:read: a welcome with links instead of org counts.
      await page.locator('[data-test="home-welcome"]').waitFor();
      await page.locator('[data-test="home-link-roles"]').click();
      await expectPath(page, '/roles');
      const rows = page.locator('[data-test="role-table"] .el-table__body-wrapper .el-table__row');
      const auditRow = rows.filter({ hasText: 'audit_admin' });
      await expectText(auditRow.locator('[data-test="role-duty"]'), '审计管理员');
      await expectText(auditRow.locator('[data-test="role-permissions"]'), /查看审计日志/);
      assert.equal(await auditRow.locator('button').count(), 0);

      await page.locator('[data-test="role-add"]').click();
      const dialog = page.locator('[data-test="role-form-dialog"]').first();
      await dialog.locator('[data-test="role-form-name"]').fill(name);
      await dialog.locator('[data-test="role-form-display-name"]').fill('网格员（测试）');
      await dialog.locator('[data-test="role-form-submit"]').click();
      await dialog.waitFor({ state: 'hidden' });
      const row = rows.filter({ hasText: name });
      await expectText(row.locator('[data-test="role-permissions"]'), '无');

      await row.locator('[data-test="role-edit"]').click();
      await expectText(dialog.locator('[data-test="role-form-permissions"]'), /查看完整身份证号/);
      // Only staff permissions are offered (三员分立).
      assert.equal(await dialog.getByText('查看审计日志').count(), 0);
      await dialog.locator('[data-test="role-permission-org-read"]').click();
      await dialog.locator('[data-test="role-form-submit"]').click();
      await dialog.waitFor({ state: 'hidden' });
      await expectText(row.locator('[data-test="role-permissions"]'), '查看组织');

      // Unused and not built in: it can go again.
      await row.locator('[data-test="role-delete"]').click();
      await page.locator('.el-message-box .el-button--primary').click();
      await row.waitFor({ state: 'detached' });
    }),
);

test(
  "the audit administrator finds a street user's denied request, exports the log and verifies the chain",
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      const street = loginFor(config, 'street');
      // The street user opens the user list, which their role does not allow.
      const streetContext = await page.context().browser().newContext({ baseURL: config.baseUrl });
      try {
        const streetPage = await streetContext.newPage();
        await signInThroughApi(streetPage, street);
        const denied = await streetPage.request.get('/api/v1/users');
        assert.equal(denied.status(), 403);
      } finally {
        await streetContext.close();
      }

      await signInThroughApi(page, loginFor(config, 'audit'));
      await page.goto('/audit');
      await page.locator('[data-test="audit-filter-action"]').click();
      await page
        .locator('.audit-filter-action-popper .el-select-dropdown__item')
        .filter({ hasText: '越权拒绝' })
        .first()
        .click();
      await page.locator('[data-test="audit-filter-username"]').fill(street.username);
      await page.locator('[data-test="audit-search"]').click();
      const row = page
        .locator('[data-test="audit-table"] .el-table__body-wrapper .el-table__row')
        .filter({ hasText: 'GET /api/v1/users' })
        .first();
      await expectText(row.locator('[data-test="audit-action"]'), '越权拒绝');
      await expectText(row.locator('[data-test="audit-result"]'), '拒绝');
      await expectText(row.locator('[data-test="audit-username"]'), street.username);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-test="audit-export"]').click(),
      ]);
      assert.equal(download.suggestedFilename(), 'audit-log.xlsx');
      const bytes = await readFile(await download.path());
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip');

      await page.locator('[data-test="audit-verify"]').click();
      await expectText(page.locator('[data-test="audit-verify-result"]'), /日志完整/);
    }),
);

test('a street user sees none of the administration pages', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    await page.goto('/login');
    await logIn(page, loginFor(config, 'street'));
    await expectPath(page, '/');
    await page.locator('[data-test="menu-members"]').waitFor();
    for (const entry of ADMINISTRATION_MENU) {
      assert.equal(await page.locator(`[data-test="${entry}"]`).count(), 0, entry);
    }
    // Typing the address leads home rather than to a page of refusals.
    await page.goto('/audit');
    await expectPath(page, '/');
  }),
);
