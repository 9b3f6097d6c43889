// Dual reporting (双报到) end to end: the employer's Party org registers an in-service member who
// lives in 和平里社区; the community records the member's check-in by ID number through the form,
// signs the member up to a service post and records the hours served; the quarter's feedback
// sheets are generated; the employer's Party org finds the sheet in its inbox, sees the hours, and
// its .xlsx download opens in a real reader (openpyxl).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import {
  callApi,
  closeBrowser,
  expectText,
  idNumberCheckCharacter,
  loginFor,
  randomChineseName,
  signInThroughApi,
  withPage,
} from './support.mjs';

after(closeBrowser);

const DAY = 86_400_000;

/** The China date `days` from now, as YYYY-MM-DD. */
function chinaDate(days = 0) {
  return new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A random ID number of a man (odd 17th digit) born in the 1980s. */
function maleIdNumber() {
  const year = 1980 + Math.floor(Math.random() * 10);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const sequence = String(Math.floor(Math.random() * 500) * 2 + 1).padStart(3, '0');
  const first17 = `110108${year}${month}${day}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
}

test('a member reports by ID number, serves on a post, and the employer receives the quarterly sheet', async (t) => {
  const name = randomChineseName('秦');
  const idNumber = maleIdNumber();
  const today = chinaDate();
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  let hepingli = 0;

  // 和平里社区 is where the member lives; the employer registers its member there.
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'community'));
    hepingli = (await callApi(page, 'GET', '/me')).user.org.id;
  });
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'unit'));
    const me = await callApi(page, 'GET', '/me');
    await callApi(page, 'POST', '/members', {
      org_id: me.user.org.id,
      name,
      gender: 'male',
      id_number: idNumber,
      status: 'full',
      in_service: true,
    });
  });

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'community'));
    // The member reports at the community: found by ID number.
    await page.goto('/check-in/roster');
    await page.locator('[data-test="member-check-in-open"]').click();
    const dialog = page.locator('[data-test="member-check-in-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-test="member-check-in-id-number"]').fill(idNumber);
    await dialog.locator('[data-test="member-check-in-submit"]').click();
    const roster = page
      .locator('[data-test="member-check-in-table"] tbody tr')
      .filter({ hasText: name });
    await expectText(roster, /和平里社区/);
    await expectText(roster, /胜利科技发展有限公司党支部/);
    assert.equal(await page.getByText(idNumber).count(), 0, 'the full ID number is never shown');

    // A post of the community; the member signs up, the community records two hours today.
    const categories = await callApi(page, 'GET', '/service-categories');
    const post = await callApi(page, 'POST', '/service-posts', {
      community_id: hepingli,
      category_id: categories.items[3].id,
      title: `周末环境整治${name}`,
      headcount: 3,
      starts_on: chinaDate(-7),
      ends_on: chinaDate(30),
    });
    await page.goto(`/check-in/posts/${post.id}`);
    await page.locator('[data-test="sign-up-member"]').click();
    await page.keyboard.type(name);
    // Each select's own dropdown: the sign-up one may still be fading out when the next opens.
    await page
      .locator('.sign-up-member-popper .el-select-dropdown__item')
      .filter({ hasText: name })
      .click();
    await page.locator('[data-test="sign-up-submit"]').click();
    await expectText(page.locator('[data-test="service-post-signed-up"]'), '1 / 3');
    await page.locator('[data-test="hours-member"]').click();
    await page
      .locator('.hours-member-popper .el-select-dropdown__item')
      .filter({ hasText: name })
      .click();
    await page.locator('[data-test="hours-submit"]').click();
    await expectText(
      page.locator('[data-test="hours-table"] tbody tr').filter({ hasText: name }),
      /2/,
    );

    // The quarter's sheets, generated at once (the sweep sends them when the quarter ends).
    const made = await callApi(page, 'POST', '/feedback-sheets/generate', {
      org_id: hepingli,
      year,
      quarter,
    });
    assert.ok(made.sheets >= 1, JSON.stringify(made));
  });

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'unit'));
    await page.goto('/inbox');
    const notice = page
      .locator('[data-test="inbox-table"] tbody tr')
      .filter({
        // This quarter's, not the last quarter's that the demo sent.
        has: page.locator('[data-test="inbox-title"]', {
          hasText: `在职党员服务登记卡：${year} 年第${'一二三四'[quarter - 1]}季度`,
        }),
      })
      .first();
    await notice.click();
    await page.waitForURL(/\/check-in\/feedback-sheets\?/);
    const row = page.locator('[data-test="sheet-table"] tbody tr').filter({ hasText: name });
    await expectText(row, /和平里社区/);
    await expectText(row, /2/);

    const workbook = await page.request.get(
      `/api/v1/feedback-sheets/export?year=${year}&quarter=${quarter}`,
    );
    assert.equal(workbook.status(), 200);
    const directory = await mkdtemp(join(tmpdir(), 'liandong-check-in-'));
    const path = join(directory, 'feedback-sheets.xlsx');
    await writeFile(path, Buffer.from(await workbook.body()));
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [
      '-c',
      'import json, openpyxl, sys\n' +
        'sheet = openpyxl.load_workbook(sys.argv[1]).active\n' +
        'print(json.dumps([list(row) for row in sheet.iter_rows(values_only=True)], default=str))',
      path,
    ]);
    const rows = JSON.parse(stdout);
    assert.match(String(rows[0][0]), /服务登记卡/);
    const sheet = rows.find((cells) => cells[0] === name);
    assert.ok(sheet, `${name} has a sheet in the workbook:\n${stdout}`);
    assert.equal(sheet[3], '和平里社区');
    assert.equal(sheet[5], 2, `two hours, as a number: ${sheet}`);
    assert.ok(!String(sheet[1]).includes(idNumber.slice(6, 14)), 'the ID number is masked');
  });
});
