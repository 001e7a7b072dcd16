#!/usr/bin/env node
/**
 * `npm run seed`: imports data/seed into the database configured by .env / the environment.
 * Idempotent: entries it created before, or that an editor changed or deleted since, are left alone.
 */
const path = require('path');
const { compileAndLoad, root } = require('./lib/load-app');

async function main() {
  const strapi = await compileAndLoad();
  try {
    const { seedDemoContent } = require(path.join(root, 'dist', 'src', 'seed'));
    const report = await seedDemoContent(strapi);
    console.log('[warta] seed finished (created / kept):');
    for (const [type, { created, kept }] of Object.entries(report))
      console.log(`  ${type.padEnd(14)} ${created} / ${kept}`);
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(`[warta] seed failed: ${error.message}`);
  process.exit(1);
});
