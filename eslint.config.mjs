import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/generated/**', 'src/generated/**', 'src/clients/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only src/config may read the environment (docs/configuration.md).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/config/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**', 'jest.config.js', '*.mjs'],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
  {
    // The emulators are written from the vendors' documents, not from the adapters, so the
    // two can disagree and a test can see it: nothing under src/sandbox
    // imports from src/providers. src/demo is where the two meet.
    files: ['src/sandbox/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/providers', '**/providers/**'],
              message: 'src/sandbox imports nothing from src/providers: type the vendor bodies in src/sandbox/<vendor>/<vendor>.wire.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The playground's bootstrap runs in the browser, after the UMD bundles set these globals.
    files: ['src/server/playground/playground-assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, React: 'readonly', ReactDOM: 'readonly', GraphiQL: 'readonly', graphqlWs: 'readonly' },
    },
  },
);
