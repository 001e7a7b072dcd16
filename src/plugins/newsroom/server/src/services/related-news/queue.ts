/**
 * Recomputation off the request path, as durable jobs (services/jobs) shared by every instance. A
 * publish, unpublish or delete enqueues its refresh inside its own transaction, so a process killed
 * between the commit and the indexing loses nothing: another instance takes the job (when its lease
 * ends, if the killed one held it). Asking again for pending work merges into it, so a bulk import does
 * not recompute the same list again and again. reconcile() stays as the safety net for what the queue
 * cannot know (an index restored from a backup, rows written behind the Document Service's back).
 */
import type { Core } from '@strapi/strapi';
import { JOB_KINDS, JOB_PRIORITY } from '../../constants';
import { getService } from '../../get-service';
import type { Job, JobHandler } from '../jobs';
import type { RelatedIndexer } from './indexer';
import type { RelatedStore } from './store';

export type ScheduleOptions = { neighbours?: boolean; reindex?: boolean };
type Target = { documentId: string; locale: string };

/** Each combination of options is its own kind: a pending job's meaning never changes under it. */
const kindOf = ({ neighbours = true, reindex = true }: ScheduleOptions) =>
  !reindex ? JOB_KINDS.relatedRecompute : neighbours ? JOB_KINDS.relatedRefresh : JOB_KINDS.relatedReindex;

export const RELATED_JOB_KINDS = [JOB_KINDS.relatedRefresh, JOB_KINDS.relatedReindex, JOB_KINDS.relatedRecompute];

const targetOf = (job: Job): Target => ({
  documentId: String(job.payload.documentId),
  locale: String(job.payload.locale),
});

export function relatedQueue(strapi: Core.Strapi, store: RelatedStore, indexer: RelatedIndexer) {
  const jobs = () => getService('jobs', strapi);

  const queue = {
    /**
     * After a publish, unpublish or delete: re-index the article, recompute its list, then refresh its
     * neighbours (the articles in its old and new list), whose lists may now gain or lose it.
     */
    async refresh(documentId: string, locale: string, { neighbours = true } = {}): Promise<void> {
      const before = neighbours ? await store.readList(documentId, locale) : null;
      await indexer.reindex(documentId, locale);
      const items = await indexer.recompute(documentId, locale);
      if (!neighbours) return;
      const around = new Set([...(before?.items ?? []), ...(items ?? [])].map((item) => item.documentId));
      await queue.scheduleMany(
        [...around].map((neighbour) => ({ documentId: neighbour, locale })),
        { neighbours: false, reindex: false }
      );
    },

    /** Queues a refresh (on the caller's transaction when there is one). */
    async schedule(documentId: string, locale: string, options: ScheduleOptions = {}): Promise<void> {
      await queue.scheduleMany([{ documentId, locale }], options);
    },

    async scheduleMany(targets: Target[], options: ScheduleOptions = {}): Promise<void> {
      const kind = kindOf(options);
      const now = Date.now();
      await jobs().enqueue(
        targets.map(({ documentId, locale }) => ({
          kind,
          key: `${documentId}:${locale}`,
          runAt: now,
          priority: JOB_PRIORITY.related,
          payload: { documentId, locale },
        }))
      );
    },

    /** Resolves when no recomputation is due, on any instance (scripts and tests wait on it). */
    async idle(): Promise<void> {
      await jobs().idle(RELATED_JOB_KINDS);
    },

    /**
     * The job kinds, for the worker. Leased, not transactional: a list is computed in several commits,
     * and doing it twice (a lease that ran out on a slow machine) gives the same list.
     */
    jobHandlers(): Record<string, JobHandler> {
      const lease = (run: (target: Target) => Promise<unknown>): JobHandler => ({
        mode: 'lease',
        run: async (job) => {
          await run(targetOf(job));
        },
      });
      return {
        [JOB_KINDS.relatedRefresh]: lease(({ documentId, locale }) => queue.refresh(documentId, locale)),
        [JOB_KINDS.relatedReindex]: lease(({ documentId, locale }) =>
          queue.refresh(documentId, locale, { neighbours: false })
        ),
        [JOB_KINDS.relatedRecompute]: lease(({ documentId, locale }) => indexer.recompute(documentId, locale)),
      };
    },
  };
  return queue;
}

export type RelatedQueue = ReturnType<typeof relatedQueue>;
