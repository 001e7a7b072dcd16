#!/usr/bin/env node
/**
 * `npm run related:rebuild`: re-indexes every published article and recomputes every "Berita Terkait"
 * list, with a progress bar. Safe while the site serves (batches commit one by one; reads keep the old
 * lists until the new ones land). Interrupted? Run it again: it resumes from its checkpoint.
 * `-- --restart` starts from the beginning instead.
 */
const cliProgress = require('cli-progress');
const { compileAndLoad } = require('./lib/load-app');

async function main() {
  // The rebuild makes the whole index consistent: no periodic reconcile beside it in this process.
  process.env.WARTA_RELATED_RECONCILE_MINUTES = '0';
  const strapi = await compileAndLoad();
  const bar = new cliProgress.SingleBar(
    {
      format:
        '{phase} {locale} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic
  );
  let current = '';
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    bar.stop();
    console.log('\n[warta] interrupted: run `npm run related:rebuild` again to resume.');
    process.exit(130);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const result = await strapi
      .plugin('newsroom')
      .service('related-news')
      .rebuild({
        restart: process.argv.includes('--restart'),
        onProgress(phase, locale, done, total) {
          const label = phase === 'index' ? 'index  ' : 'lists  ';
          if (current !== `${phase}/${locale}`) {
            if (current) bar.stop();
            current = `${phase}/${locale}`;
            bar.start(total, done, { phase: label, locale });
          }
          bar.update(done, { phase: label, locale });
        },
      });
    if (current) bar.stop();
    console.log(
      `[warta] related news rebuilt${result.resumed ? ' (resumed)' : ''}: ${result.articles} articles indexed, ${result.lists} lists in ${(result.ms / 1000).toFixed(1)} s`
    );
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(`[warta] related:rebuild failed: ${error.message}`);
  process.exit(1);
});
