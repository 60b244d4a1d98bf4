// Lint rules: typescript-eslint's recommended set, plus the boundary that keeps src/core pure
// (no imports from the hosts, no DOM, no node built-ins) so one core runs in node, worker and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const hostOnlyGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'process',
  'require',
  '__dirname',
].map((name) => ({
  name,
  message: 'src/core is pure: hosts (ui, worker, cli) hand it data and receive results.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', self: 'readonly', globalThis: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/worker/**', '**/cli/**', '../ui', '../worker', '../cli'],
              message: 'src/core must not import from a host.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'],
              message: 'src/core must not use node built-ins.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...hostOnlyGlobals],
    },
  },
);
