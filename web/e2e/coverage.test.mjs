// Coverage (两个覆盖) in Chromium against a running server: see README.md for the env vars.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  callApi,
  closeBrowser,
  currentSession,
  expectPath,
  expectText,
  logIn,
  loginFor,
  pickOption,
  uniqueSuffix,
  withPage,
} from './support.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };

after(closeBrowser);

async function coverageNumbers(page) {
  const read = async (key) =>
    Number(await expectText(page.locator(`[data-test="coverage-${key}"]`), /^\d+$/));
  return { ownOrg: await read('own_org'), uncovered: await read('uncovered') };
}

test('the coverage numbers move when an uncovered unit gets its own Party org', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    await page.goto('/login');
    await logIn(page, loginFor(config, 'city'));
    await expectPath(page, '/');
    await page.locator('[data-test="menu-coverage"]').click();
    await expectPath(page, '/coverage');
    const before = await coverageNumbers(page);
    assert.ok(before.uncovered > 0, 'the demo city should have eligible units without an org');
    await expectText(page.locator('[data-test="uncovered-name"]'), /\S/);

    // Setting up, not under test: an uncovered unit, and a Party org for it where it is located.
    const { user } = await currentSession(page);
    const uncovered = await callApi(
      page,
      'GET',
      `/units?org=${user.org.id}&eligible=true&coverage=uncovered&page=1&page_size=1`,
    );
    const unit = uncovered.items[0];
    const orgName = `${unit.name}党支部${uniqueSuffix()}`;
    await callApi(page, 'POST', '/orgs', {
      parent_id: unit.org.id,
      level: 'unit',
      kind: 'branch',
      name: orgName,
      secretary: '',
      contact: '',
      address: '',
      founded_on: null,
      sector: '',
    });

    // The numbers behind "uncovered" include this unit.
    await page.locator('[data-test="coverage-tile-uncovered"]').click();
    const drawer = page.locator('[data-test="coverage-units"]').first();
    await expectText(drawer.locator('.el-drawer__title'), /未覆盖/);
    await drawer.locator('[data-test="coverage-unit-name"]').first().waitFor();
    await drawer.locator('.el-drawer__close-btn').click();

    await page.locator('[data-test="menu-units"]').click();
    await expectPath(page, '/units');
    await page.locator('[data-test="unit-filter-q"]').fill(unit.name);
    await page.locator('[data-test="unit-search"]').click();
    const row = page
      .locator('[data-test="unit-table"] .el-table__row')
      .filter({ has: page.locator('[data-test="unit-name"]', { hasText: unit.name }) })
      .first();
    await expectText(row.locator('[data-test="unit-coverage"]'), '未覆盖');
    await row.locator('[data-test="unit-edit"]').click();
    const dialog = page.locator('[data-test="unit-form-dialog"]').first();
    await pickOption(page, 'unit-form-own-org', orgName);
    await dialog.locator('[data-test="unit-form-submit"]').click();
    await dialog.waitFor({ state: 'hidden' });
    await expectText(row.locator('[data-test="unit-coverage"]'), '单独建立党组织');

    await page.locator('[data-test="menu-coverage"]').click();
    await expectPath(page, '/coverage');
    await expectText(
      page.locator('[data-test="coverage-uncovered"]'),
      String(before.uncovered - 1),
    );
    await expectText(page.locator('[data-test="coverage-own_org"]'), String(before.ownOrg + 1));
  }),
);
