import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckCharacter, normalisePhone } from './id_number';

describe('checkIdNumber (GB 11643)', () => {
  it.each([
    // The standard's own example, with X as its check character, and the same in lower case.
    '11010519491231002X',
    '11010519491231002x',
    '110101199003070759',
    ' 320102198506151236 ',
  ])('accepts %s', (id) => {
    expect(checkIdNumber(id)).toBeNull();
  });

  it.each([
    ['110101199003070758', 'checksum'],
    ['110105194912310021', 'checksum'],
    ['11010119900307075', 'length'],
    ['1101011990030707590', 'length'],
    ['11010119900307075Y', 'characters'],
    ['1101011990O3070759', 'characters'],
    ['110101199002300759', 'birth_date'],
    ['110101190002290759', 'birth_date'],
    // A correct check character does not save a birth year before 1900.
    ['440524188001010014', 'birth_date'],
    ['', 'length'],
  ])('rejects %s for its %s', (id, problem) => {
    expect(checkIdNumber(id)).toBe(problem);
  });

  it('computes the check character of the leading 17 digits', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('11010119900307075')).toBe('9');
  });
});

describe('normalisePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['12812345678', null],
    ['1381234567', null],
    ['138a2345678', null],
  ])('turns %s into %s', (text, expected) => {
    expect(normalisePhone(text)).toBe(expected);
  });
});
