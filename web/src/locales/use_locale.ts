import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { isLocale, saveLocale, type Locale } from './index';

/** The current locale and a setter that also remembers the choice. */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  return {
    locale: computed<Locale>(() => (isLocale(locale.value) ? locale.value : 'zh-CN')),
    setLocale(next: Locale): void {
      locale.value = next;
      saveLocale(next);
    },
  };
}
