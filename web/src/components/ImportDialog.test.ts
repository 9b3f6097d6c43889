import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MEMBER_SHEET } from '@/models/spreadsheet';
import { readFirstSheet } from '@/models/workbook';
import { createTestPlugins, mountInHost } from '@/testing/plugins';
import ImportDialog from './ImportDialog.vue';

vi.mock('@/models/workbook', () => ({
  readFirstSheet: vi.fn(),
  templateWorkbook: vi.fn(),
  saveFile: vi.fn(),
}));

const HEADER = MEMBER_SHEET.columns.map((column) => column.header);

async function openWithFile(send = vi.fn()) {
  const { plugins } = createTestPlugins();
  const mounted = mountInHost(
    ImportDialog,
    { modelValue: true, spec: MEMBER_SHEET, title: '导入党员', send },
    plugins,
  );
  await flushPromises();
  const input = mounted.wrapper.get('[data-test="import-file"]');
  // jsdom's File cannot be read; what it holds comes from the mocked readFirstSheet.
  const file = new File(['xlsx'], '党员.xlsx');
  Object.defineProperty(file, 'arrayBuffer', { value: async () => new ArrayBuffer(4) });
  Object.defineProperty(input.element, 'files', { value: [file] });
  await input.trigger('change');
  await flushPromises();
  return { ...mounted, send };
}

beforeEach(() => {
  vi.mocked(readFirstSheet).mockReset();
});

describe('ImportDialog', () => {
  it('sends the mapped rows and shows each bad row at its spreadsheet row number', async () => {
    vi.mocked(readFirstSheet).mockResolvedValue([
      HEADER,
      ['张三', '男', '110101199003070759', '', '', '', '', '正式', '是', 5],
      [],
      ['李四', '男', '110101199003070758', '', '', '', '', '正式', '否', 5],
      ['王五', '女', '11010519491231002X', '', '', '', '', '预备', '否', 5],
    ]);
    const send = vi.fn().mockResolvedValue({
      created: 2,
      updated: 0,
      unchanged: 0,
      errors: [{ row: 2, field: 'id_number', code: 'member.invalid_id_number', message: 'bad id' }],
    });
    const { wrapper, inner } = await openWithFile(send);

    expect(wrapper.get('[data-test="import-row-count"]').text()).toBe('读取到 3 行数据');
    await wrapper.get('[data-test="import-start"]').trigger('click');
    await flushPromises();

    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toHaveLength(3);
    expect(send.mock.calls[0]?.[0][1]).toMatchObject({
      name: '李四',
      in_service: false,
      org_id: 5,
    });
    expect(wrapper.get('[data-test="import-created"]').text()).toBe('2');
    expect(wrapper.get('[data-test="import-updated"]').text()).toBe('0');
    expect(wrapper.get('[data-test="import-unchanged"]').text()).toBe('0');
    // The second row sent sits on spreadsheet row 4: the header is row 1 and row 3 is empty.
    expect(wrapper.get('[data-test="import-error-row"]').text()).toBe('4');
    expect(wrapper.get('[data-test="import-error-message"]').text()).toBe(
      '身份证号码无效（长度、出生日期或校验位错误）',
    );
    expect(wrapper.get('[data-test="import-errors"]').text()).toContain('身份证号');
    expect(inner().emitted('imported')).toHaveLength(1);
    // Sent once; the same rows are not sent again by a second click.
    expect(wrapper.get('[data-test="import-start"]').attributes('disabled')).toBeDefined();
  });

  it('says so when every row was imported', async () => {
    vi.mocked(readFirstSheet).mockResolvedValue([HEADER, ['张三', '男', '110101199003070759']]);
    const send = vi.fn().mockResolvedValue({ created: 0, updated: 0, unchanged: 1, errors: [] });
    const { wrapper } = await openWithFile(send);

    await wrapper.get('[data-test="import-start"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-test="import-all-imported"]').text()).toContain('全部数据行已导入');
    expect(wrapper.get('[data-test="import-unchanged"]').text()).toBe('1');
  });

  it('refuses a file without the required columns before sending anything', async () => {
    vi.mocked(readFirstSheet).mockResolvedValue([
      ['姓名', '电话'],
      ['张三', '138'],
    ]);
    const { wrapper, send } = await openWithFile();

    expect(wrapper.get('[data-test="import-missing-headers"]').text()).toContain(
      '身份证号、所属组织ID',
    );
    expect(wrapper.get('[data-test="import-start"]').attributes('disabled')).toBeDefined();
    expect(send).not.toHaveBeenCalled();
  });

  it('says a file that is not a workbook cannot be read', async () => {
    vi.mocked(readFirstSheet).mockRejectedValue(new Error('zip'));
    const { wrapper } = await openWithFile();
    expect(wrapper.get('[data-test="import-read-failed"]').text()).toContain('无法读取该文件');
  });
});
