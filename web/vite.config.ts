import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vitest/config';

/**
 * Puts the framework every page needs (Vue, its router, Pinia, vue-i18n) in one cacheable chunk.
 * Element Plus components, ECharts and ExcelJS are left to Rollup, which keeps each in the lazy
 * chunks of the pages that use it, away from the login page.
 */
function vendorChunk(id: string): string | undefined {
  return /\/node_modules\/(@vue|vue|vue-router|pinia|vue-i18n|@intlify)\//.test(id)
    ? 'vendor'
    : undefined;
}

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: each <el-…> component (and v-loading) is imported, with its CSS,
    // by the components that use it, instead of the whole library in main.ts.
    Components({ dts: false, resolvers: [ElementPlusResolver({ importStyle: 'css' })] }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n bundler flags: Composition API only, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  preview: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // dist/.vite/manifest.json: what each page loads, for the first-load budget (scripts/check_first_load.mjs).
    manifest: true,
    // ExcelJS, loaded only for imports and exports, is the largest lazy chunk (about 940 kB).
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // Through Vite, Element Plus gets async-validator's ES build; Node's own loader would hand it
    // the CommonJS one, whose default export is not the class, and form validation would pass
    // every field without checking it.
    server: { deps: { inline: ['element-plus'] } },
  },
});
