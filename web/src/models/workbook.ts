/**
 * Reading and writing .xlsx files in the browser with ExcelJS. ExcelJS is large, so it is loaded
 * on first use and never with the page.
 */
import type { DataValidation, CellValue as ExcelCellValue, Workbook } from 'exceljs';
import type { CellValue, SheetSpec } from './spreadsheet';

type ExcelModule = typeof import('exceljs');

/** ExcelJS accepts a range address here, though its types do not say so. */
interface RangeValidations {
  dataValidations: { add(address: string, validation: DataValidation): void };
}

/** Loads ExcelJS (its browser build is CommonJS, so the namespace may sit under `default`). */
async function loadExcel(): Promise<ExcelModule> {
  const loaded = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return loaded.default ?? loaded;
}

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The first worksheet as rows of plain cell values; row 0 is sheet row 1. */
export async function readFirstSheet(data: ArrayBuffer): Promise<CellValue[][]> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: CellValue[][] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells: CellValue[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) {
      cells.push(plainValue(row.getCell(column).value));
    }
    table.push(cells);
  }
  return table;
}

/** Rich text, links and formulas reduced to what a reader sees. */
function plainValue(value: ExcelCellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('result' in value) return plainValue(value.result as ExcelCellValue);
  return null;
}

/** A sheet with a bold header row and the given columns; text columns keep long digit strings. */
function addSheet(workbook: Workbook, spec: SheetSpec, extraColumns: string[] = []) {
  const sheet = workbook.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...spec.columns.map((column) => ({
      header: column.header,
      key: column.field,
      width: column.width ?? 14,
      // '@' is Excel's text format: an ID number typed in stays 18 characters, not 1.1E+17.
      style: column.type === 'text' ? { numFmt: '@' } : {},
    })),
    ...extraColumns.map((header) => ({ header, key: header, width: 16 })),
  ];
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** An empty import template: the header row, and drop-down lists where the values are fixed. */
export async function templateWorkbook(spec: SheetSpec): Promise<Blob> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  const sheet = addSheet(workbook, spec);
  spec.columns.forEach((column, index) => {
    const words =
      column.type === 'boolean'
        ? ['是', '否']
        : column.type === 'choice'
          ? choiceWords(column)
          : [];
    if (words.length === 0) return;
    const letter = sheet.getColumn(index + 1).letter;
    // One validation for the whole column range (per-cell ones take seconds to write).
    (sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}1000`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${words.join(',')}"`],
    });
  });
  return toBlob(workbook);
}

function choiceWords(column: SheetSpec['columns'][number]): string[] {
  const byValue = new Map<string, string>();
  for (const [word, value] of Object.entries(column.choices ?? {})) {
    if (!byValue.has(value)) byValue.set(value, word);
  }
  return [...byValue.values()];
}

/** A workbook of rows under the spec's headers (and extra columns, for reading only). */
export async function rowsWorkbook(
  spec: SheetSpec,
  rows: Record<string, unknown>[],
  extraColumns: string[] = [],
): Promise<Blob> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  const sheet = addSheet(workbook, spec, extraColumns);
  for (const row of rows) sheet.addRow(row);
  return toBlob(workbook);
}

async function toBlob(workbook: Workbook): Promise<Blob> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_MIME_TYPE });
}

/** Hands a file to the browser as a download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
