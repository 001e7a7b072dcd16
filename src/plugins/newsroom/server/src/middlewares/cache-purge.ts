import { AsyncLocalStorage } from 'async_hooks';
import type { Core, Modules, UID } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { getService } from '../get-service';
import { hakJawabTag, writeTags } from '../utils/cache/tags';

/** Writes that can change what the public sees, whatever the type; which of them do depends on draft & publish. */
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
const PUBLICATION = new Set(['publish', 'unpublish', 'delete']);

type WriteParams = { documentId?: string; locale?: unknown; status?: unknown };
type WriteResult =
  { documentId?: string; locale?: string; entries?: { documentId?: string; locale?: string }[] } | null | undefined;
// What is read of a content type's schema here.
type ModelView = {
  info?: { singularName?: string };
  options?: { draftAndPublish?: boolean } | null;
  pluginOptions?: { i18n?: { localized?: boolean } } | null;
  attributes?: Record<string, { type: string }>;
};

type NoticeRow = { notices?: { kind?: string; replyArticle?: string | null }[] | null };

/** The articles this document's Hak Jawab notices answer (any locale, draft or published): their pages list it. */
async function hakJawabTargets(strapi: Core.Strapi, documentId: string | null): Promise<string[]> {
  if (!documentId) return [];
  const rows = (await strapi.db.query(ARTICLE_UID).findMany({
    where: { documentId },
    select: ['id'],
    populate: { notices: { select: ['kind', 'replyArticle'] } },
  })) as NoticeRow[];
  return rows.flatMap((row) =>
    (row.notices ?? []).flatMap((notice) =>
      notice.kind === 'hak-jawab' && notice.replyArticle ? [notice.replyArticle] : []
    )
  );
}

/** The save this middleware purges for, while the save runs: writes nested in it are the save's to purge. */
type OuterSave = { uid: string; documentId: string | null };
const outerSave = new AsyncLocalStorage<OuterSave>();

/**
 * The publish a published save turns into (article-publication.ts) re-enters the pipeline for the same
 * document. The save's own purge, after it, reads the document as published and before it as it was, so
 * it covers the publish's tags, and the publish's two Hak Jawab reads are left out.
 */
function coveredByOuterSave(uid: string, action: string, documentId: string | null): boolean {
  const outer = outerSave.getStore();
  return (
    action === 'publish' &&
    outer !== undefined &&
    outer.uid === uid &&
    (outer.documentId === null || outer.documentId === documentId)
  );
}

/**
 * Purges the response cache after a write has committed: the document's own tag, its type's lists in the
 * locales it touched, and the slug tags of its slugs now (a cached 404 for a slug it just took). Outermost
 * of the writes, so it runs once everything below has committed. A draft's edit is never public until it
 * is published, so it purges nothing: the cached page keeps showing the published text.
 */
const cachePurgeMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!WRITES.has(context.action) || !context.uid.startsWith('api::')) return next();
    const model = strapi.getModel(context.uid) as unknown as ModelView | undefined;
    const params = context.params as WriteParams | undefined;
    const drafts = model?.options?.draftAndPublish === true;
    const saving = context.action === 'create' || context.action === 'update';
    const visible = !drafts || PUBLICATION.has(context.action) || (saving && params?.status === 'published');
    const cache = getService('response-cache', strapi);
    if (!visible || !model || cache.kind() === 'off') return next();
    if (coveredByOuterSave(context.uid, context.action, params?.documentId ?? null)) return next();

    // A Hak Jawab notice that goes (an unpublish, a delete, an edit) must purge the page it answered too.
    const answeredBefore = context.uid === ARTICLE_UID ? await hakJawabTargets(strapi, params?.documentId ?? null) : [];
    const result = saving
      ? await outerSave.run({ uid: context.uid, documentId: params?.documentId ?? null }, () => next())
      : await next();
    const written = result as WriteResult;
    const documentId = params?.documentId ?? written?.documentId ?? written?.entries?.[0]?.documentId ?? null;
    const answered =
      context.uid === ARTICLE_UID ? [...answeredBefore, ...(await hakJawabTargets(strapi, documentId))] : [];
    const locales = await getService('locales', strapi).touchedBy(params?.locale, written);
    const slugFields = Object.entries(model.attributes ?? {})
      .filter(([, attribute]) => attribute.type === 'uid')
      .map(([name]) => name);
    const localized = model.pluginOptions?.i18n?.localized === true;
    // A slug tag is for a cached 404 a write can turn into a page: what a delete or unpublish leaves has none.
    // The write's own result holds the slugs as they are now; only a result without them costs a query.
    const returned = ((written?.entries ?? (written ? [written] : [])) as Record<string, unknown>[]).filter(
      (row) => row && slugFields.every((field) => field in row) && (!localized || typeof row.locale === 'string')
    );
    const rows: Record<string, unknown>[] =
      !documentId || !slugFields.length || context.action === 'delete' || context.action === 'unpublish'
        ? []
        : returned.length
          ? returned
          : await strapi.db.query(context.uid as UID.ContentType).findMany({
              where: localized ? { documentId, locale: { $in: locales } } : { documentId },
              select: localized ? ['locale', ...slugFields] : slugFields,
            });
    const slugs = rows.flatMap((row) =>
      slugFields
        .map((field) => row[field])
        .filter((value): value is string => typeof value === 'string' && value !== '')
        .map((value) => ({ locale: typeof row.locale === 'string' ? row.locale : null, value }))
    );
    const type = model.info?.singularName ?? context.uid;
    const tags = [
      ...writeTags({ type, documentId, locales: localized ? locales : [], slugs }),
      ...new Set(answered.map(hakJawabTag)),
    ];
    // Inside a bulk import, collected and purged once at its end (middlewares/bulk-writes.ts).
    await cache.purgeAfterCommit(tags);
    return result;
  };

export default cachePurgeMiddleware;
