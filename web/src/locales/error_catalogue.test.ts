// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_PATH,
  generateErrorCatalogue,
  parseErrorCatalogue,
} from '../../scripts/generate_error_catalogue.mjs';
import { ERROR_CATALOGUE } from './generated/error_catalogue';
import { createAppI18n, LOCALES } from './index';

describe('the error catalogue', () => {
  it('is the one generated from the server catalogue as it is now (npm run generate:errors)', async () => {
    const stale = 'src/locales/generated is stale: run npm run generate:errors and commit it';
    expect(readFileSync(GENERATED_PATH, 'utf8'), stale).toBe(await generateErrorCatalogue());
  });

  it.each(LOCALES)(
    'gives the server text of every code in %s, character for character',
    (locale) => {
      const { t } = createAppI18n(locale).global;
      const codes = Object.keys(ERROR_CATALOGUE);
      expect(codes.length).toBeGreaterThan(150);
      for (const code of codes) {
        const texts = ERROR_CATALOGUE[code]!;
        expect(t(`errors.${code}`), code).toBe(texts[locale] ?? texts['zh-CN']);
      }
    },
  );

  it.each(LOCALES)('leaves %s no error text of its own but those of client codes', (locale) => {
    const { messages } = createAppI18n(locale).global;
    const errors = messages.value[locale]!.errors as Record<string, Record<string, string>>;
    const codes = Object.entries(errors).flatMap(([group, names]) =>
      Object.keys(names).map((name) => `${group}.${name}`),
    );
    const ownCodes = codes.filter((code) => !(code in ERROR_CATALOGUE));
    expect(ownCodes).toEqual(['client.network_error', 'client.invalid_response']);
  });

  it.each([
    [
      'adjacent literals and escapes',
      'Message{"a.b", "甲" "乙", "say \\"no\\""},',
      ['甲乙', 'say "no"'],
    ],
    ['a missing English text', 'Message{"a.b", "甲"},', ['甲', null]],
    ['a comment between entries', '// x\n    Message{"a.b", "甲",\n            "A"},', ['甲', 'A']],
  ])('reads %s', (_case, entry, [zhCN, en]) => {
    const source = `constexpr Message kMessages[] = {\n    ${entry}\n};`;
    expect(parseErrorCatalogue(source)).toEqual([{ code: 'a.b', zhCN, en }]);
  });

  it.each([
    ['a code twice', 'Message{"a.b", "甲", "A"},\n    Message{"a.b", "乙", "B"},'],
    ['a code that is not group.name', 'Message{"ab", "甲", "A"},'],
    ['an entry without Chinese', 'Message{"a.b"},'],
  ])('refuses %s', (_case, entries) => {
    expect(() =>
      parseErrorCatalogue(`constexpr Message kMessages[] = {\n    ${entries}\n};`),
    ).toThrow();
  });
});
