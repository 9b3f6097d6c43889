import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/**
 * Puts Element Plus (with its helpers) and the rest of node_modules in two cacheable chunks.
 * ECharts and ExcelJS are left to Rollup, which keeps them in the lazy chunks of the pages and
 * actions that use them, away from the login page.
 */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (/\/node_modules\/(echarts|zrender|vue-echarts|exceljs)\//.test(id)) return undefined;
  return /\/node_modules\/(element-plus|@element-plus)\//.test(id) ? 'element-plus' : 'vendor';
}

export default defineConfig({
  plugins: [vue()],
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
    // Element Plus is imported whole (once, in main.ts); its chunk is about 800 kB (250 kB gzipped).
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
