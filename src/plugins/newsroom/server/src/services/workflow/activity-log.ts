import type { Core } from '@strapi/strapi';
import { ACTIVITY_MAX_PAGE_SIZE, ACTIVITY_PAGE_SIZE, WORKFLOW_TABLES } from '../../constants';
import type { Principal } from '../../utils/workflow/principal';
import { onTable } from './tables';
import { activityCsv, type ActivityEntry } from '../../utils/workflow/activity';

export type ActivityInput = {
  documentId: string;
  locale: string;
  action: string;
  fromStage?: string | null;
  toStage?: string | null;
  note?: string | null;
  actor: Principal;
};
export type ActivityFilters = {
  documentId?: string;
  locale?: string;
  action?: string;
  actor?: string;
  since?: number;
  until?: number;
};

type Row = {
  id: number;
  document_id: string;
  locale: string;
  action: string;
  from_stage: string | null;
  to_stage: string | null;
  note: string | null;
  actor_kind: string;
  actor_id: number | null;
  actor_name: string;
  created_ms: number | string;
};

const entryOf = (row: Row): ActivityEntry => ({
  id: row.id,
  documentId: row.document_id,
  locale: row.locale,
  action: row.action,
  fromStage: row.from_stage,
  toStage: row.to_stage,
  note: row.note,
  actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
  at: new Date(Number(row.created_ms)).toISOString(),
});

/**
 * The activity log: stage changes, publishes, unpublishes, restores, lock take-overs... one row each, in a
 * private table (no content type: nothing public can list it). Written inside the write's transaction, so a
 * refused write leaves no entry.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.getConnection(WORKFLOW_TABLES.activity);
  const filtered = (filters: ActivityFilters) => {
    const query = table();
    if (filters.documentId) query.where('document_id', filters.documentId);
    if (filters.locale) query.where('locale', filters.locale);
    if (filters.action) query.where('action', filters.action);
    if (filters.actor) query.where('actor_name', filters.actor);
    if (filters.since !== undefined) query.where('created_ms', '>=', filters.since);
    if (filters.until !== undefined) query.where('created_ms', '<', filters.until);
    return query;
  };

  return {
    async record(entry: ActivityInput): Promise<void> {
      await onTable(strapi, WORKFLOW_TABLES.activity, (query) =>
        query.insert({
          document_id: entry.documentId,
          locale: entry.locale,
          action: entry.action,
          from_stage: entry.fromStage ?? null,
          to_stage: entry.toStage ?? null,
          note: entry.note ?? null,
          actor_kind: entry.actor.kind,
          actor_id: entry.actor.id,
          actor_name: entry.actor.name.slice(0, 255),
          created_ms: Date.now(),
        })
      );
    },

    /** One page, newest first, and the total: two statements. */
    async list(filters: ActivityFilters, page = 1, pageSize = ACTIVITY_PAGE_SIZE) {
      const size = Math.min(Math.max(1, pageSize), ACTIVITY_MAX_PAGE_SIZE);
      const rows: Row[] = await filtered(filters)
        .select('*')
        .orderBy('id', 'desc')
        .limit(size)
        .offset((page - 1) * size);
      const [{ total }] = (await filtered(filters).count({ total: '*' })) as { total: number | string }[];
      return {
        results: rows.map(entryOf),
        pagination: { page, pageSize: size, total: Number(total), pageCount: Math.ceil(Number(total) / size) },
      };
    },

    /** The whole filtered log as CSV, oldest first, read in pages so a long log never sits in memory twice. */
    async csv(filters: ActivityFilters): Promise<string> {
      const entries: ActivityEntry[] = [];
      let after = 0;
      for (;;) {
        const rows: Row[] = await filtered(filters).select('*').where('id', '>', after).orderBy('id').limit(1000);
        entries.push(...rows.map(entryOf));
        if (rows.length < 1000) break;
        after = rows[rows.length - 1].id;
      }
      return activityCsv(entries);
    },
  };
};
