/**
 * Loads the compiled app in this process, without HTTP, for the maintenance scripts (seed,
 * related:rebuild, media:crops): compiles first, against the database configured by .env / the
 * environment.
 */
const path = require('path');
const { compile, root } = require('./compile');
const { ensureEnv } = require('./secrets');

async function compileAndLoad() {
  ensureEnv();
  compile();
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const { createStrapi } = require('@strapi/strapi');
  return createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
}

module.exports = { compileAndLoad, root };
