// Logging in and out in Chromium against a running server: see README.md for the env vars.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { closeBrowser, expectPath, expectText, logIn, loginFor, withPage } from './support.mjs';

const TEST_TIMEOUT = { timeout: 60_000 };

after(closeBrowser);

test('a wrong password shows 用户名或密码错误 and stays on the login page', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    const street = loginFor(config, 'street');
    await page.goto('/login');
    await expectText(page.locator('[data-test="login-title"]'), '联动 · 城市基层党建平台');
    await logIn(page, { username: street.username, password: `${street.password}-wrong` });
    await expectText(page.getByRole('alert'), '用户名或密码错误');
    await expectPath(page, '/login');
  }),
);

test('the street user sees their org, switches language and logs out', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    await page.goto('/login');
    await logIn(page, loginFor(config, 'street'));
    await expectPath(page, '/');
    await expectText(page.locator('[data-test="org-path"]'), /和平街道/);
    await expectText(page.locator('[data-test="count-community"]'), '3');
    await expectText(page.locator('[data-test="logout"]'), '退出登录');

    await page.locator('[data-test="locale-en"]').click();
    await expectText(page.locator('[data-test="logout"]'), 'Log out');
    await expectText(page.locator('[data-test="menu-home"]'), 'Home');
    // The choice survives a reload, and so does the session.
    await page.reload();
    await expectText(page.locator('[data-test="logout"]'), 'Log out');
    await expectText(page.locator('[data-test="count-community"]'), '3');

    await page.locator('[data-test="locale-zh-CN"]').click();
    await expectText(page.locator('[data-test="logout"]'), '退出登录');
    await expectText(page.locator('[data-test="menu-home"]'), '首页');

    await page.locator('[data-test="logout"]').click();
    await expectPath(page, '/login');
    await expectText(page.locator('[data-test="login-submit"]'), '登录');
  }),
);

test('after logging out, the home page sends you to the login page', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    await page.goto('/login');
    await logIn(page, loginFor(config, 'street'));
    await expectPath(page, '/');
    await page.locator('[data-test="logout"]').click();
    await expectPath(page, '/login');

    await page.goto('/');
    await expectPath(page, '/login');
    await page.locator('[data-test="login-submit"]').waitFor();
  }),
);

test('logging in returns to the page that was asked for', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    await page.goto('/?from=bookmark');
    await expectPath(page, '/login', { redirect: '/?from=bookmark' });
    await logIn(page, loginFor(config, 'street'));
    await expectPath(page, '/', { from: 'bookmark' });
    await expectText(page.locator('[data-test="count-community"]'), '3');
  }),
);

// The administrators (system, security, audit) need a second factor, and two of them may not read
// org counts: second_factor.test.mjs covers this form with a code, administration.test.mjs their pages.
const STAFF_ROLES = new Set(['city', 'district', 'street', 'community']);

test('every demo staff user can log in and sees their org and its counts', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    const staff = [...config.logins.values()].filter((login) => STAFF_ROLES.has(login.role));
    assert.equal(staff.length, STAFF_ROLES.size, 'LIANDONG_LOGINS lacks a staff user');
    for (const login of staff) {
      await page.goto('/login');
      await logIn(page, login);
      await expectPath(page, '/');
      await expectText(page.locator('[data-test="org-path"]'), /\S/);
      await expectText(page.locator('[data-test="count-total"]'), /^\d+$/);
      await page.locator('[data-test="logout"]').click();
      await expectPath(page, '/login');
    }
  }),
);
