// Party members in Chromium against a running server: see README.md for the env vars.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  closeBrowser,
  expectPath,
  expectText,
  logIn,
  logOut,
  loginFor,
  maskedIdNumber,
  randomChineseName,
  randomIdNumber,
  withPage,
} from './support.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };

after(closeBrowser);

/** Filters the member list by an exact ID number and returns the row of that member. */
async function findByIdNumber(page, idNumber, name) {
  await page.locator('[data-test="member-filter-id-number"]').fill(idNumber);
  await page.locator('[data-test="member-search"]').click();
  const row = page.locator('[data-test="member-table"] .el-table__row').filter({ hasText: name });
  await expectText(row.locator('[data-test="member-name"]'), name);
  return row.first();
}

test(
  'the street user adds a member and sees the ID number masked; only the city user can unmask it',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      const name = randomChineseName('测');
      const idNumber = randomIdNumber();
      await page.goto('/login');
      await logIn(page, loginFor(config, 'street'));
      await expectPath(page, '/');
      await page.locator('[data-test="menu-members"]').click();
      await expectPath(page, '/members');

      // A wrong check character is caught before anything is sent.
      await page.locator('[data-test="member-add"]').click();
      const dialog = page.locator('[data-test="member-form-dialog"]').first();
      await dialog.locator('[data-test="member-form-name"]').fill(name);
      const wrongCheck = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
      await dialog.locator('[data-test="member-form-id-number"]').fill(wrongCheck);
      await dialog.locator('[data-test="member-form-submit"]').click();
      await expectText(dialog.locator('.el-form-item__error'), '身份证号码校验位错误');

      await dialog.locator('[data-test="member-form-id-number"]').fill(idNumber);
      await dialog.locator('[data-test="member-form-phone"]').fill('13800138000');
      await dialog.locator('[data-test="member-form-submit"]').click();
      await dialog.waitFor({ state: 'hidden' });

      const row = await findByIdNumber(page, idNumber, name);
      await expectText(row.locator('[data-test="member-id-number"]'), maskedIdNumber(idNumber));
      await expectText(row.locator('[data-test="member-phone"]'), '138****8000');
      assert.equal(await page.locator('[data-test="member-unmask"]').count(), 0);
      assert.ok(!(await page.content()).includes(idNumber), 'the full ID number is on the page');

      await logOut(page);
      await logIn(page, loginFor(config, 'city'));
      await expectPath(page, '/');
      await page.goto('/members');
      const cityRow = await findByIdNumber(page, idNumber, name);
      await expectText(cityRow.locator('[data-test="member-id-number"]'), maskedIdNumber(idNumber));
      await cityRow.locator('[data-test="member-unmask"]').click();
      const identifiers = page.locator('[data-test="identifiers-dialog"]').first();
      await expectText(identifiers.locator('[data-test="identifiers-id-number"]'), idNumber);
      await expectText(identifiers.locator('[data-test="identifiers-phone"]'), '13800138000');
      await expectText(identifiers.locator('[data-test="identifiers-note"]'), /已记录查看日志/);
    }),
);
