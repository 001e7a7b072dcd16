import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, ASSIGNEE_FIELD, REVISIONS_PAGE_SIZE, STAGE_FIELD, WORKFLOW_TABLES } from '../../constants';
import { workflowMessages } from '../../utils/messages';
import type { Principal } from '../../utils/workflow/principal';
import {
  compareSnapshots,
  restoreData,
  snapshotOf,
  type FieldPlan,
  type Snapshot,
} from '../../utils/workflow/revisions';
import { withIntent } from './actor';
import { relationRefs } from './relation-refs';
import { onTable } from './tables';

/** Strapi's own relations: who created the row is not content, and each locale has its own revisions. */
const SKIPPED_RELATIONS = ['createdBy', 'updatedBy', 'localizations'];

type Attribute = { type: string; relation?: string; target?: string; multiple?: boolean };
type RevisionRow = {
  id: number;
  document_id: string;
  locale: string;
  action: string;
  status: string;
  stage: string | null;
  actor_kind: string;
  actor_id: number | null;
  actor_name: string;
  created_ms: number | string;
  content?: string;
};
const LIST_COLUMNS = [
  'id',
  'document_id',
  'locale',
  'action',
  'status',
  'stage',
  'actor_kind',
  'actor_id',
  'actor_name',
  'created_ms',
];

const summaryOf = (row: RevisionRow) => ({
  id: row.id,
  documentId: row.document_id,
  locale: row.locale,
  action: row.action,
  status: row.status,
  stage: row.stage,
  actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
  at: new Date(Number(row.created_ms)).toISOString(),
});

/**
 * Revision history: after every write to an article locale, whatever path made it (the pipeline's
 * `revisions` middleware calls `record`), the full localized content with its relations, who and which
 * action, in a private table. A restore writes an old revision back as the draft and never publishes.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let plan: FieldPlan | null = null;
  let populate: Record<string, unknown> | null = null;
  const fieldPlan = () => {
    if (plan && populate) return { plan, populate };
    const attributes = strapi.getModel(ARTICLE_UID).attributes as Record<string, Attribute>;
    plan = {};
    populate = {};
    for (const [name, attribute] of Object.entries(attributes)) {
      if (SKIPPED_RELATIONS.includes(name)) continue;
      if (attribute.type === 'relation') {
        // Read by relationRefs in one statement, not populated one query each.
        const one = ['oneToOne', 'manyToOne'].includes(attribute.relation ?? '');
        plan[name] = one ? 'relation-one' : 'relation-many';
      } else if (attribute.type === 'component' || attribute.type === 'dynamiczone') {
        plan[name] = 'component';
        populate[name] = true;
      } else if (attribute.type === 'media') {
        plan[name] = attribute.multiple ? 'relation-many' : 'media';
        populate[name] = { select: ['id'] };
      } else if (attribute.type === 'blocks') plan[name] = 'blocks';
    }
    return { plan, populate };
  };

  const find = async (id: number): Promise<RevisionRow> => {
    const row: RevisionRow | undefined = await strapi.db
      .getConnection(WORKFLOW_TABLES.revisions)
      .where('id', id)
      .first();
    if (!row) throw new errors.NotFoundError(workflowMessages.revisionNotFound(id));
    return row;
  };

  return {
    /** The current content of one article locale (draft or published row), as a revision stores it. */
    async snapshot(documentId: string, locale: string, status: 'draft' | 'published'): Promise<Snapshot | null> {
      const { plan: fields, populate: joins } = fieldPlan();
      const row = await strapi.db.query(ARTICLE_UID).findOne({
        where: { documentId, locale, publishedAt: status === 'published' ? { $notNull: true } : null },
        populate: joins,
      });
      if (!row) return null;
      const relations = Object.keys(fields).filter((field) => fields[field].startsWith('relation'));
      const refs = await relationRefs(strapi, ARTICLE_UID, row.id, relations);
      for (const [field, kind] of Object.entries(fields)) {
        if (kind === 'relation-one') row[field] = refs[field]?.[0] ?? null;
        else if (kind === 'relation-many' && refs[field]) row[field] = refs[field];
      }
      return snapshotOf(row, fields);
    },

    /** Stores `content` (or the current row) as the newest revision of the locale; one insert. */
    async record(input: {
      documentId: string;
      locale: string;
      action: string;
      status: 'draft' | 'published';
      actor: Principal;
      content?: Snapshot | null;
    }): Promise<void> {
      const content = input.content ?? (await this.snapshot(input.documentId, input.locale, input.status));
      if (!content) return;
      await onTable(strapi, WORKFLOW_TABLES.revisions, (query) =>
        query.insert({
          document_id: input.documentId,
          locale: input.locale,
          action: input.action,
          status: input.status,
          stage: (content[STAGE_FIELD] as string | null) ?? null,
          actor_kind: input.actor.kind,
          actor_id: input.actor.id,
          actor_name: input.actor.name.slice(0, 255),
          content: JSON.stringify(content),
          created_ms: Date.now(),
        })
      );
    },

    /** The newest revisions of one article locale, without their content: one statement. */
    async list(documentId: string, locale: string, limit = REVISIONS_PAGE_SIZE) {
      const rows: RevisionRow[] = await strapi.db
        .getConnection(WORKFLOW_TABLES.revisions)
        .select(LIST_COLUMNS)
        .where({ document_id: documentId, locale })
        .orderBy('id', 'desc')
        .limit(Math.min(Math.max(1, limit), REVISIONS_PAGE_SIZE));
      return rows.map(summaryOf);
    },

    async show(id: number) {
      const row = await find(id);
      return { ...summaryOf(row), content: JSON.parse(row.content ?? '{}') as Snapshot };
    },

    /** Two revisions of the same article locale, field by field, with word diffs of the texts. */
    async compare(fromId: number, toId: number) {
      const [from, to] = await Promise.all([this.show(fromId), this.show(toId)]);
      if (from.documentId !== to.documentId || from.locale !== to.locale) {
        throw new errors.ValidationError(workflowMessages.revisionOfAnotherArticle(toId));
      }
      const { plan: fields } = fieldPlan();
      const { content: _a, ...fromSummary } = from;
      const { content: _b, ...toSummary } = to;
      return { from: fromSummary, to: toSummary, changes: compareSnapshots(from.content, to.content, fields) };
    },

    /**
     * Writes revision `id` back as the draft of its own article locale (stage and assignee stay as they
     * are), as the current caller: the lock and the pipeline apply as to any save. Never publishes.
     */
    async restore(id: number, documentId: string, locale: string) {
      const revision = await this.show(id);
      if (revision.documentId !== documentId || revision.locale !== locale) {
        throw new errors.ValidationError(workflowMessages.revisionOfAnotherArticle(id));
      }
      const { plan: fields } = fieldPlan();
      const data = restoreData(revision.content, fields, [STAGE_FIELD, ASSIGNEE_FIELD]);
      // Related documents deleted since are left out rather than failing the whole restore.
      for (const [field, kind] of Object.entries(fields)) {
        if (!data[field] || (kind !== 'relation-one' && kind !== 'relation-many')) continue;
        const attribute = (strapi.getModel(ARTICLE_UID).attributes as Record<string, Attribute>)[field];
        if (!attribute.target || attribute.target === 'admin::user' || attribute.type === 'media') {
          delete data[field];
          continue;
        }
        const wanted = (data[field] as { set: { documentId: string }[] }).set.map((item) => item.documentId);
        if (wanted.length === 0) continue;
        const target = strapi.getModel(attribute.target as never) as {
          pluginOptions?: { i18n?: { localized?: boolean } };
        };
        const existing: { documentId: string }[] = await strapi.db.query(attribute.target as never).findMany({
          where: { documentId: { $in: wanted }, ...(target.pluginOptions?.i18n?.localized ? { locale } : {}) },
          select: ['documentId'],
        });
        const present = new Set(existing.map((item) => item.documentId));
        data[field] = { set: wanted.filter((item) => present.has(item)).map((item) => ({ documentId: item })) };
      }
      const draft = await withIntent({ action: 'restore', note: `revisi #${id}` }, () =>
        strapi.documents(ARTICLE_UID).update({ documentId, locale, data } as never)
      );
      if (!draft) throw new errors.NotFoundError(workflowMessages.documentNotFound(documentId, locale));
      return draft;
    },

    /** Deletes revisions older than `days` days (0 keeps everything); returns how many went. */
    async prune(days: number): Promise<number> {
      if (!days) return 0;
      const cutoff = Date.now() - days * 86_400_000;
      return strapi.db.getConnection(WORKFLOW_TABLES.revisions).where('created_ms', '<', cutoff).delete();
    },
  };
};
