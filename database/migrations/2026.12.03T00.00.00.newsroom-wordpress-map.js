'use strict';

/**
 * The WordPress importer's map: what each WordPress thing (author, category, tag, post, media file) of a
 * site became in Warta. Keyed by (site, kind, wp_key, locale), so re-running an import updates instead of
 * duplicating, and an interrupted one resumes where it was (a row is written in the same transaction as
 * its document). `source_hash` is the WordPress content last imported (unchanged: skipped); `written_ms`
 * the document's updatedAt after that write (an editor's later edit is kept unless --overwrite).
 */
async function up(knex) {
  if (await knex.schema.hasTable('newsroom_wordpress_map')) return;
  await knex.schema.createTable('newsroom_wordpress_map', (table) => {
    table.increments('id').primary();
    table.string('site', 191).notNullable();
    table.string('kind', 16).notNullable();
    table.string('wp_key', 191).notNullable();
    table.string('locale', 16).notNullable();
    table.string('document_id', 64).notNullable();
    table.string('source_hash', 64).notNullable();
    table.bigInteger('written_ms').notNullable();
    table.unique(['site', 'kind', 'wp_key', 'locale'], { indexName: 'newsroom_wordpress_map_key_uq' });
  });
}

async function down(knex) {
  await knex.schema.dropTableIfExists('newsroom_wordpress_map');
}

module.exports = { up, down };
