/** Browser tests: Debian's Chromium driven by playwright-core against a booted Strapi with its admin build. */
module.exports = {
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testEnvironment: 'node',
  displayName: 'browser',
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/jest-setup.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/build/'],
};
