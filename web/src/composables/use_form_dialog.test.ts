import { describe, expect, it } from 'vitest';
import { changedFields } from './use_form_dialog';

describe('changedFields', () => {
  it('keeps only the fields an edit changed', () => {
    const before = { name: '和平里社区', secretary: '赵敏', founded_on: null as string | null };
    const next = { name: '和平里社区', secretary: '钱进', founded_on: '2020-01-01' };
    expect(changedFields(next, before)).toEqual({ secretary: '钱进', founded_on: '2020-01-01' });
    expect(changedFields(before, before)).toEqual({});
  });
});
