import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, RELATED_LIST_UID } from '../constants';

const TRIGGERS = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);

/**
 * Recomputes "Berita Terkait" after the write has committed (never inside the editor's transaction,
 * never on the request path). Unpublish and delete need no recomputation to be safe: reads fetch
 * published articles only.
 */
const relatedNewsMiddleware =
  (strapi: Core.Strapi) =>
  async (context: any, next: () => Promise<any>) => {
    if (context.uid !== ARTICLE_UID) return next();
    const publishing = TRIGGERS.has(context.action) || ((context.action === 'create' || context.action === 'update') && context.params?.status === 'published');
    if (!publishing) return next();
    const result = await next();
    const documentId = context.params?.documentId ?? result?.documentId;
    const locale = context.params?.locale ?? result?.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    if (documentId && (context.action === 'unpublish' || context.action === 'delete')) {
      // The article's own list goes at once: its related endpoint must be a 404 from this moment on.
      await strapi.db.query(RELATED_LIST_UID).deleteMany({
        where: { articleDocumentId: documentId, ...(typeof locale === 'string' && locale !== '*' ? { articleLocale: locale } : {}) },
      });
    }
    if (documentId && typeof locale === 'string' && locale !== '*') {
      await strapi.db.transaction(async ({ onCommit }: any) => {
        onCommit(() => strapi.plugin('newsroom').service('related-news').schedule(documentId, locale));
      });
    }
    return result;
  };

export default relatedNewsMiddleware;
