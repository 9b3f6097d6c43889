// Co-building agreements end to end: a street signs an agreement with a unit of its territory
// through the form (the "五个一" template fills the commitments), files the unit's first quarterly
// report on its behalf, on time; another unit's agreement, signed half a year ago and never
// reported on, shows as late in the list and on its page; the list exports to .xlsx and the
// agreement prints. A unit's liaison, signed in as its own Party branch, finds the agreement its
// company is a party to and files the company's report itself, and no other party's.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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

/** Types a date into an Element Plus date picker (by its input's name) and confirms it. */
async function typeDate(page, name, date) {
  const input = page.locator(`[name="${name}"]`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** A unit of the signed-in street, by name. */
async function unitNamed(page, name) {
  const units = await callApi(page, 'GET', `/units?q=${encodeURIComponent(name)}&page_size=20`);
  const unit = units.items.find((each) => each.name === name);
  assert.ok(unit, `no unit ${name}`);
  return unit;
}

test('a street signs with a unit, files its quarterly report on time, and sees another unit late', async (t) => {
  const title = `和平街道共驻共建协议${uniqueSuffix()}`;
  const lateTitle = `和平街道与医院共建协议${uniqueSuffix()}`;

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'street'));
    // Another unit's agreement, recorded half a year after it was signed: no report since.
    const hospital = await unitNamed(page, '东城区第一人民医院');
    const me = await callApi(page, 'GET', '/me');
    await callApi(page, 'POST', '/agreements', {
      org_id: me.user.org.id,
      title: lateTitle,
      org_head: '王志刚',
      org_liaison: '赵敏',
      signed_on: chinaDate(-200),
      start_on: chinaDate(-200),
      end_on: chinaDate(165),
      parties: [{ unit_id: hospital.id, head: '李红', liaison: '陈静' }],
      commitments: [],
    });

    // The street signs with 和平科技有限公司 through the form.
    await page.goto('/cobuild/agreements');
    await page.locator('[data-test="agreement-create"]').click();
    const dialog = page.locator('[data-test="agreement-form-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-test="agreement-title"]').fill(title);
    await dialog.locator('[data-test="agreement-org-head"]').fill('王志刚');
    await dialog.locator('[data-test="agreement-org-liaison"]').fill('赵敏');
    await typeDate(page, 'agreement-start-on', chinaDate(-1));
    await typeDate(page, 'agreement-end-on', chinaDate(363));
    const unit = dialog.locator('[data-test="agreement-party-unit-0"]');
    await unit.click();
    await page.keyboard.type('和平科技');
    await page
      .locator('.agreement-unit-popper-0 .el-select-dropdown__item')
      .filter({ has: page.getByText('和平科技有限公司', { exact: true }) })
      .first()
      .click();
    await dialog.locator('[data-test="agreement-party-head-0"]').fill('张伟');
    await dialog.locator('[data-test="agreement-party-liaison-0"]').fill('刘洋');
    await dialog.locator('[data-test="agreement-five-ones"]').click();
    assert.equal(await dialog.locator('[data-test="agreement-commitment"]').count(), 5);
    await dialog.locator('[data-test="agreement-form-submit"]').click();

    await page.waitForURL(/\/cobuild\/agreements\/\d+$/);
    await expectText(page.locator('[data-test="agreement-heading"]'), title);
    await expectText(page.locator('[data-test="agreement-state"]'), '履行中');
    assert.equal(await page.locator('[data-test="agreement-commitments"] tbody tr').count(), 5);

    // The unit's first quarterly report, filed on its behalf before it falls due.
    await page.locator('[data-test="agreement-file-report"]').first().click();
    const report = page.locator('[data-test="agreement-report-dialog"]');
    await report.waitFor();
    await report
      .locator('[data-test="agreement-report-text"]')
      .fill('本季度开放会议室 3 次，组建志愿服务队 1 支。');
    await report.locator('[data-test="agreement-report-submit"]').click();
    await expectText(page.locator('[data-test="agreement-report-status"]'), '已按时提交');
    await expectText(page.locator('[data-test="agreement-fulfilment"]'), /逾期 0 份/);

    // The printable agreement names both parties.
    await page.locator('[data-test="agreement-print"]').click();
    await expectText(page.locator('[data-test="print-party"]'), /和平科技有限公司/);

    // In the list, only the hospital's agreement is late.
    await page.goto('/cobuild/agreements');
    await page.locator('[data-test="agreement-late-filter"]').click();
    const rows = page.locator('[data-test="agreement-table"] tbody tr');
    await expectText(
      rows.filter({ hasText: lateTitle }).locator('[data-test="agreement-late"]'),
      /份报告逾期/,
    );
    // The filtered list replaces the whole one: wait for the on-time agreement to leave it.
    await rows.filter({ hasText: title }).waitFor({ state: 'detached' });
    assert.equal(await rows.filter({ hasText: title }).count(), 0);
    await rows.filter({ hasText: lateTitle }).locator('[data-test="agreement-link"]').click();
    await expectText(page.locator('[data-test="agreement-report-status"]'), '逾期未交');

    // The list exports as a workbook.
    await page.goto('/cobuild/agreements');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="agreement-export"]').click(),
    ]);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  });
});

test("a unit's liaison signs in as its Party branch and files the unit's own report", async (t) => {
  const title = `和平街道与和平科技共建协议${uniqueSuffix()}`;
  let agreementId = 0;

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'street'));
    const company = await unitNamed(page, '和平科技有限公司');
    const hospital = await unitNamed(page, '东城区第一人民医院');
    const me = await callApi(page, 'GET', '/me');
    const signed = await callApi(page, 'POST', '/agreements', {
      org_id: me.user.org.id,
      title,
      org_head: '王志刚',
      org_liaison: '赵敏',
      signed_on: chinaDate(-1),
      start_on: chinaDate(-1),
      end_on: chinaDate(363),
      parties: [
        { unit_id: company.id, head: '张伟', liaison: '刘洋' },
        { unit_id: hospital.id, head: '李红', liaison: '陈静' },
      ],
      commitments: [],
    });
    agreementId = signed.id;
  });

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'liaison'));
    // Its agreements are in its menu; the street's own pages are not.
    await page.goto('/cobuild/agreements');
    assert.equal(await page.locator('[data-test="agreement-create"]').count(), 0);
    const row = page.locator('[data-test="agreement-table"] tbody tr').filter({ hasText: title });
    await row.locator('[data-test="agreement-link"]').click();
    await page.waitForURL(new RegExp(`/cobuild/agreements/${agreementId}$`));
    await expectText(page.locator('[data-test="agreement-heading"]'), title);
    // One open report is its own to file; the hospital's is not.
    await expectText(page.locator('[data-test="agreement-reports"]'), /东城区第一人民医院/);
    assert.equal(await page.locator('[data-test="agreement-file-report"]').count(), 1);
    await page.locator('[data-test="agreement-file-report"]').click();
    const report = page.locator('[data-test="agreement-report-dialog"]');
    await report.waitFor();
    await report
      .locator('[data-test="agreement-report-text"]')
      .fill('本季度向社区开放会议室 2 次，志愿服务队参与环境整治。');
    await report.locator('[data-test="agreement-report-submit"]').click();
    await expectText(page.locator('[data-test="agreement-report-status"]').first(), '已按时提交');
    assert.equal(await page.locator('[data-test="agreement-file-report"]').count(), 0);
  });

  await withPage(t, async (page, config) => {
    // The street sees the report filed by the unit's own user.
    await signInThroughApi(page, loginFor(config, 'street'));
    const detail = await callApi(page, 'GET', `/agreements/${agreementId}`);
    const filed = detail.reports.find(
      (each) => each.unit_name === '和平科技有限公司' && each.filed_on,
    );
    assert.ok(filed, JSON.stringify(detail.reports));
    assert.equal(filed.filed_by, '和平科技有限公司党支部联络员');
  });
});
