import { builtinModules } from 'node:module';
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Patterns of `no-restricted-imports` (gitignore syntax). Each boundary is written for both
// spellings of an import: the `~/` alias and a relative path from anywhere inside app/.
const DATABASE = [
  '~/utils/db.server',
  '**/utils/db.server',
  '~/generated/**',
  '**/generated/prisma',
  '**/generated/prisma/**',
  '**/generated/prisma-pg',
  '**/generated/prisma-pg/**',
];
const ROUTE_BOUNDARIES = [
  {
    group: DATABASE,
    message: 'Routes reach the database through a model function (app/models/*.server.ts).',
  },
];
const UTILS_BOUNDARIES = [
  {
    group: ['~/models', '~/models/**', '**/models', '**/models/**'],
    message:
      'Utils serve every layer and so import no models; move the code that needs one into app/models.',
  },
];
const DOMAIN_BOUNDARIES = [
  {
    group: [
      '~/models',
      '~/models/**',
      '**/models',
      '**/models/**',
      '~/utils',
      '~/utils/**',
      '**/utils',
      '**/utils/**',
    ],
    message: 'The domain is pure: models and utils call it, never the other way round.',
  },
  {
    group: ['node:*'],
    message: "The domain is pure TypeScript without Node's modules; do that work in a model.",
  },
];
// Node's modules imported without "node:" ('crypto', 'fs/promises')
const NODE_BUILTINS = builtinModules
  .filter((name) => !name.startsWith('_') && !name.startsWith('node:'))
  .map((name) => ({
    name,
    message: "The domain is pure TypeScript without Node's modules; do that work in a model.",
  }));

export default tseslint.config(
  {
    ignores: [
      'build/',
      'public/build/',
      'app/generated/',
      'node_modules/',
      'test-results/',
      'tests/.tmp/',
      'playwright-report/',
      '.cache/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  // The layers (DESIGN.md, "Architecture"): routes reach the database only through models,
  // utils serve every layer and so depend on none above them, and the domain is pure TypeScript
  // that runs the same in a route, the CLI, a benchmark and a test.
  {
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...ROUTE_BOUNDARIES] }] },
  },
  {
    files: ['app/utils/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...UTILS_BOUNDARIES] }] },
  },
  {
    files: ['app/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...NODE_BUILTINS], patterns: [...DOMAIN_BOUNDARIES] },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Interface texts come from the message catalogs (app/locales), never from literals in JSX.
    files: ['app/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        { mode: 'jsx-text-only', 'should-validate-template': true },
      ],
    },
  },
);
