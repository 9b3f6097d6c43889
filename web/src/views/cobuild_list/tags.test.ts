import { describe, expect, it } from 'vitest';
import { splitTags, yuan } from './tags';

describe('splitTags', () => {
  it('splits on commas of either width, 顿号 and spaces, and drops repeats', () => {
    expect(splitTags('老年人，活动室, 老年人 、助餐')).toEqual(['老年人', '活动室', '助餐']);
    expect(splitTags('  ')).toEqual([]);
  });
});

describe('yuan', () => {
  it('shows fen as yuan', () => {
    expect(yuan(500000)).toBe('5,000');
    expect(yuan(150)).toBe('1.5');
  });
});
