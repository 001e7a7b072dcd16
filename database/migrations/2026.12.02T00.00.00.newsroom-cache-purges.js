'use strict';

/**
 * The response cache's purge log: one row per purge, numbered in commit order. Instances that keep the
 * cache in their own memory (no Redis) read the rows they have not seen before every hit, so what one
 * instance (or a script) purges is gone from every instance's cache before its next read. Rows older
 * than a day are pruned; a fresh database starts with none.
 */
async function up(knex) {
  if (await knex.schema.hasTable('newsroom_cache_purges')) return;
  await knex.schema.createTable('newsroom_cache_purges', (table) => {
    // Written as max(seq) + 1 under the primary key, so a row is numbered only once the one before it has
    // committed: a reader that sees seq N has seen every row below N (see services/response-cache/purge-log.ts).
    table.bigInteger('seq').notNullable().primary();
    table.text('tags', 'mediumtext').notNullable();
    table.bigInteger('created_ms').notNullable();
    table.index(['created_ms'], 'newsroom_cache_purges_created_idx');
  });
}

async function down(knex) {
  await knex.schema.dropTableIfExists('newsroom_cache_purges');
}

module.exports = { up, down };
