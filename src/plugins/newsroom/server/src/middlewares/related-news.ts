import type { Core, Modules } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { getService } from '../get-service';
import { currentBulk } from './bulk-writes';

const TRIGGERS = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);

/** What this middleware reads of a write's parameters and result, whichever action it was. */
type WriteParams = { documentId?: string; locale?: unknown; status?: unknown };
type WriteResult =
  { documentId?: string; locale?: string; entries?: { documentId?: string; locale?: string }[] } | null | undefined;
/**
 * Re-indexes the article and refreshes "Berita Terkait" after the write, never on the request path: the
 * refresh is a durable job enqueued in the write's own transaction (committed with it or not at all,
 * so a crash right after the commit loses nothing), run by whichever instance's worker takes it. Reads
 * check publication themselves, so an unpublished or deleted article is gone from every list before
 * this work even starts.
 */
const relatedNewsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE_UID) return next();
    const params = context.params as WriteParams | undefined;
    const publishing =
      TRIGGERS.has(context.action) ||
      ((context.action === 'create' || context.action === 'update') && params?.status === 'published');
    if (!publishing) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const written = result as WriteResult;
      const documentId = params?.documentId ?? written?.documentId ?? written?.entries?.[0]?.documentId;
      if (!documentId) return result;
      const locales = await getService('locales', strapi).touchedBy(params?.locale, written);
      const bulk = currentBulk();
      if (bulk) {
        // A bulk import refreshes what it wrote once, at its end (middlewares/bulk-writes.ts).
        for (const locale of locales) bulk.related.set(`${documentId}\u0000${locale}`, { documentId, locale });
        return result;
      }
      await getService('related-news', strapi).scheduleMany(locales.map((locale) => ({ documentId, locale })));
      return result;
    });
  };

export default relatedNewsMiddleware;
