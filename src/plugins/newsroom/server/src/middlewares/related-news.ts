import type { Core, Modules } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { getService } from '../get-service';

const TRIGGERS = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);

/** What this middleware reads of a write's parameters and result, whichever action it was. */
type WriteParams = { documentId?: string; locale?: unknown; status?: unknown };
type WriteResult =
  { documentId?: string; locale?: string; entries?: { documentId?: string; locale?: string }[] } | null | undefined;
/** What `strapi.db.transaction` hands its callback (@strapi/database leaves the callback's parameters untyped). */
type TransactionHooks = { onCommit: (callback: () => void) => void };

/**
 * Re-indexes the article and refreshes "Berita Terkait" once the write has committed: never inside the
 * editor's transaction, never on the request path. Reads check publication themselves, so an
 * unpublished or deleted article is gone from every list before this work even starts.
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
    const result = await next();
    const written = result as WriteResult;
    const documentId = params?.documentId ?? written?.documentId ?? written?.entries?.[0]?.documentId;
    if (!documentId) return result;
    const locales = await getService('locales', strapi).touchedBy(params?.locale, written);
    await strapi.db.transaction(async ({ onCommit }: TransactionHooks) => {
      onCommit(() => {
        for (const locale of locales) getService('related-news', strapi).schedule(documentId, locale);
      });
    });
    return result;
  };

export default relatedNewsMiddleware;
