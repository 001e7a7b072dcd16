import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { getService } from '../get-service';

const TRIGGERS = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);

/**
 * Re-indexes the article and refreshes "Berita Terkait" once the write has committed: never inside the
 * editor's transaction, never on the request path. Reads check publication themselves, so an
 * unpublished or deleted article is gone from every list before this work even starts.
 */
const relatedNewsMiddleware =
  (strapi: Core.Strapi) =>
  async (context: any, next: () => Promise<any>) => {
    if (context.uid !== ARTICLE_UID) return next();
    const publishing = TRIGGERS.has(context.action) || ((context.action === 'create' || context.action === 'update') && context.params?.status === 'published');
    if (!publishing) return next();
    const result = await next();
    const documentId = context.params?.documentId ?? result?.documentId ?? result?.entries?.[0]?.documentId;
    if (!documentId) return result;
    const locales = await getService('locales', strapi).touchedBy(context.params?.locale, result);
    await strapi.db.transaction(async ({ onCommit }: any) => {
      onCommit(() => {
        for (const locale of locales) getService('related-news', strapi).schedule(documentId, locale);
      });
    });
    return result;
  };

export default relatedNewsMiddleware;
