import type { Core } from '@strapi/strapi';

type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
};
type RelationMeta = { type: string; target?: string; joinTable?: JoinTable };
type Meta = { tableName: string; attributes: Record<string, RelationMeta & { columnName?: string }> };

/**
 * Every relation of one row, as `{ field: [{ documentId } | { id }] }` in link order, in ONE statement (a
 * UNION ALL over the link tables) instead of one query per relation: a revision is written on every save,
 * and on PostgreSQL each extra round trip inside the save's transaction costs a few milliseconds.
 */
export async function relationRefs(
  strapi: Core.Strapi,
  uid: string,
  rowId: number,
  only: readonly string[]
): Promise<Record<string, { documentId?: string; id?: number }[]>> {
  const meta = strapi.db.metadata.get(uid as never) as unknown as Meta;
  const knex = strapi.db.connection;
  const parts = [];
  const fields: string[] = [];
  for (const [field, attribute] of Object.entries(meta.attributes)) {
    // The database metadata lists components as relations too: only the content type's own relations are read here.
    if (attribute.type !== 'relation' || !attribute.joinTable || !attribute.target || !only.includes(field)) continue;
    const target = strapi.db.metadata.get(attribute.target as never) as unknown as Meta;
    const hasDocumentId = 'documentId' in target.attributes;
    const join = attribute.joinTable;
    fields.push(field);
    parts.push(
      knex
        .select(
          // Field names are the model's own identifiers, never input: safe as a literal.
          knex.raw(`'${field.replace(/[^A-Za-z0-9_]/g, '')}' as field`),
          hasDocumentId ? knex.ref('t.document_id').as('ref') : knex.raw('null as ref'),
          knex.ref('t.id').as('target_id'),
          knex.ref(`l.${join.orderColumnName ?? 'id'}`).as('ord')
        )
        .from({ l: join.name })
        .join({ t: target.tableName }, 't.id', `l.${join.inverseJoinColumn.name}`)
        .where(`l.${join.joinColumn.name}`, rowId)
    );
  }
  const refs: Record<string, { documentId?: string; id?: number }[]> = Object.fromEntries(fields.map((f) => [f, []]));
  if (parts.length === 0) return refs;
  const [first, ...rest] = parts;
  // Unwrapped: SQLite refuses parenthesised members of a UNION.
  let query = rest.length ? first.unionAll(rest, false) : first;
  if (strapi.db.inTransaction()) {
    const { get } = await strapi.db.transaction();
    query = query.transacting(get() as never);
  }
  const rows = (await query) as { field: string; ref: string | null; target_id: number; ord: number | null }[];
  rows.sort((a, b) => (a.field === b.field ? Number(a.ord ?? 0) - Number(b.ord ?? 0) : a.field < b.field ? -1 : 1));
  for (const row of rows) refs[row.field]?.push(row.ref ? { documentId: row.ref } : { id: row.target_id });
  return refs;
}
