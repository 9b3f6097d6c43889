// The community workforce in Chromium against a running demo server (see README.md): a district
// loads the shipped 三岗十八级, a street imports its workers and their appraisals from .xlsx (one
// bad row reported each time), the district computes this year's regrading, the proposals explain
// a regular step, an early step and a held grade, the street and the district review and approve,
// and the pay roster opens with the new pay; the staffing page shows a community short of its norm
// down to its workers, and the training page lists who is short of hours and whose qualification
// expires soon.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  callApi,
  closeBrowser,
  currentSession,
  expectAccessible,
  expectPath,
  expectText,
  logIn,
  loginFor,
  logOut,
  randomChineseName,
  randomIdNumber,
  withPage,
} from './support.mjs';

const TEST_TIMEOUT = { timeout: 180_000 };

after(closeBrowser);

/** Writes one sheet of `rows` under `header` to a temporary .xlsx; returns its path. */
async function writeWorkbook(directory, name, header, rows) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  const path = join(directory, `${name}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Imports `file` through the dialog opened by `opener`; expects `created` and one bad sheet row. */
async function importFile(page, opener, file, created, badRow) {
  await page.locator(`[data-test="${opener}"]`).click();
  const dialog = page.locator('[data-test="import-dialog"]').first();
  await dialog.locator('[data-test="import-file"]').setInputFiles(file);
  await dialog.locator('[data-test="import-start"]').click();
  await expectText(dialog.locator('[data-test="import-created"]'), String(created));
  await expectText(dialog.locator('[data-test="import-error-row"]'), String(badRow));
  await expectText(dialog.locator('[data-test="import-error-message"]'), /\S/);
  await dialog.locator('[data-test="import-close"]').click();
}

/** The explanation of `name`'s proposal under the filter `change` of the open run. */
async function explanationOf(page, change, name) {
  await page.locator(`[data-test="proposal-filter-${change}"]`).click();
  const row = page.locator('[data-test="proposal-table"] .el-table__row').filter({ hasText: name });
  return row.locator('[data-test="proposal-explanation"]');
}

test(
  'a district regrades the workers a street imported, with every proposal explained, and the roster shows the new pay',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
      const directory = await mkdtemp(join(tmpdir(), 'liandong-workforce-'));
      try {
        // The district loads the shipped 三岗十八级 as its own version from this year.
        await page.goto('/login');
        await logIn(page, loginFor(config, 'district'));
        await expectPath(page, '/');
        await page.goto('/grade-schemes');
        await page.locator('[data-test="scheme-load-template"]').click();
        const templateDialog = page.locator('[data-test="scheme-template-dialog"]');
        await expectText(
          templateDialog.locator('[data-test="scheme-template-select"]'),
          /三岗十八级/,
        );
        await templateDialog.locator('[data-test="scheme-template-submit"]').click();
        const own = page
          .locator('[data-test="scheme-table"] .el-table__row')
          .filter({ hasText: `${year} 年起` })
          .filter({ hasText: '三岗十八级' });
        await expectText(own.locator('[data-test="scheme-name-cell"]'), '三岗十八级');
        await logOut(page);

        // The street imports three workers and a bad row (grade 13 is above 其他 1–12).
        await logIn(page, loginFor(config, 'street'));
        await expectPath(page, '/');
        const { user } = await currentSession(page);
        const communities = await callApi(page, 'GET', `/orgs/${user.org.id}/children`);
        const community = communities.items.find((org) => org.level === 'community');
        const regular = { name: randomChineseName('常'), idNumber: randomIdNumber() };
        const early = { name: randomChineseName('提'), idNumber: randomIdNumber() };
        const held = { name: randomChineseName('留'), idNumber: randomIdNumber() };
        const workers = await writeWorkbook(
          directory,
          '社区工作者名单',
          [
            '姓名',
            '身份证号',
            '手机号',
            '社区ID',
            '岗位(正职/副职/其他)',
            '等级',
            '定级日期',
            '参加社区工作日期',
            '学历',
          ],
          [
            [
              regular.name,
              regular.idNumber,
              '13900139001',
              community.id,
              '其他',
              5,
              `${year - 3}-01-01`,
              '2012-03-01',
              '本科',
            ],
            [
              early.name,
              early.idNumber,
              '',
              community.id,
              '副职',
              8,
              `${year - 2}-01-01`,
              '2010-09-01',
              '硕士',
            ],
            [
              held.name,
              held.idNumber,
              '',
              community.id,
              '其他',
              4,
              `${year - 4}-01-01`,
              '2016-05-01',
              '大专',
            ],
            [
              randomChineseName('错'),
              randomIdNumber(),
              '',
              community.id,
              '其他',
              13,
              `${year - 1}-01-01`,
              '2020-01-01',
              '本科',
            ],
          ],
        );
        await page.goto('/workers');
        await importFile(page, 'worker-import', workers, 3, 5);

        // Last year's appraisals (and the years before for two of them); a stranger's row is bad.
        const appraisals = await writeWorkbook(
          directory,
          '年度考核结果',
          ['姓名', '身份证号', '年度', '考核结果'],
          [
            [regular.name, regular.idNumber, year - 3, '称职'],
            [regular.name, regular.idNumber, year - 2, '称职'],
            [regular.name, regular.idNumber, year - 1, '称职'],
            [early.name, early.idNumber, year - 2, '优秀'],
            [early.name, early.idNumber, year - 1, '优秀'],
            ['查无此人', randomIdNumber(), year - 1, '优秀'],
            [held.name, held.idNumber, year - 1, '不称职'],
          ],
        );
        await importFile(page, 'appraisal-import', appraisals, 6, 7);
        await logOut(page);

        // The district computes this year's run; the proposals say why.
        await logIn(page, loginFor(config, 'district'));
        await expectPath(page, '/');
        await page.goto('/regrading');
        await page.locator('[data-test="regrading-compute"]').click();
        await expectText(page.locator('[data-test="run-title"]'), new RegExp(`${year}.*待审批`));
        await expectText(
          await explanationOf(page, 'promoted', regular.name),
          `+1：自${year - 3}-01-01起满三年，考核称职×3`,
        );
        await expectText(
          await explanationOf(page, 'early', early.name),
          `+1 提前：${year - 2}、${year - 1}年连续优秀，第1次（共2次）`,
        );
        await expectText(await explanationOf(page, 'held', held.name), `不变：${year - 1}年不称职`);
        await expectAccessible(page, 'the regrading page with a run');
        await logOut(page);

        // The street reviews its part.
        await logIn(page, loginFor(config, 'street'));
        await expectPath(page, '/');
        await page.goto('/regrading');
        await page.locator('[data-test="run-open"]').first().click();
        await page.locator('[data-test="street-review"]').click();
        await expectText(page.locator('[data-test="street-reviewed"]'), /\d{4}-\d{2}-\d{2}/);
        await logOut(page);

        // The district reviews for its other street and approves.
        await logIn(page, loginFor(config, 'district'));
        await expectPath(page, '/');
        await page.goto('/regrading');
        await page.locator('[data-test="run-open"]').first().click();
        const pending = page.locator('[data-test="street-review"]');
        while ((await pending.count()) > 0) {
          await pending.first().click();
          await page.waitForLoadState('networkidle');
        }
        await page.locator('[data-test="run-approve"]').click();
        await page.locator('.el-message-box__btns .el-button--primary').click();
        await expectText(page.locator('[data-test="run-title"]'), /已审批/);

        // The pay roster opens with the new grades and pay (base pay from the table only).
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('[data-test="run-roster"]').click(),
        ]);
        const bytes = await readFile(await download.path());
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes);
        const sheet = workbook.worksheets[0];
        const lines = new Map();
        sheet.eachRow((row) => {
          const values = row.values.slice(1);
          lines.set(values[2], values);
        });
        // 街道, 社区, 姓名, 身份证号, 岗位, 等级, 基本工资, 岗位津贴, 资格津贴, 应发合计
        assert.equal(lines.get(regular.name)?.[5], 6, 'the regular step is in the roster');
        assert.equal(lines.get(regular.name)?.[6], 2600 + 5 * 180);
        assert.equal(lines.get(early.name)?.[5], 9, 'the early step is in the roster');
        assert.equal(lines.get(early.name)?.[8], 0, 'no qualification, no qualification allowance');
        assert.equal(lines.get(early.name)?.[9], 2600 + 8 * 180 + 500);
        assert.equal(lines.get(held.name)?.[5], 4, 'the held grade is in the roster');

        // The profile keeps the change with its explanation.
        await page.goto('/workers');
        await page.locator('[data-test="worker-filter-q"]').fill(regular.name);
        await page.locator('[data-test="worker-search"]').click();
        await page.locator('[data-test="worker-name"]').filter({ hasText: regular.name }).click();
        await expectText(page.locator('[data-test="worker-grade"]'), '6');
        await expectText(
          page.locator('[data-test="worker-event"]').first(),
          new RegExp(`定期调级.*自${year - 3}-01-01起满三年`),
        );
        await expectAccessible(page, 'the worker profile');
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    }),
);

test(
  'the staffing page shows a community short of its norm, and training lists shortfalls and expiring qualifications',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      await page.goto('/login');
      await logIn(page, loginFor(config, 'district'));
      await expectPath(page, '/');

      // The district's streets, required against in post; a street short of the norm drills down
      // to its communities, and a community short of it to its workers.
      await page.goto('/staffing');
      await page.locator('[data-test="staffing-chart"]').waitFor();
      await expectText(
        page.locator('[data-test="staffing-summary"]'),
        /按标准应配 \d+ 人，在岗 \d+ 人，缺 [1-9]\d* 人/,
      );
      const shortStreet = page
        .locator('[data-test="staffing-table"] .el-table__row')
        .filter({ has: page.locator('[data-test="staffing-short"]') })
        .first();
      await shortStreet.locator('[data-test="staffing-row"]').click();
      await page.waitForLoadState('networkidle');
      await expectText(page.locator('.el-card__header').first(), /各社区应配与在岗人数/);
      const shortCommunity = page
        .locator('[data-test="staffing-table"] .el-table__row')
        .filter({ has: page.locator('[data-test="staffing-short"]') })
        .first();
      const name = (
        await shortCommunity.locator('[data-test="staffing-row"]').textContent()
      ).trim();
      const cells = await shortCommunity.locator('td').allTextContents();
      // 社区, 户数, 人口, 用房, 经费, 应配, 在岗, 缺编, 超配
      assert.ok(
        Number(cells[5]) > Number(cells[6]),
        `${name} has fewer in post than its norm requires`,
      );
      await shortCommunity.locator('[data-test="staffing-row"]').click();
      const workers = page.locator('[data-test="staffing-workers"]');
      await expectText(
        workers.locator('.el-card__header'),
        new RegExp(`${name}在岗社区工作者（${cells[6].trim()} 人）`),
      );
      await expectAccessible(page, 'the staffing page');

      // Training: someone is short of this year's hours; a qualification expires within 90 days.
      await page.goto('/training');
      await expectText(page.locator('[data-test="training-summary"]'), /学时不足 [1-9]\d* 人/);
      await page.locator('[data-test="training-short"]').first().waitFor();
      await page.locator('#tab-qualifications').click();
      await page.locator('[data-test="expiring-table"] .el-table__row').first().waitFor();
      await expectText(page.locator('[data-test="expiring-table"]'), /社会工作师/);
      await expectAccessible(page, 'the training page');
    }),
);
