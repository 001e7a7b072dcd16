'use strict';

/**
 * Takedowns ("Dicabut"): an article locale withdrawn by an editor with a public reason. The article itself
 * is unpublished (so it leaves every list, feed, sitemap and related list at once); this row keeps what the
 * 410 page at its old URL shows: the title, when it was withdrawn and why, never the body. Publishing the
 * article again removes the row.
 */
async function up(knex) {
  if (await knex.schema.hasTable('newsroom_takedowns')) return;
  await knex.schema.createTable('newsroom_takedowns', (table) => {
    table.increments('id');
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.string('slug', 255).notNullable();
    table.string('title', 255).notNullable();
    table.text('reason').notNullable();
    table.bigInteger('withdrawn_ms').notNullable();
    table.string('withdrawn_by', 100);
    table.unique(['document_id', 'locale'], { indexName: 'newsroom_takedowns_document_locale_uq' });
    table.index(['slug', 'locale'], 'newsroom_takedowns_slug_locale_idx');
  });
}

async function down(knex) {
  await knex.schema.dropTableIfExists('newsroom_takedowns');
}

module.exports = { up, down };
