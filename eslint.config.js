import { existsSync } from 'node:fs';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

// Lets the Svelte parser see the kit settings (aliases, runes) once the web app has its config.
const svelteConfigUrl = new URL('./web/svelte.config.js', import.meta.url);
const svelteConfig = existsSync(svelteConfigUrl) ? (await import(svelteConfigUrl.href)).default : undefined;

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'web/build/',
    'web/.svelte-kit/',
    '**/*.tsbuildinfo',
    '.tsbuild/',
    'test-artifacts/',
    'tmp/',
  ]),
  js.configs.recommended,
  // Syntax-only rules: type-aware linting would need a TypeScript program per run and make lint slow.
  ts.configs.recommended,
  svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      // Kept the same for .ts and .svelte files so the parser is not reconfigured between them.
      parserOptions: { extraFileExtensions: ['.svelte'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
);
