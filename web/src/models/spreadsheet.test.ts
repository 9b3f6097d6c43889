import { describe, expect, it } from 'vitest';
import {
  headerKey,
  importErrorLines,
  mapSheet,
  MEMBER_SHEET,
  sheetRowOf,
  UNIT_SHEET,
  type CellValue,
} from './spreadsheet';

const MEMBER_HEADER = MEMBER_SHEET.columns.map((column) => column.header);

describe('mapSheet (members)', () => {
  it('maps the Chinese headers and words to API fields', () => {
    const table: CellValue[][] = [
      MEMBER_HEADER,
      [
        '张三',
        '男',
        '110101199003070759',
        '13812345678',
        '大学本科',
        new Date(Date.UTC(2015, 6, 1)),
        '2016/7/1',
        '正式',
        '是',
        5,
      ],
      ['李梅', '女', '11010519491231002x', null, '', '2020年3月5日', null, '预备', '否', '6'],
    ];

    const mapped = mapSheet(MEMBER_SHEET, table);

    expect(mapped.missingHeaders).toEqual([]);
    expect(mapped.ignoredHeaders).toEqual([]);
    expect(mapped.rows).toEqual([
      {
        name: '张三',
        gender: 'male',
        id_number: '110101199003070759',
        phone: '13812345678',
        education: '大学本科',
        joined_on: '2015-07-01',
        full_member_on: '2016-07-01',
        status: 'full',
        in_service: true,
        org_id: 5,
      },
      {
        name: '李梅',
        gender: 'female',
        id_number: '11010519491231002x',
        joined_on: '2020-03-05',
        status: 'probationary',
        in_service: false,
        org_id: 6,
      },
    ]);
    expect(mapped.rowNumbers).toEqual([2, 3]);
  });

  it('matches headers in any order, with full-width brackets or without the hint', () => {
    const table: CellValue[][] = [
      ['所属组织ID', ' 姓名 ', '性别（男/女）', '党员状态', '备注', '身份证号'],
      [7, '王五', '女', '预备党员', '新发展', '110101199003070759'],
    ];

    const mapped = mapSheet(MEMBER_SHEET, table);

    expect(mapped.rows).toEqual([
      {
        org_id: 7,
        name: '王五',
        gender: 'female',
        status: 'probationary',
        id_number: '110101199003070759',
      },
    ]);
    expect(mapped.ignoredHeaders).toEqual(['备注']);
    expect(headerKey('性别（男/女）')).toBe(headerKey('性别(男/女)'));
  });

  it('lists the required columns a file lacks', () => {
    const mapped = mapSheet(MEMBER_SHEET, [
      ['姓名', '手机号'],
      ['张三', '13812345678'],
    ]);
    expect(mapped.missingHeaders).toEqual(['身份证号', '所属组织ID']);
  });

  it('sends a value it cannot convert as written, for the server to reject by row', () => {
    const mapped = mapSheet(MEMBER_SHEET, [
      ['姓名', '性别(男/女)', '在职(是/否)', '入党日期', '所属组织ID'],
      ['张三', '未知', '也许', '去年', '和平街道'],
    ]);
    expect(mapped.rows[0]).toEqual({
      name: '张三',
      gender: '未知',
      in_service: '也许',
      joined_on: '去年',
      org_id: '和平街道',
    });
  });

  it('skips empty rows but keeps the spreadsheet row numbers of the others', () => {
    const mapped = mapSheet(MEMBER_SHEET, [
      MEMBER_HEADER,
      ['甲', '男', '110101199003070759'],
      [null, '  ', null],
      [],
      ['乙', '女', '11010519491231002X'],
    ]);
    expect(mapped.rows.map((row) => row.name)).toEqual(['甲', '乙']);
    expect(mapped.rowNumbers).toEqual([2, 5]);
    expect(sheetRowOf(mapped, 1)).toBe(5);
  });
});

describe('import errors', () => {
  it('are shown at their spreadsheet rows (array index + 2 below the header)', () => {
    const mapped = mapSheet(MEMBER_SHEET, [
      MEMBER_HEADER,
      ['甲', '男', '110101199003070759'],
      ['乙', '男', '110101199003070758'],
      ['丙', '男', '110101199003070759'],
    ]);

    const lines = importErrorLines(
      MEMBER_SHEET,
      mapped,
      [
        { row: 3, field: 'id_number', code: 'member.id_number_taken', message: 'taken' },
        { row: 2, field: 'id_number', code: 'member.invalid_id_number', message: 'invalid' },
        { row: 2, field: 'gender', code: 'member.invalid_gender', message: 'gender' },
      ],
      (error) => `${error.code}!`,
    );

    expect(lines).toEqual([
      {
        sheetRow: 3,
        column: '身份证号',
        code: 'member.invalid_id_number',
        message: 'member.invalid_id_number!',
      },
      {
        sheetRow: 3,
        column: '性别',
        code: 'member.invalid_gender',
        message: 'member.invalid_gender!',
      },
      {
        sheetRow: 4,
        column: '身份证号',
        code: 'member.id_number_taken',
        message: 'member.id_number_taken!',
      },
    ]);
  });

  it('falls back to index + 2 for a row it did not send', () => {
    expect(sheetRowOf({ rowNumbers: [2, 3] }, 7)).toBe(9);
  });
});

describe('units', () => {
  it('maps unit kinds written in Chinese and yes/no flags', () => {
    const mapped = mapSheet(UNIT_SHEET, [
      UNIT_SHEET.columns.map((column) => column.header),
      [
        '和平商贸有限公司',
        '91110101MA0000001X',
        '非公有制企业',
        '批发零售',
        '60',
        '李四',
        5,
        '是',
        null,
        12,
        '赵六',
        '否',
      ],
    ]);
    expect(mapped.rows).toEqual([
      {
        name: '和平商贸有限公司',
        credit_code: '91110101MA0000001X',
        unit_kind: 'private_enterprise',
        industry: '批发零售',
        staff_count: 60,
        legal_representative: '李四',
        org_id: 5,
        eligible_for_org: true,
        joint_branch_org_id: 12,
        instructor: '赵六',
        key_enterprise: false,
      },
    ]);
  });
});
