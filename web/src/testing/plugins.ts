import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { defineComponent, h, reactive, type Component, type Plugin } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
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

/** An error body in the server's shape; `field` names the field at fault, if one is. */
export function errorBody(code: string, message: string, requestId = 'req-1', field?: string) {
  return { error: { code, message, request_id: requestId, ...(field ? { field } : {}) } };
}

/**
 * Mounts a dialog or drawer inside a <div>, where test-utils can see its content (a component
 * whose root is a Teleport shows nothing to the wrapper). `props` stays reactive, and v-model
 * writes back to `props.modelValue`.
 */
export function mountInHost<Props extends Record<string, unknown>>(
  component: Component,
  initialProps: Props,
  plugins: Plugin[],
) {
  const props = reactive({ ...initialProps }) as Record<string, unknown>;
  const host = defineComponent({
    setup: () => () =>
      h('div', [
        h(component, {
          ...props,
          'onUpdate:modelValue': (value: unknown) => (props.modelValue = value),
        }),
      ]),
  });
  const wrapper = mount(host, { global: { plugins } });
  return { wrapper, props, inner: () => wrapper.findComponent(component) };
}

/**
 * Mounts a page at `path` under a memory router that knows only `pattern` (e.g.
 * `/tasks/assignments/:id`) and a catch-all, so that useRoute, router-link and pushes work.
 */
export async function mountAtRoute(
  component: Component,
  pattern: string,
  path: string,
  plugins: Plugin[],
) {
  const blank: Component = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: pattern, component },
      { path: '/:other(.*)*', component: blank },
    ],
  });
  await router.push(path);
  await router.isReady();
  const host: Component = { render: () => h(RouterView) };
  const wrapper = mount(host, {
    global: { plugins: [...plugins, router] },
    attachTo: document.body,
  });
  return { wrapper, router };
}

/**
 * Sets the value of an Element Plus input (`ElSelect`, `ElDatePicker`, `ElSlider` …) as if the
 * user picked it from the dropdown or the calendar: the innermost component of that name around
 * the element the selector finds.
 */
export async function pickValue(
  wrapper: VueWrapper,
  name: string,
  selector: string,
  value: unknown,
): Promise<void> {
  wrapper.get(selector);
  const around = wrapper
    .findAllComponents({ name })
    .filter((candidate) => candidate.find(selector).exists());
  const input = around.at(-1);
  if (!input) throw new Error(`no ${name} around ${selector}`);
  input.vm.$emit('update:modelValue', value);
  await flushPromises();
}
