import type { Core, Modules } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { getService } from '../get-service';
import { articlePath } from '../utils/reader/urls';

type PublishParams = { documentId?: string; locale?: unknown };

/**
 * A published article whose slug changes keeps its old URL alive: publishing it with a new slug stores a
 * 301 from `/read/<locale>/<old slug>` to the document (services/redirects.ts), so links and search
 * results that point at the old URL still arrive. Only publish changes a public URL; a draft's slug edit
 * is nobody's URL yet.
 */
const slugRedirectsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE_UID || context.action !== 'publish') return next();
    const params = context.params as PublishParams | undefined;
    const documentId = params?.documentId;
    if (!documentId) return next();
    const slugsNow = async () =>
      (await strapi.db.query(ARTICLE_UID).findMany({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['locale', 'slug'],
      })) as { locale: string; slug: string }[];
    const before = await slugsNow();
    const result = await next();
    // Never published before (a first publish, every imported post): no public URL to keep.
    if (!before.length) return result;
    const after = new Map((await slugsNow()).map((row) => [row.locale, row.slug]));
    const moved = before.filter((row) => after.has(row.locale) && after.get(row.locale) !== row.slug);
    if (moved.length) {
      await getService('redirects', strapi).upsert(
        moved.map((row) => ({
          fromPath: articlePath(row.locale, row.slug),
          targetDocumentId: documentId,
          targetLocale: row.locale,
          origin: 'slug-change' as const,
        }))
      );
    }
    return result;
  };

export default slugRedirectsMiddleware;
