'use strict';

/**
 * "Berita Terkait" index, shared by every instance through the database:
 * - features: one row per published article and locale (its strongest terms, tags, category, pins,
 *   exclusions and the card readers see);
 * - postings: inverted index term -> articles, so a publish looks at a few hundred candidates, not the
 *   whole archive;
 * - terms: document frequency per term and locale (the row with term '' counts the articles);
 * - lists: the computed related list per article and locale.
 * Everything here is derived from published articles: `npm run related:rebuild` recreates it.
 */
async function up(knex) {
  // A schema builder accumulates statements: a fresh one per statement.
  const schema = () => knex.schema;
  if (!(await schema().hasTable('newsroom_related_features'))) {
    await schema().createTable('newsroom_related_features', (table) => {
      table.increments('id');
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.bigInteger('published_ms').notNullable();
      table.string('category', 64);
      table.string('category_parent', 64);
      table.text('tags');
      table.text('terms');
      table.text('pinned');
      table.text('excluded');
      table.float('norm');
      table.bigInteger('version').notNullable();
      table.text('card', 'mediumtext');
      table.unique(['document_id', 'locale'], { indexName: 'newsroom_related_features_doc_uq' });
      table.index(['locale', 'category', 'published_ms'], 'newsroom_related_features_cat_idx');
    });
  }
  if (!(await schema().hasTable('newsroom_related_postings'))) {
    await schema().createTable('newsroom_related_postings', (table) => {
      table.increments('id');
      table.string('locale', 16).notNullable();
      table.string('term', 64).notNullable();
      table.string('document_id', 64).notNullable();
      table.bigInteger('published_ms').notNullable();
      table.float('weight').notNullable();
      table.index(['locale', 'term', 'published_ms'], 'newsroom_related_postings_term_idx');
      table.index(['document_id', 'locale'], 'newsroom_related_postings_doc_idx');
    });
  }
  if (!(await schema().hasTable('newsroom_related_terms'))) {
    await schema().createTable('newsroom_related_terms', (table) => {
      table.string('locale', 16).notNullable();
      table.string('term', 64).notNullable();
      table.integer('df').notNullable().defaultTo(0);
      table.primary(['locale', 'term'], 'newsroom_related_terms_pk');
    });
  }
  if (!(await schema().hasTable('newsroom_related_computed_lists'))) {
    await schema().createTable('newsroom_related_computed_lists', (table) => {
      table.increments('id');
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.text('items', 'mediumtext');
      table.bigInteger('computed_ms').notNullable();
      table.unique(['document_id', 'locale'], { indexName: 'newsroom_related_computed_doc_uq' });
    });
  }
}

async function down(knex) {
  for (const table of [
    'newsroom_related_computed_lists',
    'newsroom_related_terms',
    'newsroom_related_postings',
    'newsroom_related_features',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}

module.exports = { up, down };
