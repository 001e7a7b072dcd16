// `npm run lint`: Prettier for layout, typescript-eslint for what a formatter cannot see.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      '.tmp/',
      '.cache/',
      '.strapi/',
      'coverage/',
      'test-artifacts/',
      'types/generated/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Every `any` left in production code is commented with its reason (see the README's "Types").
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Scripts and configs are CommonJS run by Node directly.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  {
    // Hand-built mocks stand in for Strapi's wide objects: `any` there says "whatever the code under test reads".
    files: ['tests/**', '**/__tests__/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/admin/**', 'src/plugins/newsroom/admin/**'],
    languageOptions: { globals: { ...globals.browser } },
  }
);
