// Importing members from an .xlsx in Chromium against a running server: see README.md.
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  closeBrowser,
  currentSession,
  expectPath,
  expectText,
  logIn,
  loginFor,
  maskedIdNumber,
  randomChineseName,
  randomIdNumber,
  withPage,
} from './support.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };
const HEADER = [
  '姓名',
  '性别(男/女)',
  '身份证号',
  '手机号',
  '学历',
  '入党日期',
  '转正日期',
  '党员状态(正式/预备)',
  '在职(是/否)',
  '所属组织ID',
];

after(closeBrowser);

/** Writes a workbook of member rows (after the header) to a temporary file; returns its path. */
async function writeWorkbook(directory, rows) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员名单');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  const path = join(directory, '党员导入.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

test(
  'importing an .xlsx with one bad row shows that row number, and the good rows appear',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      const directory = await mkdtemp(join(tmpdir(), 'liandong-import-'));
      try {
        await page.goto('/login');
        await logIn(page, loginFor(config, 'street'));
        await expectPath(page, '/');
        const { user } = await currentSession(page);
        const orgId = user.org.id;

        const good = [
          { name: randomChineseName('导'), idNumber: randomIdNumber() },
          { name: randomChineseName('入'), idNumber: randomIdNumber() },
        ];
        const bad = randomIdNumber();
        const badIdNumber = bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0');
        const file = await writeWorkbook(directory, [
          [
            good[0].name,
            '男',
            good[0].idNumber,
            '13900139000',
            '大学本科',
            '2010-07-01',
            '2011-07-01',
            '正式',
            '否',
            orgId,
          ],
          // Spreadsheet row 3: a wrong check character.
          [randomChineseName('错'), '女', badIdNumber, '', '', '', '', '预备', '否', orgId],
          [good[1].name, '女', good[1].idNumber, '', '高中', '', '', '预备', '是', orgId],
        ]);

        await page.goto('/members');
        await page.locator('[data-test="member-import"]').click();
        const dialog = page.locator('[data-test="import-dialog"]').first();
        await dialog.locator('[data-test="import-file"]').setInputFiles(file);
        await expectText(dialog.locator('[data-test="import-row-count"]'), '读取到 3 行数据');
        await dialog.locator('[data-test="import-start"]').click();

        await expectText(dialog.locator('[data-test="import-created"]'), '2');
        await expectText(dialog.locator('[data-test="import-error-row"]'), '3');
        await expectText(dialog.locator('[data-test="import-error-message"]'), /\S/);
        await dialog.locator('[data-test="import-close"]').click();

        for (const { name, idNumber } of good) {
          await page.locator('[data-test="member-filter-id-number"]').fill(idNumber);
          await page.locator('[data-test="member-search"]').click();
          const row = page
            .locator('[data-test="member-table"] .el-table__row')
            .filter({ hasText: name });
          await expectText(row.locator('[data-test="member-id-number"]'), maskedIdNumber(idNumber));
        }
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    }),
);
