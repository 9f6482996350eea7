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
  ts.configs.recommended,
  svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      // Kept the same for .ts and .svelte files so the parser is not reconfigured between them. Typed linting:
      // each file is read with the program of the tsconfig that owns it, as the editor does.
      parserOptions: { extraFileExtensions: ['.svelte'], projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // A promise nobody awaits loses its rejection; fire-and-forget is written `void` with a comment saying why.
      '@typescript-eslint/no-floating-promises': 'error',
      // A new member of a union (a command, an event, a meeting kind) must show up at every switch over it that
      // has no default; a `default:` branch says on purpose that every other member is handled alike.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        parser: ts.parser,
        extraFileExtensions: ['.svelte'],
        svelteConfig,
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Configuration files and the scripts npm test runs before TypeScript is installed belong to no tsconfig, so
    // they are linted without types.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [ts.configs.disableTypeChecked],
  },
);
