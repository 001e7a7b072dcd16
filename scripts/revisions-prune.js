#!/usr/bin/env node
/**
 * `npm run revisions:prune`: deletes article revisions older than the configured retention
 * (WARTA_REVISION_RETENTION_DAYS; 0, the default, keeps everything and deletes nothing), or than
 * `-- --days N` when given. The activity log is kept: it is the record of who did what.
 */
const { compileAndLoad } = require('./lib/load-app');

async function main() {
  const index = process.argv.indexOf('--days');
  const given = index > -1 ? Number(process.argv[index + 1]) : undefined;
  if (given !== undefined && (!Number.isInteger(given) || given < 1)) {
    throw new Error('--days must be a whole number of days, at least 1 (--days harus bilangan bulat, minimal 1)');
  }
  process.env.WARTA_RELATED_RECONCILE_MINUTES = '0';
  const strapi = await compileAndLoad();
  try {
    const days = given ?? strapi.config.get('plugin::newsroom.workflow.revisionRetentionDays', 0);
    if (!days) {
      console.log('[warta] revisions are kept forever (WARTA_REVISION_RETENTION_DAYS=0): nothing pruned');
      return;
    }
    const deleted = await strapi.plugin('newsroom').service('revisions').prune(days);
    console.log(`[warta] pruned ${deleted} revisions older than ${days} days`);
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(`[warta] revisions:prune failed: ${error.message}`);
  process.exit(1);
});
