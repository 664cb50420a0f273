// Lint: typescript-eslint's recommended rules with type information, plus the few rules the
// team agreed on (docs/ARCHITECTURE.md, "Code style"). Formatting is Prettier's job
// (`prettier --check`), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'reports/', 'coverage/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // `typeof import('…')` stays allowed: vitest's importOriginal<…> needs it
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // full-width spaces (U+3000) are ordinary text in Chinese strings and comments
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipTemplates: true, skipRegExps: true },
      ],
    },
  },
  {
    // Small units (issue 19 §6): functions ≤ 80 lines, ≤ 4 positional parameters, files ≤ 500 lines.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      'max-params': ['error', 4],
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'Buffer', 'URL', 'TextDecoder', 'TextEncoder', 'performance', 'module', 'require']
          .concat(['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'])
          .map((name) => [name, 'readonly']),
      ),
    },
  },
);
