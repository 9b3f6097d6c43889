// @vitest-environment node
// (Node's own Blob can be read back; jsdom's cannot.)
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mapSheet, MEMBER_SHEET, UNIT_SHEET } from './spreadsheet';
import { readFirstSheet, rowsWorkbook, templateWorkbook } from './workbook';

async function blobBuffer(blob: Blob): Promise<ArrayBuffer> {
  return blob.arrayBuffer();
}

describe('readFirstSheet', () => {
  it('reads what a user typed in Excel: text IDs, dates, rich text, blank rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('党员');
    sheet.addRow(['姓名', '身份证号', '入党日期', '所属组织ID']);
    sheet.addRow(['张三', '110101199003070759', new Date(Date.UTC(2015, 6, 1)), 5]);
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: '李' }, { text: '梅' }] }, '11010519491231002X', null, 6]);
    const buffer = await workbook.xlsx.writeBuffer();

    const table = await readFirstSheet(buffer as ArrayBuffer);
    const mapped = mapSheet(MEMBER_SHEET, table);

    expect(mapped.rows).toEqual([
      { name: '张三', id_number: '110101199003070759', joined_on: '2015-07-01', org_id: 5 },
      { name: '李梅', id_number: '11010519491231002X', org_id: 6 },
    ]);
    expect(mapped.rowNumbers).toEqual([2, 4]);
  });
});

describe('templateWorkbook', () => {
  it.each([MEMBER_SHEET, UNIT_SHEET])('has the header row of the $kind import', async (spec) => {
    const table = await readFirstSheet(await blobBuffer(await templateWorkbook(spec)));

    expect(table[0]).toEqual(spec.columns.map((column) => column.header));
    expect(mapSheet(spec, table)).toMatchObject({ rows: [], missingHeaders: [] });
  });

  it('offers 男/女 and 是/否 as drop-down lists in the member template', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blobBuffer(await templateWorkbook(MEMBER_SHEET)));
    const sheet = workbook.worksheets[0];

    expect(sheet?.getCell('B500').dataValidation).toMatchObject({ formulae: ['"男,女"'] });
    expect(sheet?.getCell('H2').dataValidation).toMatchObject({ formulae: ['"正式,预备"'] });
    expect(sheet?.getCell('I2').dataValidation).toMatchObject({ formulae: ['"是,否"'] });
  });
});

describe('rowsWorkbook', () => {
  it('writes rows under the headers, with extra columns after them', async () => {
    const blob = await rowsWorkbook(
      UNIT_SHEET,
      [
        {
          name: '和平商贸有限公司',
          credit_code: '91110101MA0000001X',
          org_id: 5,
          覆盖情况: '未覆盖',
        },
      ],
      ['覆盖情况'],
    );
    const table = await readFirstSheet(await blobBuffer(blob));

    expect(table[0]?.at(-1)).toBe('覆盖情况');
    expect(table[1]?.[0]).toBe('和平商贸有限公司');
    expect(table[1]?.at(-1)).toBe('未覆盖');
  });
});
