/**
 * A revision history as large as the archive, written straight into the revisions table in batches: what
 * a newsroom that has run Warta for a while has, so the bench's inserts land in a table and indexes of
 * that size. The content is a realistic-size JSON document (title, lead, a few paragraphs).
 */
const { progress } = require('../lib/figures');

const TABLE = 'newsroom_revisions';

async function seedRevisions(strapi, docs, count) {
  const knex = strapi.db.connection;
  const paragraph = 'Pemerintah provinsi menyatakan bahwa perbaikan jalan akan selesai pekan depan. '.repeat(6);
  const content = JSON.stringify({
    title: 'Perbaikan Jalan Provinsi Dikebut Menjelang Mudik',
    lead: paragraph.slice(0, 280),
    body: Array.from({ length: 6 }, () => ({ type: 'paragraph', children: [{ type: 'text', text: paragraph }] })),
    editorialStage: 'draft',
  });
  const batch = 500;
  const started = Date.now() - count * 1000;
  for (let done = 0; done < count; done += batch) {
    const rows = [];
    for (let i = done; i < Math.min(count, done + batch); i += 1) {
      const index = i % docs.documentId.length;
      rows.push({
        document_id: docs.documentId[index],
        locale: docs.locale[index],
        action: 'update',
        status: 'draft',
        stage: 'draft',
        actor_kind: 'system',
        actor_id: null,
        actor_name: 'bench',
        content,
        created_ms: started + i * 1000,
      });
    }
    await knex(TABLE).insert(rows);
    progress(`revisions ${done + rows.length}/${count}`);
  }
}

module.exports = { seedRevisions };
