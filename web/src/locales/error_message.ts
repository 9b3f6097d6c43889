import { useI18n } from 'vue-i18n';
import { ApiError } from '@/api/client';

/** The parts of vue-i18n that the lookup needs. */
export interface Translator {
  t: (key: string) => string;
  te: (key: string) => boolean;
}

// Codes are dotted lower-case words (`auth.invalid_credentials`); anything else is not a key.
const CODE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/**
 * The message to show for an error: the locale's `errors.<code>`, else the server's own
 * message, else a generic one.
 */
export function errorMessage(i18n: Translator, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    if (CODE_PATTERN.test(error.code) && i18n.te(key)) return i18n.t(key);
    if (error.message.trim() !== '') return error.message;
  }
  return i18n.t('unknownError');
}

/** errorMessage bound to the component's i18n, so messages follow the current locale. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, te } = useI18n({ useScope: 'global' });
  return (error) => errorMessage({ t: (key) => t(key), te: (key) => te(key) }, error);
}
