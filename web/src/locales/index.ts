import { createI18n } from 'vue-i18n';
import en from './en';
import zhCN, { type Messages } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
/** Where the user's language choice is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'liandong.locale';

declare module 'vue-i18n' {
  // Lets editors and vue-tsc know the message keys.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends Messages {}
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** localStorage, or null where the browser refuses it (private modes, disabled storage). */
function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The remembered locale, or Chinese when none (or an unknown one) is stored. */
export function loadLocale(storage: Storage | null = browserStorage()): Locale {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can throw on access; the default locale will do.
  }
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
}

/** Remembers the locale for the next visit; a refusing storage only loses the memory. */
export function saveLocale(locale: Locale, storage: Storage | null = browserStorage()): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not being able to remember the choice must not stop the switch.
  }
}

/** The app's vue-i18n instance (Composition API), starting in the remembered locale. */
export function createAppI18n(locale: Locale = loadLocale()) {
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': zhCN, en },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
