/**
 * Secrets for the app's six required variables: fixed, well-known ones for throw-away instances
 * (tests, benches: never a real deployment), and fresh random ones for a developer's first .env.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');

/**
 * Without JWT_SECRET users-permissions writes a new one into .env, so all six are always set. These
 * differ from .env.example's values, which the production start-up check refuses.
 */
const THROWAWAY_SECRETS = Object.freeze({
  APP_KEYS: 'testKeyOne,testKeyTwo',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-32-characters!',
});

const randomSecret = () => crypto.randomBytes(24).toString('base64');

/**
 * A fresh clone has no .env: write one from .env.example with new random secrets, as create-strapi-app
 * does, so `npm run develop` works without a manual step. An existing .env is kept.
 */
function ensureEnv() {
  const target = path.join(root, '.env');
  if (fs.existsSync(target)) return false;
  const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  const filled = example
    .replace(
      /^APP_KEYS=.*$/m,
      `APP_KEYS="${[randomSecret(), randomSecret(), randomSecret(), randomSecret()].join(',')}"`
    )
    .replace(
      /^(API_TOKEN_SALT|ADMIN_JWT_SECRET|TRANSFER_TOKEN_SALT|JWT_SECRET|ENCRYPTION_KEY)=.*$/gm,
      (_m, name) => `${name}=${randomSecret()}`
    );
  fs.writeFileSync(target, filled, { mode: 0o600 });
  console.log('[warta] wrote .env with fresh random secrets');
  return true;
}

module.exports = { THROWAWAY_SECRETS, randomSecret, ensureEnv };
