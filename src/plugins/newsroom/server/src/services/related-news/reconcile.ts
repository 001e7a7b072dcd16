/**
 * What the index is missing: a publish whose indexing was lost (its job parked after repeated failure,
 * an index restored from an older backup, rows written behind the Document Service's back) is indexed, and an article no longer published
 * leaves the index, with its neighbours refreshed either way. Each instance runs it at boot and every
 * `reconcileMinutes`; when nothing drifted it is two reads per locale.
 */
import type { Core } from '@strapi/strapi';
import { RELATED_TABLES as T } from '../../constants';
import { ms } from './rows';
import type { RelatedQueue } from './queue';
import type { RelatedStore } from './store';

/**
 * Above this many articles out of step with the index (a first deploy onto an archive, a restored
 * backup), reconcile() leaves the work to `npm run related:rebuild` instead of queueing it one by one.
 */
const RECONCILE_MAX_DRIFT = 1000;

type IndexedRow = { id: number; document_id: string; version: unknown };
type PublishedRow = { id: number; document_id: string; published_at: unknown };

export function relatedReconcile(strapi: Core.Strapi, store: RelatedStore, queue: RelatedQueue) {
  return {
    async reconcile(): Promise<{ scheduled: number; drifted: number; skipped: boolean }> {
      // A rebuild in progress rewrites the index; it leaves it consistent when it ends.
      if (await store.rebuildCheckpoints().get({})) return { scheduled: 0, drifted: 0, skipped: true };
      const drift: { documentId: string; locale: string }[] = [];
      for (const locale of await store.localeCodes()) {
        const indexedRows = await store.allRows<IndexedRow>(T.features, ['id', 'document_id', 'version'], (query) =>
          query.where('locale', locale)
        );
        const indexed = new Map(indexedRows.map((row) => [row.document_id, Number(row.version)]));
        const published = await store.allRows<PublishedRow>(
          store.articleTable(),
          ['id', 'document_id', 'published_at'],
          (query) => query.where('locale', locale).whereNotNull('published_at')
        );
        for (const row of published) {
          if (indexed.get(row.document_id) !== ms(row.published_at))
            drift.push({ documentId: row.document_id, locale });
          indexed.delete(row.document_id);
        }
        for (const documentId of indexed.keys()) drift.push({ documentId, locale });
      }
      if (drift.length > RECONCILE_MAX_DRIFT) {
        strapi.log.warn(
          `[newsroom] ${drift.length} articles are out of step with the "Berita Terkait" index: run \`npm run related:rebuild\`.`
        );
        return { scheduled: 0, drifted: drift.length, skipped: true };
      }
      await queue.scheduleMany(drift);
      if (drift.length)
        strapi.log.info(
          `[newsroom] "Berita Terkait": ${drift.length} articles were out of step with the index; queued.`
        );
      return { scheduled: drift.length, drifted: drift.length, skipped: false };
    },
  };
}
