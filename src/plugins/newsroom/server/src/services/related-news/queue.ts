/**
 * Recomputation off the request path. This process's own pending work lives here, so that it can be
 * coalesced and awaited; everything it produces (index rows, lists) is in the database, shared by
 * every instance, and what a crash loses is found again by reconcile().
 */
import type { Core } from '@strapi/strapi';
import type { RelatedIndexer } from './indexer';
import type { RelatedStore } from './store';

type Job = { documentId: string; locale: string; neighbours: boolean; reindex: boolean };
export type ScheduleOptions = { neighbours?: boolean; reindex?: boolean };

const queue = new Map<string, Job>();
let worker: Promise<void> | null = null;

export function relatedQueue(strapi: Core.Strapi, store: RelatedStore, indexer: RelatedIndexer) {
  const jobs = {
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
      for (const neighbour of around) jobs.schedule(neighbour, locale, { neighbours: false, reindex: false });
    },

    /** Queues a refresh. One queue per process coalesces duplicates: a bulk import does not recompute the same list again and again. */
    schedule(documentId: string, locale: string, { neighbours = true, reindex = true }: ScheduleOptions = {}): void {
      const key = `${documentId}\u0000${locale}`;
      const queued = queue.get(key);
      queue.set(key, {
        documentId,
        locale,
        neighbours: neighbours || (queued?.neighbours ?? false),
        reindex: reindex || (queued?.reindex ?? false),
      });
      if (!worker) {
        worker = new Promise<void>((resolve) => setImmediate(resolve))
          .then(() => jobs.drain())
          .finally(() => {
            worker = null;
          });
      }
    },

    async drain(): Promise<void> {
      while (queue.size > 0) {
        // Let waiting requests in between jobs (SQLite's driver is synchronous: a chain of queries never yields).
        await store.yieldToRequests();
        const [key, job] = queue.entries().next().value as [string, Job];
        queue.delete(key);
        try {
          if (job.reindex) await jobs.refresh(job.documentId, job.locale, { neighbours: job.neighbours });
          else await indexer.recompute(job.documentId, job.locale);
        } catch (error) {
          strapi.log.error(
            `[newsroom] related news for ${job.documentId}/${job.locale} failed: ${(error as Error).message}`
          );
        }
      }
    },

    /** Resolves when this process has no recomputation left (scripts and tests wait on it). */
    async idle(): Promise<void> {
      while (worker) await worker;
    },
  };
  return jobs;
}

export type RelatedQueue = ReturnType<typeof relatedQueue>;
