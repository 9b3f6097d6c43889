import { describe, expect, it } from 'vitest';

import { meetsPasswordRules } from './password';

describe('meetsPasswordRules', () => {
  it.each([
    ['Short1!', false],
    ['abcdefghijkl', false],
    ['abcdefghijk1', false],
    ['abcdefghij1!', true],
    ['ABCdefghijk1', true],
    ['城市基层党建平台2024ab', true],
  ])('%s → %s', (password, expected) => {
    expect(meetsPasswordRules(password)).toBe(expected);
  });
});
