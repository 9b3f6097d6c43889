// Key enterprises managed by both sides (双向管理重点企业) end to end: 和平街道 lists a key enterprise
// of its territory through the dialog, with the police station serving it (the agency login's
// org) as its 条 owner, and records a visit and an issue; the agency opens the same enterprise,
// sees both entries and resolves the issue; the street sees it 已解决 and no open issue is left.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  callApi,
  closeBrowser,
  currentSession,
  expectText,
  loginFor,
  randomChineseName,
  randomCreditCode,
  signInThroughApi,
  uniqueSuffix,
  withPage,
} from './support.mjs';

after(closeBrowser);

const TEST_TIMEOUT = { timeout: 180_000 };

/**
 * A unit of the street marked as a key enterprise and not yet managed by both sides; a new one
 * (with a unique name) when the street has none left, as a run on a used database may find.
 */
async function unlistedKeyEnterpriseUnit(page, street) {
  const units = await callApi(page, 'GET', `/units?org=${street.id}&page=1&page_size=100`);
  const listed = await callApi(
    page,
    'GET',
    `/key-enterprises?org=${street.id}&page=1&page_size=100`,
  );
  const taken = new Set(listed.items.map((enterprise) => enterprise.unit.id));
  const names = new Map();
  for (const unit of units.items) names.set(unit.name, (names.get(unit.name) ?? 0) + 1);
  const found = units.items.find(
    (unit) =>
      unit.key_enterprise && !unit.archived && !taken.has(unit.id) && names.get(unit.name) === 1,
  );
  if (found) return found;
  return callApi(page, 'POST', '/units', {
    org_id: street.id,
    name: `和平精密制造有限公司${uniqueSuffix()}`,
    credit_code: randomCreditCode(),
    unit_kind: 'private_enterprise',
    industry: '制造业',
    staff_count: 360,
    legal_representative: randomChineseName('王'),
    eligible_for_org: false,
    own_org_id: null,
    joint_branch_org_id: null,
    instructor: '',
    key_enterprise: true,
  });
}

/** The rows of the detail page's log. */
function entryRows(page) {
  return page.locator('[data-test="entry-table"] .el-table__row');
}

/** Records an entry through the form and waits for it in the log. */
async function addEntry(page, kind, text) {
  await page.locator(`[data-test="entry-kind-${kind}"]`).click();
  await page.locator('[data-test="entry-text"]').fill(text);
  await page.locator('[data-test="entry-submit"]').click();
  await expectText(
    entryRows(page).filter({ hasText: text }).locator('[data-test="entry-kind-name"]'),
    kind === 'issue' ? '问题' : '走访',
  );
}

test(
  'a street lists a key enterprise with its agency, both sides write the log and the agency resolves the issue',
  TEST_TIMEOUT,
  async (t) => {
    const suffix = uniqueSuffix();
    const visit = `走访企业负责人，了解用工与安全生产情况${suffix}`;
    const issue = `企业门前夜间货车停放占道${suffix}`;
    const resolution = `已施划临时停车位并安排夜间巡查${suffix}`;
    let agency;
    let unit;
    let enterpriseId;

    // The agency of the agency login: the police station serving 和平街道.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'agency'));
      agency = (await currentSession(page)).user.org;
    });

    // The street lists the enterprise through the dialog, then records a visit and an issue.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'street'));
      const street = (await currentSession(page)).user.org;
      assert.equal(street.name, '和平街道');
      unit = await unlistedKeyEnterpriseUnit(page, street);

      await page.goto('/key-enterprises');
      await page.locator('[data-test="key-enterprise-open"]').click();
      const dialog = page.locator('[data-test="key-enterprise-dialog"]');
      await dialog.waitFor();
      await dialog.locator('[data-test="key-enterprise-unit"]').click();
      await page.keyboard.type(unit.name);
      await page
        .locator('.key-enterprise-unit-popper .el-select-dropdown__item')
        .filter({ has: page.getByText(unit.name, { exact: true }) })
        .click();
      // The street is the user's own, already chosen; its agencies are offered.
      await dialog.locator('[data-test="key-enterprise-agency"]').click();
      await page
        .locator('.key-enterprise-agency-popper .el-select-dropdown__item')
        .filter({ has: page.getByText(agency.name, { exact: true }) })
        .click();
      await dialog
        .locator('[data-test="key-enterprise-reason"]')
        .fill('年纳税额超千万元，员工三百余人，夜间物流频繁');
      await dialog.locator('[data-test="key-enterprise-submit"]').click();

      await page.waitForURL(/\/key-enterprises\/\d+$/);
      enterpriseId = Number(new URL(page.url()).pathname.split('/').pop());
      await expectText(page.locator('[data-test="page-title"]'), unit.name);
      await expectText(page.locator('[data-test="key-enterprise-street-owner"]'), '和平街道');
      await expectText(page.locator('[data-test="key-enterprise-agency-owner"]'), agency.name);

      await addEntry(page, 'visit', visit);
      await addEntry(page, 'issue', issue);
      await expectText(
        entryRows(page).filter({ hasText: issue }).locator('[data-test="entry-status"]'),
        '未解决',
      );
      await expectText(page.locator('[data-test="key-enterprise-open-issues"]'), '1');

      // The list counts the visit and the open issue.
      await page.goto('/key-enterprises');
      const row = page
        .locator('[data-test="key-enterprise-table"] .el-table__row')
        .filter({ hasText: unit.name });
      await expectText(row.locator('[data-test="key-enterprise-open-issues"]'), '1');
      await expectText(row.locator('[data-test="key-enterprise-agency-name"]'), agency.name);
    });

    // The agency finds the enterprise in its list, sees both entries and resolves the issue.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'agency'));
      await page.goto('/key-enterprises');
      await page
        .locator('[data-test="key-enterprise-table"] .el-table__row')
        .filter({ hasText: unit.name })
        .locator('[data-test="key-enterprise-link"]')
        .click();
      await page.waitForURL(`**/key-enterprises/${enterpriseId}`);
      await expectText(
        entryRows(page).filter({ hasText: visit }).locator('[data-test="entry-side"]'),
        '块',
      );
      const issueRow = entryRows(page).filter({ hasText: issue });
      await expectText(issueRow.locator('[data-test="entry-status"]'), '未解决');

      await issueRow.locator('[data-test="entry-resolve"]').click();
      const dialog = page.locator('[data-test="resolve-dialog"]');
      await dialog.waitFor();
      await dialog.locator('[data-test="resolve-text"]').fill(resolution);
      await dialog.locator('[data-test="resolve-submit"]').click();
      await dialog.waitFor({ state: 'hidden' });
      await expectText(issueRow.locator('[data-test="entry-status"]'), '已解决');
      await expectText(
        issueRow.locator('[data-test="entry-resolution"]'),
        new RegExp(`${agency.name}.*${resolution}`),
      );
      assert.equal(await issueRow.locator('[data-test="entry-resolve"]').count(), 0);
    });

    // The street sees the issue resolved by the agency, and no open issue left.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'street'));
      await page.goto(`/key-enterprises/${enterpriseId}`);
      const issueRow = entryRows(page).filter({ hasText: issue });
      await expectText(issueRow.locator('[data-test="entry-status"]'), '已解决');
      await expectText(issueRow.locator('[data-test="entry-resolution"]'), new RegExp(resolution));
      await expectText(page.locator('[data-test="key-enterprise-open-issues"]'), '0');
    });
  },
);
