import skipFormatting from '@vue/eslint-config-prettier/skip-formatting';
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript';
import pluginVue from 'eslint-plugin-vue';

// Prettier owns formatting (skipFormatting turns off the rules that would fight it).
export default defineConfigWithVueTs(
  { name: 'liandong/files', files: ['**/*.{ts,vue}'] },
  { name: 'liandong/ignores', ignores: ['dist/**', 'node_modules/**', 'test-results/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  skipFormatting,
);
