/**
 * Bulk writes (the WordPress importer): inside `inBulk`, the after-commit work of each write ("Berita
 * Terkait" re-indexing, cache purges) is collected instead of done per article, and done once at the
 * end by whoever opened the bulk. Per article, 10,000 imported posts would mean 10,000 related-news
 * refreshes of their neighbours and 10,000 purge-log rows. AsyncLocalStorage scopes it to the import's
 * own calls: an editor's save on the same instance meanwhile is handled as always.
 */
import { AsyncLocalStorage } from 'async_hooks';

export type BulkWrites = {
  related: Map<string, { documentId: string; locale: string }>;
  purgeTags: Set<string>;
  /** The default locale, read once per bulk: every write of an import asks for it several times. */
  defaultLocale?: Promise<string>;
};

const storage = new AsyncLocalStorage<BulkWrites>();

export function currentBulk(): BulkWrites | undefined {
  return storage.getStore();
}

export async function inBulk<R>(work: (bulk: BulkWrites) => Promise<R>): Promise<{ result: R; bulk: BulkWrites }> {
  const bulk: BulkWrites = { related: new Map(), purgeTags: new Set() };
  const result = await storage.run(bulk, () => work(bulk));
  return { result, bulk };
}
