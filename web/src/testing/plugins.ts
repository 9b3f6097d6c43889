import ElementPlus from 'element-plus';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { Plugin } from 'vue';
import { createAppI18n, type AppI18n, type Locale } from '@/locales';

/** The app's plugins for mounting a component in a test: a fresh Pinia, i18n and Element Plus. */
export function createTestPlugins(locale: Locale = 'zh-CN'): {
  pinia: Pinia;
  i18n: AppI18n;
  plugins: Plugin[];
} {
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createAppI18n(locale);
  return { pinia, i18n, plugins: [pinia, i18n, ElementPlus] };
}

/** A fetch Response with a JSON body. */
export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** An error body in the server's shape. */
export function errorBody(code: string, message: string, requestId = 'req-1') {
  return { error: { code, message, request_id: requestId } };
}
