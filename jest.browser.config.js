/** Browser tests: Debian's Chromium driven by playwright-core against a booted Strapi with its admin build. */
module.exports = {
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testEnvironment: 'node',
  displayName: 'browser',
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/jest-setup.ts'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.js',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/build/'],
};
