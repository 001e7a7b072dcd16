'use strict';

/**
 * Warta's durable background work, shared by every instance through the database:
 * - jobs: what is to be done and when (a scheduled publish or unpublish, a "Berita Terkait"
 *   recomputation), claimed by one instance at a time with the database's own guarantees
 *   (SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL and MariaDB, the single writer on SQLite),
 *   retried with backoff, parked with its error after repeated failure. One row per kind and key:
 *   asking again for pending work merges into it.
 * - schedule executions: every run of a scheduled publish or unpublish (what, which scheduled time,
 *   when it ran, on which instance, who had scheduled it, how it ended), so "exactly once" is countable.
 * Times are epoch milliseconds (bigint), like the related-news tables: no time zone in the database.
 */
async function up(knex) {
  const schema = () => knex.schema;
  if (!(await schema().hasTable('newsroom_jobs'))) {
    await schema().createTable('newsroom_jobs', (table) => {
      table.increments('id');
      table.string('kind', 64).notNullable();
      table.string('job_key', 191).notNullable();
      table.text('payload');
      table.bigInteger('run_at').notNullable();
      table.integer('priority').notNullable().defaultTo(100);
      table.string('state', 16).notNullable().defaultTo('pending');
      table.integer('attempts').notNullable().defaultTo(0);
      table.integer('version').notNullable().defaultTo(0);
      table.string('locked_by', 128);
      table.bigInteger('locked_until');
      table.text('last_error');
      table.bigInteger('created_ms').notNullable();
      table.bigInteger('updated_ms').notNullable();
      table.unique(['kind', 'job_key'], { indexName: 'newsroom_jobs_kind_key_uq' });
      table.index(['state', 'run_at'], 'newsroom_jobs_due_idx');
    });
  }
  if (!(await schema().hasTable('newsroom_schedule_executions'))) {
    await schema().createTable('newsroom_schedule_executions', (table) => {
      table.increments('id');
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.string('action', 16).notNullable();
      table.bigInteger('scheduled_ms').notNullable();
      table.bigInteger('executed_ms').notNullable();
      table.string('outcome', 16).notNullable();
      table.string('instance', 128).notNullable();
      table.string('requested_by', 191);
      table.integer('attempt').notNullable();
      table.text('message');
      table.index(['document_id', 'locale'], 'newsroom_schedule_exec_doc_idx');
      table.index(['executed_ms'], 'newsroom_schedule_exec_time_idx');
    });
  }
}

async function down(knex) {
  await knex.schema.dropTableIfExists('newsroom_schedule_executions');
  await knex.schema.dropTableIfExists('newsroom_jobs');
}

module.exports = { up, down };
