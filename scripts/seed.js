#!/usr/bin/env node
/**
 * `npm run seed`: imports data/seed into the database configured by .env / the environment.
 * Idempotent: entries it created before, or that an editor changed or deleted since, are left alone.
 */
const path = require('path');
const { spawnSync } = require('child_process');
const { ensureEnv } = require('./ensure-env');

const root = path.join(__dirname, '..');

async function main() {
  ensureEnv();
  const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);

  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    const { seedDemoContent } = require(path.join(root, 'dist', 'src', 'seed'));
    const report = await seedDemoContent(strapi);
    console.log('[warta] seed finished (created / kept):');
    for (const [type, { created, kept }] of Object.entries(report)) console.log(`  ${type.padEnd(14)} ${created} / ${kept}`);
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(`[warta] seed failed: ${error.message}`);
  process.exit(1);
});
