#!/usr/bin/env node
/**
 * `npm run openapi:generate`: writes openapi.json, the content API contract frontends generate
 * clients from. Same generator as `strapi openapi generate` (@strapi/openapi), but booted on a
 * throw-away SQLite file with throw-away secrets, so the output depends on the code alone (not on
 * .env or a local database) and CI can compare it byte for byte with the committed file.
 * `--output <file>` writes elsewhere (the test compares against the committed one).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const outputFlag = process.argv.indexOf('--output');
const output = outputFlag > 0 ? path.resolve(process.argv[outputFlag + 1]) : path.join(root, 'openapi.json');

/**
 * Strapi gives every `publishedAt` a default of "now", evaluated when the spec is generated: drop it,
 * or the file would change on every run (and a client has no use for a timestamp from build time).
 */
function withoutGenerationTime(value) {
  if (Array.isArray(value)) return value.map(withoutGenerationTime);
  if (!value || typeof value !== 'object') return value;
  const out = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] =
      key === 'publishedAt' && child && typeof child === 'object' && !Array.isArray(child)
        ? dropDateDefault(child)
        : withoutGenerationTime(child);
  }
  return out;
}
function dropDateDefault(schema) {
  const { default: fallback, ...rest } = schema;
  const keep = typeof fallback !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(fallback);
  return withoutGenerationTime(keep && fallback !== undefined ? schema : rest);
}

async function main() {
  const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-openapi-'));
  // Assigned before Strapi is required: dotenv never overrides a variable that is already set.
  Object.assign(process.env, {
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'openapi.db'),
    APP_KEYS: 'openapi-key-one,openapi-key-two',
    API_TOKEN_SALT: 'openapi-salt',
    ADMIN_JWT_SECRET: 'openapi-admin-secret',
    TRANSFER_TOKEN_SALT: 'openapi-transfer-salt',
    JWT_SECRET: 'openapi-jwt-secret',
    ENCRYPTION_KEY: 'openapi-encryption-key-32-chars!!',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STARTUP_MESSAGE: 'false',
  });
  const { createStrapi } = require('@strapi/strapi');
  const openapi = require('@strapi/openapi');
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    app.log.level = 'error';
    app.server.mount();
    const document = withoutGenerationTime(openapi.generate(app, { type: 'content-api' }).document);
    fs.writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
    console.log(
      `[warta] wrote ${path.relative(process.cwd(), output) || output}: ${Object.keys(document.paths).length} paths`
    );
  } finally {
    await app.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { withoutGenerationTime };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
