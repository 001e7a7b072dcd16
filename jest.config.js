/** Unit tests sit next to the code; integration tests in tests/ boot a real Strapi on a fresh database. */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };
const common = {
  transform,
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/build/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts', '<rootDir>/config/**/__tests__/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      // tests/browser/ has its own config (jest.browser.config.js): it needs the admin build and Chromium.
      testMatch: ['<rootDir>/tests/*.test.ts'],
      // Booting Strapi and migrating a fresh PostgreSQL or MariaDB database takes a while.
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/jest-setup.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.js',
    },
  ],
};
