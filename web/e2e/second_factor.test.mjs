// The first login of a new administrator, as the operator creates one (`liandong user add`): bind
// an authenticator (QR code and key), keep the recovery codes, change the initial password, then
// sign in again with a one-time code, and once with a recovery code. scripts/test adds this user
// to the logins file as role "new_admin".
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  closeBrowser,
  expectPath,
  expectText,
  freshCode,
  logIn,
  loginFor,
  rememberSecret,
  withPage,
} from './support.mjs';
import { totpCode, totpStep } from './totp.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };
const NEW_PASSWORD = 'Anquan#Guanli-2026x';

after(closeBrowser);

test(
  'a new administrator binds an authenticator, changes the password and signs in with codes',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      const admin = loginFor(config, 'new_admin');
      await page.goto('/login');
      await logIn(page, admin);
      // No work before the authenticator is bound.
      await expectPath(page, '/second-factor');
      await expectText(page.locator('[data-test="second-factor-required"]'), /须启用两步验证/);
      await page.goto('/roles');
      await expectPath(page, '/second-factor');

      await page.locator('[data-test="totp-begin"]').click();
      await page.locator('[data-test="totp-qr"]').waitFor();
      assert.match(
        await page.locator('[data-test="totp-qr"]').getAttribute('src'),
        /^data:image\/png;base64,/,
      );
      const secret = (await page.locator('[data-test="totp-secret"]').textContent()).trim();
      assert.match(secret, /^[A-Z2-7]{32}$/);

      await page.locator('[data-test="totp-confirm-code"]').fill('000000');
      await page.locator('[data-test="totp-confirm"]').click();
      await expectText(
        page.locator('[data-test="second-factor-error"]'),
        /动态验证码或恢复码不正确/,
      );
      const step = totpStep();
      await page.locator('[data-test="totp-confirm-code"]').fill(totpCode(secret, step));
      await page.locator('[data-test="totp-confirm"]').click();
      await rememberSecret(admin.username, secret, step);
      const codes = page.locator('[data-test="recovery-codes"] li');
      await codes.first().waitFor();
      assert.equal(await codes.count(), 10);
      const recoveryCode = (await codes.nth(2).textContent()).trim();
      assert.match(recoveryCode, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);

      // Then the initial password must go.
      await page.locator('[data-test="second-factor-done"]').click();
      await expectPath(page, '/password');
      await page.locator('[data-test="password-current"]').fill(admin.password);
      await page.locator('[data-test="password-next"]').fill(NEW_PASSWORD);
      await page.locator('[data-test="password-confirm"]').fill(NEW_PASSWORD);
      await page.locator('[data-test="password-submit"]').click();
      await expectPath(page, '/');
      await page.locator('[data-test="logout"]').click();
      await expectPath(page, '/login');

      // The next login stops half-way for the code.
      await logIn(page, { username: admin.username, password: NEW_PASSWORD });
      await expectText(page.locator('[data-test="second-factor-hint"]'), /6 位动态验证码/);
      await page.locator('[data-test="second-factor-code"]').fill(await freshCode(admin.username));
      await page.locator('[data-test="second-factor-submit"]').click();
      await expectPath(page, '/');
      await page.locator('[data-test="menu-roles"]').click();
      await expectPath(page, '/roles');
      await page.locator('[data-test="logout"]').click();
      await expectPath(page, '/login');

      // A recovery code works once instead of the code.
      await logIn(page, { username: admin.username, password: NEW_PASSWORD });
      await page.locator('[data-test="use-recovery-code"]').click();
      await page.locator('[data-test="second-factor-code"]').fill(recoveryCode);
      await page.locator('[data-test="second-factor-submit"]').click();
      await expectPath(page, '/');
    }),
);
