/**
 * The import spreadsheets of members and units: their Chinese header row, how each cell becomes an
 * API field, and which spreadsheet row a server error points at. No ExcelJS here (see workbook.ts).
 */
import type { ImportRowError } from '@/api/client';

/** A cell as read from a workbook. */
export type CellValue = string | number | boolean | Date | null | undefined;

type ColumnType = 'text' | 'integer' | 'date' | 'boolean' | 'choice';

export interface ColumnSpec {
  /** The header in the template, e.g. `性别(男/女)`; a header matches without its bracketed hint. */
  header: string;
  /** The API field the column fills. */
  field: string;
  type: ColumnType;
  /** A file without this column cannot be imported. */
  required?: boolean;
  /** For `choice`: the words a user writes, mapped to the API value. */
  choices?: Readonly<Record<string, string>>;
  /** Column width in the template, in characters. */
  width?: number;
}

export interface SheetSpec {
  kind: 'member' | 'unit' | 'worker' | 'appraisal' | 'training';
  /** Name of the worksheet in the template and of the downloaded file. */
  title: string;
  columns: readonly ColumnSpec[];
}

const YES_NO: Readonly<Record<string, boolean>> = {
  是: true,
  否: false,
  Y: true,
  N: false,
  y: true,
  n: false,
  true: true,
  false: false,
  TRUE: true,
  FALSE: false,
  '1': true,
  '0': false,
};

export const MEMBER_SHEET: SheetSpec = {
  kind: 'member',
  title: '党员名单',
  columns: [
    { header: '姓名', field: 'name', type: 'text', required: true, width: 12 },
    {
      header: '性别(男/女)',
      field: 'gender',
      type: 'choice',
      choices: { 男: 'male', 女: 'female' },
      width: 12,
    },
    { header: '身份证号', field: 'id_number', type: 'text', required: true, width: 22 },
    { header: '手机号', field: 'phone', type: 'text', width: 15 },
    { header: '学历', field: 'education', type: 'text', width: 12 },
    { header: '入党日期', field: 'joined_on', type: 'date', width: 12 },
    { header: '转正日期', field: 'full_member_on', type: 'date', width: 12 },
    {
      header: '党员状态(正式/预备)',
      field: 'status',
      type: 'choice',
      choices: { 正式: 'full', 正式党员: 'full', 预备: 'probationary', 预备党员: 'probationary' },
      width: 20,
    },
    { header: '在职(是/否)', field: 'in_service', type: 'boolean', width: 12 },
    { header: '所属组织ID', field: 'org_id', type: 'integer', required: true, width: 12 },
  ],
};

/** The Chinese names of unit kinds, as written in the spreadsheet. */
export const UNIT_KIND_WORDS: Readonly<Record<string, string>> = {
  机关: 'government_agency',
  事业单位: 'public_institution',
  国有企业: 'state_enterprise',
  非公有制企业: 'private_enterprise',
  社会组织: 'social_organisation',
  其他: 'other',
};

export const UNIT_SHEET: SheetSpec = {
  kind: 'unit',
  title: '驻区单位',
  columns: [
    { header: '单位名称', field: 'name', type: 'text', required: true, width: 28 },
    { header: '统一社会信用代码', field: 'credit_code', type: 'text', required: true, width: 22 },
    { header: '单位类型', field: 'unit_kind', type: 'choice', choices: UNIT_KIND_WORDS, width: 14 },
    { header: '行业', field: 'industry', type: 'text', width: 14 },
    { header: '从业人数', field: 'staff_count', type: 'integer', width: 10 },
    { header: '法定代表人', field: 'legal_representative', type: 'text', width: 12 },
    { header: '所在组织ID', field: 'org_id', type: 'integer', required: true, width: 12 },
    { header: '具备建党条件(是/否)', field: 'eligible_for_org', type: 'boolean', width: 20 },
    { header: '党组织ID', field: 'own_org_id', type: 'integer', width: 10 },
    { header: '联合党支部ID', field: 'joint_branch_org_id', type: 'integer', width: 14 },
    { header: '党建指导员', field: 'instructor', type: 'text', width: 12 },
    { header: '重点企业(是/否)', field: 'key_enterprise', type: 'boolean', width: 16 },
  ],
};

/** A header without spaces and without a trailing bracketed hint: `性别（男/女）` → `性别`. */
export function headerKey(header: string): string {
  return header
    .replace(/\s+/g, '')
    .replace(/[（(][^（()）]*[)）]$/, '')
    .toLowerCase();
}

export interface MappedSheet {
  /** One object of API fields per non-empty data row, in sheet order. */
  rows: Record<string, unknown>[];
  /** The spreadsheet row number (1 = the header) of each entry of `rows`. */
  rowNumbers: number[];
  /** Required columns the header row lacks: nothing can be imported then. */
  missingHeaders: string[];
  /** Headers this import does not know; their columns are left out. */
  ignoredHeaders: string[];
}

/**
 * Maps a sheet to API rows. `table[0]` is the header row (sheet row 1), `table[i]` sheet row
 * i + 1. Empty rows are skipped but keep their numbers. A value that cannot be converted is sent
 * as written, so the server reports it with the row's number.
 */
export function mapSheet(spec: SheetSpec, table: readonly (readonly CellValue[])[]): MappedSheet {
  const headerRow = table[0] ?? [];
  const columnOf = new Map<string, ColumnSpec>(spec.columns.map((c) => [headerKey(c.header), c]));
  const fieldAt: (ColumnSpec | undefined)[] = [];
  const ignoredHeaders: string[] = [];
  const seen = new Set<ColumnSpec>();
  headerRow.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === '') return;
    const column = columnOf.get(headerKey(text));
    if (column && !seen.has(column)) {
      fieldAt[index] = column;
      seen.add(column);
    } else {
      ignoredHeaders.push(text);
    }
  });
  const missingHeaders = spec.columns
    .filter((column) => column.required && !seen.has(column))
    .map((column) => column.header);

  const rows: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  for (let index = 1; index < table.length; index += 1) {
    const cells = table[index] ?? [];
    const row: Record<string, unknown> = {};
    cells.forEach((cell, column) => {
      const spec = fieldAt[column];
      if (!spec) return;
      const value = convertCell(spec, cell);
      if (value !== undefined) row[spec.field] = value;
    });
    if (Object.keys(row).length === 0) continue;
    rows.push(row);
    rowNumbers.push(index + 1);
  }
  return { rows, rowNumbers, missingHeaders, ignoredHeaders };
}

/** The spreadsheet row of the import row at `index` (index + 2 when no row was skipped). */
export function sheetRowOf(mapped: Pick<MappedSheet, 'rowNumbers'>, index: number): number {
  return mapped.rowNumbers[index] ?? index + 2;
}

/** A row error of the import, as shown: the sheet row, the column header, the message. */
export interface ImportErrorLine {
  sheetRow: number;
  column: string;
  code: string;
  message: string;
}

/**
 * The server's row errors in sheet order, each with its spreadsheet row number and column header;
 * `messageOf` turns a code (and the server's text) into the message to show.
 */
export function importErrorLines(
  spec: SheetSpec,
  mapped: Pick<MappedSheet, 'rowNumbers'>,
  errors: readonly ImportRowError[],
  messageOf: (error: ImportRowError) => string,
): ImportErrorLine[] {
  const headerOf = new Map(spec.columns.map((c) => [c.field, c.header.replace(/[（(].*$/, '')]));
  return errors
    .map((error) => ({
      // The server numbers rows from 1 in the order they were sent.
      sheetRow: sheetRowOf(mapped, error.row - 1),
      column: headerOf.get(error.field) ?? error.field,
      code: error.code,
      message: messageOf(error),
    }))
    .sort((a, b) => a.sheetRow - b.sheetRow);
}

/** The text of a cell: trimmed; a date as YYYY-MM-DD; nothing as ''. */
export function cellText(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDateOf(cell);
  return String(cell).trim();
}

function convertCell(column: ColumnSpec, cell: CellValue): unknown {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'string' && cell.trim() === '') return undefined;
  switch (column.type) {
    case 'text':
      return cellText(cell);
    case 'integer':
      return toInteger(cell);
    case 'date':
      return toIsoDate(cell);
    case 'boolean':
      return toBoolean(cell);
    case 'choice': {
      const text = cellText(cell);
      const choices = column.choices ?? {};
      return choices[text] ?? text;
    }
  }
}

function toInteger(cell: Exclude<CellValue, null | undefined>): unknown {
  if (typeof cell === 'number') return cell;
  const text = cellText(cell);
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

function toBoolean(cell: Exclude<CellValue, null | undefined>): unknown {
  if (typeof cell === 'boolean') return cell;
  const text = cellText(cell);
  return YES_NO[text] ?? text;
}

// Excel counts days from 1899-12-30 (with its 1900 leap-year bug already folded in).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function toIsoDate(cell: Exclude<CellValue, null | undefined>): unknown {
  if (cell instanceof Date) return isoDateOf(cell);
  if (typeof cell === 'number' && cell > 0 && cell < 100_000) {
    return isoDateOf(new Date(EXCEL_EPOCH_MS + Math.round(cell) * DAY_MS));
  }
  const text = cellText(cell);
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return text;
  return `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}`;
}

/** ExcelJS reads dates as UTC midnight, so the UTC fields are the calendar date written. */
function isoDateOf(date: Date): string {
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${date.getUTCFullYear()}-${month}-${day}`;
}
