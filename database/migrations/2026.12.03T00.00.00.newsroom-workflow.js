'use strict';

/**
 * The newsroom workflow's own tables (issue 15), private: no content type, so no API route, GraphQL type
 * or admin list ever reaches them; only the plugin's admin routes read them.
 * - activity: one row per stage change, publish, unpublish, restore, lock take-over... (who, when, from, to, note);
 * - revisions: the full content of an article locale after each write, whatever path wrote it;
 * - locks: who is editing which article locale, kept alive by the edit view's heartbeat.
 */
async function up(knex) {
  const schema = () => knex.schema;
  if (!(await schema().hasTable('newsroom_activity'))) {
    await schema().createTable('newsroom_activity', (table) => {
      table.increments('id');
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.string('action', 32).notNullable();
      table.string('from_stage', 32);
      table.string('to_stage', 32);
      table.text('note');
      table.string('actor_kind', 16).notNullable();
      table.integer('actor_id');
      table.string('actor_name', 255).notNullable();
      table.bigInteger('created_ms').notNullable();
      table.index(['document_id', 'locale', 'id'], 'newsroom_activity_doc_idx');
      table.index(['created_ms'], 'newsroom_activity_created_idx');
    });
  }
  if (!(await schema().hasTable('newsroom_revisions'))) {
    await schema().createTable('newsroom_revisions', (table) => {
      table.increments('id');
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.string('action', 32).notNullable();
      table.string('status', 16).notNullable();
      table.string('stage', 32);
      table.string('actor_kind', 16).notNullable();
      table.integer('actor_id');
      table.string('actor_name', 255).notNullable();
      table.text('content', 'mediumtext').notNullable();
      table.bigInteger('created_ms').notNullable();
      // "The revisions of one article locale, newest first" is the one list read: one index range scan.
      table.index(['document_id', 'locale', 'id'], 'newsroom_revisions_doc_idx');
      table.index(['created_ms'], 'newsroom_revisions_created_idx');
    });
  }
  if (!(await schema().hasTable('newsroom_edit_locks'))) {
    await schema().createTable('newsroom_edit_locks', (table) => {
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.integer('holder_id').notNullable();
      table.string('holder_name', 255).notNullable();
      table.bigInteger('taken_ms').notNullable();
      table.bigInteger('expires_ms').notNullable();
      // Set when someone else took the lock over, so the previous holder's heartbeat learns who and when.
      table.integer('previous_holder_id');
      table.bigInteger('api_changed_ms');
      table.string('api_changed_by', 255);
      table.primary(['document_id', 'locale'], 'newsroom_edit_locks_pk');
    });
  }
}

async function down(knex) {
  for (const table of ['newsroom_edit_locks', 'newsroom_revisions', 'newsroom_activity']) {
    await knex.schema.dropTableIfExists(table);
  }
}

module.exports = { up, down };
