/**
 * A fresh clone has no .env: write one from .env.example with new random secrets, as
 * create-strapi-app does, so `npm run develop` works without a manual step. An existing .env is kept.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const secret = () => crypto.randomBytes(24).toString('base64');

function ensureEnv() {
  const target = path.join(root, '.env');
  if (fs.existsSync(target)) return false;
  const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  const filled = example
    .replace(/^APP_KEYS=.*$/m, `APP_KEYS="${[secret(), secret(), secret(), secret()].join(',')}"`)
    .replace(/^(API_TOKEN_SALT|ADMIN_JWT_SECRET|TRANSFER_TOKEN_SALT|JWT_SECRET|ENCRYPTION_KEY)=.*$/gm, (_m, name) => `${name}=${secret()}`);
  fs.writeFileSync(target, filled, { mode: 0o600 });
  console.log('[warta] wrote .env with fresh random secrets');
  return true;
}

module.exports = { ensureEnv };
if (require.main === module) ensureEnv();
