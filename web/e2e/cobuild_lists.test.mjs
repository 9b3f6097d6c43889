// The three co-building lists end to end: a unit's venue is registered (and listed as a resource
// by itself); a community raises a need for a room through the form; the matching suggests the
// unit's venue first, with its reasons; the street confirms it into a project; the community
// records a delivery and the beneficiaries' rating closes the project.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  callApi,
  closeBrowser,
  expectText,
  loginFor,
  signInThroughApi,
  uniqueSuffix,
  withPage,
} from './support.mjs';

after(closeBrowser);

const DAY = 86_400_000;

/** The China date `days` from now, as YYYY-MM-DD. */
function chinaDate(days) {
  return new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function typeDate(page, name, date) {
  const input = page.locator(`[name="${name}"]`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

test('a community raises a need, the matching suggests a unit venue, the street confirms it into a rated project', async (t) => {
  const suffix = uniqueSuffix();
  const venueName = `和平科技多功能厅${suffix}`;
  const needTitle = `老年人棋牌活动需要场地${suffix}`;

  // The street registers 和平科技有限公司's hall at 和平里社区.
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'street'));
    const units = await callApi(
      page,
      'GET',
      `/units?q=${encodeURIComponent('和平科技有限公司')}&page_size=20`,
    );
    const unit = units.items.find((each) => each.name === '和平科技有限公司');
    assert.ok(unit);
    const venue = await callApi(page, 'POST', '/venues', {
      org_id: unit.org.id,
      unit_id: unit.id,
      name: venueName,
      capacity: 60,
      opening_hours: '工作日 18:00-21:00，周末全天',
      tags: ['活动室'],
    });
    assert.ok(venue.resource_id, 'the venue is listed as a resource');
  });

  let needPath = '';
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'community'));
    await page.goto('/cobuild/needs');
    await page.locator('[data-test="need-create"]').click();
    const dialog = page.locator('[data-test="need-form-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-test="need-category"]').click();
    await page
      .locator('.need-category-popper .el-select-dropdown__item')
      .filter({ hasText: '活动场地' })
      .click();
    await dialog.locator('[data-test="need-title"]').fill(needTitle);
    await dialog
      .locator('[data-test="need-description"]')
      .fill('社区老年人每周两次棋牌活动，需要一间可容纳 30 人的活动室');
    await dialog.locator('[data-test="need-tags"]').fill('老年人，活动室');
    await dialog.locator('[data-test="need-beneficiaries"]').fill('社区老年人');
    await dialog.locator('[data-test="need-beneficiary-count"] input').fill('30');
    await dialog.locator('[data-test="need-beneficiary-count"] input').press('Tab');
    await typeDate(page, 'need-wanted-by', chinaDate(20));
    await dialog.locator('[data-test="need-form-submit"]').click();

    await page.waitForURL(/\/cobuild\/needs\/\d+$/);
    needPath = new URL(page.url()).pathname;
    await expectText(page.locator('[data-test="need-heading"]'), needTitle);
    await expectText(page.locator('[data-test="need-status"]'), '待对接');
    // The unit's venue is suggested, with the reasons for its rank.
    const row = page
      .locator('[data-test="suggestion-table"] tbody tr')
      .filter({ hasText: venueName });
    await expectText(row.locator('[data-test="suggestion-reasons"]'), /同一社区（和平里社区）/);
    await expectText(row.locator('[data-test="suggestion-reasons"]'), /标签相同：活动室/);
    // A community does not confirm matches.
    assert.equal(await page.locator('[data-test="suggestion-confirm"]').count(), 0);
  });

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'street'));
    await page.goto(needPath);
    const row = page
      .locator('[data-test="suggestion-table"] tbody tr')
      .filter({ hasText: venueName });
    await row.locator('[data-test="suggestion-confirm"]').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await expectText(page.locator('[data-test="need-status"]'), '已对接');
    await expectText(page.locator('[data-test="need-project"]'), /和平科技有限公司/);
  });

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'community'));
    await page.goto(needPath);
    await page.locator('[data-test="need-project"]').click();
    await page.waitForURL(/\/cobuild\/projects\/\d+$/);
    await expectText(page.locator('[data-test="project-heading"]'), needTitle);
    await page.locator('[data-test="delivery-text"]').fill('首次棋牌活动在多功能厅举行');
    await page.locator('[data-test="delivery-people"] input').fill('28');
    await page.locator('[data-test="delivery-people"] input').press('Tab');
    await page.locator('[data-test="delivery-submit"]').click();
    await expectText(
      page.locator('[data-test="delivery-table"] tbody'),
      /首次棋牌活动在多功能厅举行/,
    );
    await expectText(page.locator('[data-test="project-people-served"]'), '28');
    await page.locator('[data-test="rating-stars"] .el-rate__item').nth(3).click();
    await page.locator('[data-test="rating-comment"]').fill('老人们很满意');
    await page.locator('[data-test="rating-submit"]').click();
    await expectText(page.locator('[data-test="project-status"]'), '已结项');
    await expectText(page.locator('[data-test="project-rating-value"]'), /4 分/);
  });
});
