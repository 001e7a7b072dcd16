// Guards the production start-up check: with NODE_ENV=production, a missing or example secret stops
// the app before it listens, with one line that names the variable.
import { spawnSync } from 'child_process';
import path from 'path';

const APP_DIR = path.resolve(__dirname, '..');
const GOOD = {
  APP_KEYS: 'prodKeyOne,prodKeyTwo',
  API_TOKEN_SALT: 'prod-api-token-salt',
  ADMIN_JWT_SECRET: 'prod-admin-jwt',
  TRANSFER_TOKEN_SALT: 'prod-transfer-salt',
  JWT_SECRET: 'prod-jwt',
  ENCRYPTION_KEY: 'prod-encryption-key',
};

function startInProduction(overrides: Record<string, string>) {
  return spawnSync(
    process.execPath,
    [path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
    {
      cwd: APP_DIR,
      // Empty strings, not absent keys: a developer's .env must not fill them back in.
      env: { PATH: process.env.PATH, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', ...GOOD, ...overrides },
      encoding: 'utf8',
      timeout: 60_000,
    }
  );
}

describe('production start-up', () => {
  test.each([
    ['JWT_SECRET', '', /JWT_SECRET is not set/],
    ['APP_KEYS', 'toBeModified1,toBeModified2', /APP_KEYS still has the example value/],
    ['ENCRYPTION_KEY', 'tobemodified', /ENCRYPTION_KEY still has the example value/],
  ])('refuses to start when %s is %p, in one line naming it', (name, value, message) => {
    const result = startInProduction({ [name]: value });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Warta refuses to start in production: /);
    expect(lines[0]).toMatch(message);
  });
});
