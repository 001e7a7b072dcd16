/**
 * The schedule of articles (registry key `schedule`): "Terbitkan pada", "Tarik pada" and "Embargo
 * hingga", stored on each locale's draft row (the edit view's fields; the published row is a copy made
 * at publish). The durable jobs mirror those fields: sync() makes the publish and unpublish jobs of a
 * document's locales say what its drafts say, inside the write's transaction, so changing or clearing a
 * schedule replaces it and a deleted article has none. executor.ts runs a job when it falls due.
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, JOB_KINDS, JOB_PRIORITY, JOB_TABLES as T } from '../../constants';
import { localeWhere } from '../../utils/locales/lookup';
import { storedInstant } from '../../utils/schedule/instant';
import { formatScheduleInstant, zoneOf } from '../../utils/schedule/labels';
import { SCHEDULE_FIELDS, type Schedule } from '../../utils/schedule/rules';
import { getService } from '../../get-service';
import type { Job } from '../jobs';
import { scheduleExecutor, scheduleKey, type ExecutionOutcome, type ScheduleAction } from './executor';
import { requester } from './requester';

type DraftRow = { id: number; documentId?: string; locale: string; timezone?: unknown; title?: string } & Partial<
  Record<keyof Schedule, unknown>
>;
export type DraftSchedule = { id: number; locale: string; timezone: unknown; title?: string; schedule: Schedule };

const ACTIONS: { action: ScheduleAction; kind: string; field: 'publishAt' | 'unpublishAt' }[] = [
  { action: 'publish', kind: JOB_KINDS.publish, field: 'publishAt' },
  { action: 'unpublish', kind: JOB_KINDS.unpublish, field: 'unpublishAt' },
];
const SCHEDULE_KINDS = ACTIONS.map((entry) => entry.kind);
const actionOf = (kind: string): ScheduleAction => (kind === JOB_KINDS.unpublish ? 'unpublish' : 'publish');

export type UpcomingItem = {
  documentId: string;
  locale: string;
  title: string | null;
  action: ScheduleAction;
  at: string;
  zone: string;
  /** "Jumat, 27 Oktober 2023 05:00 WIB" */
  when: string;
  state: Job['state'];
  error: string | null;
};

export type ExecutionRow = {
  document_id: string;
  locale: string;
  action: ScheduleAction;
  scheduled_ms: number | string;
  executed_ms: number | string;
  outcome: ExecutionOutcome;
  instance: string;
  requested_by: string | null;
  attempt: number;
  message: string | null;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => getService('jobs', strapi);

  async function drafts(documentId: string, locale: unknown): Promise<DraftSchedule[]> {
    const fallback = await getService('locales', strapi).defaultCode();
    const rows: DraftRow[] = await strapi.db.query(ARTICLE_UID).findMany({
      where: { documentId, publishedAt: null, ...localeWhere(locale, fallback) },
      select: ['id', 'locale', 'timezone', 'title', ...SCHEDULE_FIELDS],
    });
    return rows.map((row) => ({
      id: row.id,
      locale: row.locale,
      timezone: row.timezone,
      title: row.title,
      schedule: {
        publishAt: storedInstant(row.publishAt),
        unpublishAt: storedInstant(row.unpublishAt),
        embargoUntil: storedInstant(row.embargoUntil),
      },
    }));
  }

  /**
   * The jobs of these locales brought in line with their drafts (no draft, no job), on the caller's
   * transaction. `known`: the drafts as the caller has just read them, when nothing it did since changed them.
   */
  async function sync(documentId: string, locales: string[], known?: DraftSchedule[]): Promise<void> {
    const byLocale = new Map((known ?? (await drafts(documentId, locales))).map((draft) => [draft.locale, draft]));
    const wanted = locales.flatMap((locale) =>
      ACTIONS.map(({ kind, field }) => ({
        kind,
        key: scheduleKey(documentId, locale),
        locale,
        at: byLocale.get(locale)?.schedule[field] ?? null,
      }))
    );
    const existing = new Map((await jobs().find(wanted)).map((job) => [`${job.kind} ${job.key}`, job]));
    const by = requester(strapi);
    // The roles of whoever set the schedule: at its time the publish meets the workflow's approval rule as
    // theirs would (an editor's needs "Siap Terbit"; a script's or a super admin's skips it).
    const roles = getService('workflow-actor', strapi).principal().roles;
    const upserts = wanted
      .filter(({ kind, key, at }) => {
        const job = existing.get(`${kind} ${key}`);
        // Unchanged and still pending: nothing to write (the admin sends every field on each save).
        // A parked one is put back: the editor has just saved the article, perhaps with what it lacked.
        return at && !(job && job.runAt === at.getTime() && job.state === 'pending');
      })
      .map(({ kind, key, locale, at }) => ({
        kind,
        key,
        runAt: at!.getTime(),
        priority: JOB_PRIORITY.schedule,
        payload: { documentId, locale, requestedBy: by, requestedRoles: roles },
      }));
    const cancels = wanted.filter(({ kind, key, at }) => !at && existing.has(`${kind} ${key}`));
    await jobs().cancel(cancels);
    await jobs().enqueue(upserts);
  }

  const executor = scheduleExecutor(strapi, { drafts, sync });

  return {
    drafts,
    sync,
    handlers: executor.handlers,
    kinds: SCHEDULE_KINDS,

    /** What goes out (or comes down) in the next `hours`, and every parked schedule, soonest first: the admin home. */
    async upcoming(hours = 24, now = Date.now()): Promise<UpcomingItem[]> {
      const pending = await jobs().list({ kinds: SCHEDULE_KINDS }, 500);
      const horizon = now + hours * 3_600_000;
      const due = pending.filter((job) => job.state === 'parked' || job.runAt <= horizon);
      const ids = [...new Set(due.map((job) => String(job.payload.documentId)))];
      const rows: DraftRow[] = ids.length
        ? await strapi.db.query(ARTICLE_UID).findMany({
            where: { documentId: { $in: ids }, publishedAt: null },
            select: ['documentId', 'locale', 'title', 'timezone'],
          })
        : [];
      const draftOf = new Map(rows.map((row) => [scheduleKey(String(row.documentId), row.locale), row]));
      return due
        .map((job) => {
          const draft = draftOf.get(job.key);
          const zone = zoneOf(draft?.timezone);
          const at = new Date(job.runAt);
          return {
            documentId: String(job.payload.documentId),
            locale: String(job.payload.locale),
            title: draft?.title ?? null,
            action: actionOf(job.kind),
            at: at.toISOString(),
            zone,
            when: formatScheduleInstant(at, zone, 'id'),
            state: job.state,
            error: job.lastError,
          };
        })
        .sort((a, b) => a.at.localeCompare(b.at));
    },

    /** The record of scheduled runs, newest first, optionally of one document. */
    async executions(where: { documentId?: string } = {}, limit = 1000): Promise<ExecutionRow[]> {
      let query = strapi.db.connection(T.executions).select('*');
      if (where.documentId) query = query.where('document_id', where.documentId);
      return (await query.orderBy('id', 'desc').limit(limit)) as ExecutionRow[];
    },
  };
};
