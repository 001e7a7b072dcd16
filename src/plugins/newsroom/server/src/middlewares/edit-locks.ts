import type { Core, Modules } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { getService } from '../get-service';
import { affectedLocales } from './locales-of';

const GUARDED = new Set(['update', 'publish', 'unpublish', 'discardDraft', 'delete']);

/**
 * Edit locks on writes: an admin who does not hold another editor's live lock on an article locale
 * cannot save, publish, unpublish, discard or delete it (409 with who holds it since when). Writes by
 * API tokens, scripts and jobs are not blocked; the holder's edit view is told the article changed.
 */
const editLocksMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE_UID || !GUARDED.has(context.action)) return next();
    const params = (context.params ?? {}) as { documentId?: string; locale?: unknown };
    if (!params.documentId) return next();
    const principal = getService('workflow-actor', strapi).principal();
    const locks = getService('edit-locks', strapi);
    const locales = await affectedLocales(strapi, params.documentId, params.locale);
    if (principal.kind === 'admin') {
      for (const locale of locales) await locks.assertMaySave(params.documentId, locale, principal);
      return next();
    }
    const result = await next();
    for (const locale of locales) await locks.noteApiChange(params.documentId, locale, principal);
    return result;
  };

export default editLocksMiddleware;
