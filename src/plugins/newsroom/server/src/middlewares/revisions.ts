import type { Core, Modules } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { getService } from '../get-service';
import { currentIntent } from '../services/workflow/actor';
import { affectedLocales } from './locales-of';

const WRITES = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'delete']);
type Saved = { id: number; documentId: string; locale?: string } | null;

/**
 * A revision of each article locale a write touched, whatever path wrote (content manager, REST, GraphQL,
 * a script's Document Service call, an import, a job), in the write's own transaction: no revision
 * without its write, no write without its revision. A delete keeps what was deleted.
 */
const revisionsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE_UID || !WRITES.has(context.action)) return next();
    const revisions = getService('revisions', strapi);
    const actor = getService('workflow-actor', strapi).principal();
    const action = currentIntent().action ?? context.action;
    const params = (context.params ?? {}) as { documentId?: string; locale?: unknown; status?: string };

    return strapi.db.transaction(async () => {
      if (context.action === 'create' || context.action === 'update') {
        const saved = (await next()) as Saved;
        // A save with status "published" is split into a save and a publish below (article-publication):
        // the publish's own revision holds that content, so the save adds none.
        if (saved?.documentId && saved.locale && params.status !== 'published') {
          await revisions.record({
            documentId: saved.documentId,
            locale: saved.locale,
            action,
            status: 'draft',
            actor,
          });
        }
        return saved;
      }
      if (!params.documentId) return next();
      const locales = await affectedLocales(strapi, params.documentId, params.locale);
      const before =
        context.action === 'delete'
          ? await Promise.all(locales.map((locale) => revisions.snapshot(params.documentId!, locale, 'draft')))
          : [];
      const result = await next();
      for (const [index, locale] of locales.entries()) {
        const status = context.action === 'publish' ? 'published' : 'draft';
        const content = context.action === 'delete' ? before[index] : undefined;
        if (context.action === 'delete' && !content) continue;
        await revisions.record({ documentId: params.documentId, locale, action, status, actor, content });
      }
      return result;
    });
  };

export default revisionsMiddleware;
