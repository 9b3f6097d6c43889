import { describe, expect, it } from 'vitest';
import { queryId } from './use_query_org';

describe('queryId', () => {
  it.each([
    ['12', 12],
    ['0', null],
    ['-3', null],
    ['1.5', null],
    ['abc', null],
    ['', null],
    [null, null],
    [undefined, null],
    [['12', '13'], null],
  ])('reads %j as %j', (value, id) => {
    expect(queryId(value)).toBe(id);
  });
});
