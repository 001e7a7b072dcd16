#!/usr/bin/env node
/**
 * `npm run media:crops`: gives images uploaded before the NewsArticle crops existed their crop_16x9,
 * crop_4x3 and crop_1x1 formats (new uploads get them at once). Reads each original back from the upload
 * provider, stores the missing crops through it, adds them to the image's formats. Idempotent: run it
 * again at will, an image that has its crops is only looked at. Safe while the site serves: until an
 * image has its crops, its pages list the original.
 */
const cliProgress = require('cli-progress');
const { compileAndLoad } = require('./lib/load-app');

async function main() {
  process.env.WARTA_RELATED_RECONCILE_MINUTES = '0';
  const strapi = await compileAndLoad();
  const bar = new cliProgress.SingleBar(
    { format: 'images [{bar}] {percentage}% | {value}/{total}', hideCursor: true },
    cliProgress.Presets.shades_classic
  );
  let started = false;
  try {
    const report = await strapi
      .plugin('newsroom')
      .service('image-crops')
      .backfill({
        onProgress(done, total) {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      });
    if (started) bar.stop();
    console.log(
      `[warta] media crops: ${report.images} images looked at, ${report.updated} given ${report.crops} crops, ${report.skipped} skipped (not resizable or on another provider), ${report.failed.length} failed`
    );
    for (const failure of report.failed) console.log(`  #${failure.id} ${failure.name}: ${failure.error}`);
    if (report.failed.length) process.exitCode = 1;
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(`[warta] media:crops failed: ${error.message}`);
  process.exit(1);
});
