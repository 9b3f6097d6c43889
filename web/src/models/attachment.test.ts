import { describe, expect, it, vi } from 'vitest';
import { ATTACHMENT_MAX_BYTES, attachmentProblem, formatFileSize, uploadAll } from './attachment';

describe('attachmentProblem', () => {
  it.each([
    ['整改报告.pdf', 1000, null],
    ['照片.JPG', 1000, null],
    ['台账.xlsx', ATTACHMENT_MAX_BYTES, null],
    ['台账.xlsx', ATTACHMENT_MAX_BYTES + 1, 'attachment.too_large'],
    ['脚本.exe', 10, 'attachment.type_not_allowed'],
    ['无扩展名', 10, 'attachment.type_not_allowed'],
    ['空.pdf', 0, 'attachment.empty'],
  ])('says %s of %i bytes is %s', (name, size, expected) => {
    expect(attachmentProblem({ name, size })).toBe(expected);
  });
});

describe('formatFileSize', () => {
  it.each([
    [12, '12 B'],
    [320 * 1024, '320 KB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
  ])('shows %i bytes as %s', (bytes, expected) => {
    expect(formatFileSize(bytes)).toBe(expected);
  });
});

describe('uploadAll', () => {
  it('uploads one file after another and keeps their order', async () => {
    const upload = vi.fn(async (file: File) => ({ id: file.name === 'a.pdf' ? 1 : 2 }));
    const files = [new File(['a'], 'a.pdf'), new File(['b'], 'b.png')];

    await expect(uploadAll(files, upload)).resolves.toEqual([1, 2]);
    expect(upload.mock.calls.map(([file]) => file.name)).toEqual(['a.pdf', 'b.png']);
  });
});
