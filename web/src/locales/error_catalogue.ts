import { ERROR_CATALOGUE } from './generated/error_catalogue';

/** `errors.<group>.<name>` messages, as vue-i18n takes them. */
export type ErrorMessages = Record<string, Record<string, string>>;

/** Characters that vue-i18n's message syntax would read as placeholders, links or plurals. */
const MESSAGE_SYNTAX = /[{}@|$%]/g;

/**
 * The server's error texts in one language, as the `errors` section of a locale: the only place
 * the app takes them from. A code without English is left out there, so vue-i18n falls back to
 * the Chinese text.
 */
export function serverErrorMessages(language: 'zh-CN' | 'en'): ErrorMessages {
  const messages: ErrorMessages = {};
  for (const [code, texts] of Object.entries(ERROR_CATALOGUE)) {
    const text = texts[language];
    if (text === null) continue;
    const [group = '', name = ''] = code.split('.');
    // A literal interpolation keeps the character as it is.
    (messages[group] ??= {})[name] = text.replace(
      MESSAGE_SYNTAX,
      (character) => `{'${character}'}`,
    );
  }
  return messages;
}
