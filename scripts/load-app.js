/**
 * For the maintenance scripts (seed, related:rebuild): compile the server (a stale dist/ would run old
 * code), then load Strapi against the database configured by .env / the environment, without HTTP.
 */
const path = require('path');
const { spawnSync } = require('child_process');
const { ensureEnv } = require('./ensure-env');

const root = path.join(__dirname, '..');

async function compileAndLoad() {
  ensureEnv();
  const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const { createStrapi } = require('@strapi/strapi');
  return createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
}

module.exports = { compileAndLoad, root };
