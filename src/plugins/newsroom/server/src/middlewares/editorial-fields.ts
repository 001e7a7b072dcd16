import type { Core, Modules } from '@strapi/strapi';
import { AD_SLOTS_FIELD, ARTICLE_UID, CATEGORY_UID, NOTICES_FIELD } from '../constants';
import { newsroomConfig } from '../config';
import { getService } from '../get-service';
import { toValidationError } from '../services/whatsapp-follow';
import { adSlotErrors } from '../utils/editorial/ads';
import {
  latestCorrectionAt,
  noticeShapeErrors,
  parseArticleRef,
  storableBody,
  type FieldError,
  type StoredNotice,
} from '../utils/editorial/notices';
import { sponsorErrors } from '../utils/editorial/sponsored';
import { editorialMessages as M } from '../utils/messages';

type SaveParams = { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
type StoredRow = {
  sponsoredLabel: string | null;
  sponsorName: string | null;
  sponsorUrl: string | null;
  dateModified: string | null;
};
type Notice = StoredNotice & Record<string, unknown>;
const SPONSOR_FIELDS = ['sponsoredLabel', 'sponsorName', 'sponsorUrl'] as const;

/** The admin user behind this request ("Susi Susanti"), for a notice's madeBy; null for tokens and scripts. */
function requestUser(strapi: Core.Strapi): string | null {
  const user = (strapi.requestContext.get() as { state?: { user?: Record<string, unknown> } } | undefined)?.state?.user;
  const name = [user?.firstname, user?.lastname].filter((part) => typeof part === 'string' && part).join(' ');
  return name || (typeof user?.username === 'string' ? user.username : null) || null;
}

/**
 * An article's editorial fields are checked before anything is written, whoever writes them (admin, REST,
 * GraphQL, imports), and every error is reported at once with a 400:
 * - notices: a known kind, a text, sane dates; a Hak Jawab link resolves to an article published in the same
 *   locale and is stored as its documentId; new notices get madeAt (now) and madeBy (the admin user); a new
 *   Ralat or Koreksi moves dateModified to when it was made.
 * - sponsored content: a known label, the sponsor's name, an https:// link; no sponsor without a label.
 * - body: `warta://article/<documentId>` links (Baca Juga) are stored as `/warta/article/<documentId>`,
 *   a link Strapi's blocks validator accepts.
 * - ad slots (article and category): known slot names, paragraphs 1 to 50, plain ad-unit ids; noAds a boolean.
 * Publishing an article again also lifts its takedown (services/takedowns.ts).
 */
const editorialFieldsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid === ARTICLE_UID && context.action === 'publish') {
      const params = context.params as SaveParams;
      const result = await next();
      if (params?.documentId) {
        const locales = params.locale === '*' ? null : await getService('locales', strapi).touchedBy(params.locale);
        await getService('takedowns', strapi).reinstate(params.documentId, locales);
      }
      return result;
    }
    if (context.action !== 'create' && context.action !== 'update') return next();
    if (context.uid !== ARTICLE_UID && context.uid !== CATEGORY_UID) return next();
    const params = context.params as SaveParams | undefined;
    const data = params?.data;
    if (!data || typeof data !== 'object') return next();

    const errors: FieldError[] = [...adSlotErrors(data[AD_SLOTS_FIELD], AD_SLOTS_FIELD)];
    if (context.uid === CATEGORY_UID) {
      if (errors.length) throw toValidationError(errors);
      return next();
    }
    if (data.noAds !== undefined && data.noAds !== null && typeof data.noAds !== 'boolean')
      errors.push({ path: 'noAds', message: M.noAds });

    const locale =
      typeof params?.locale === 'string' && params.locale !== '*'
        ? params.locale
        : await getService('locales', strapi).defaultCode();
    const touchesSponsor = SPONSOR_FIELDS.some((field) => data[field] !== undefined);
    const notices = data[NOTICES_FIELD];
    const stored: StoredRow | null =
      context.action === 'update' && params?.documentId && (touchesSponsor || Array.isArray(notices))
        ? ((await strapi.db.query(ARTICLE_UID).findOne({
            where: { documentId: params.documentId, locale, publishedAt: null },
            select: [...SPONSOR_FIELDS, 'dateModified'],
          })) as StoredRow | null)
        : null;
    if (touchesSponsor) {
      const merged = Object.fromEntries(SPONSOR_FIELDS.map((field) => [field, data[field] ?? stored?.[field] ?? null]));
      errors.push(...sponsorErrors(merged));
    }

    const shapeErrors = noticeShapeErrors(notices, NOTICES_FIELD);
    errors.push(...shapeErrors);
    if (Array.isArray(notices) && shapeErrors.length === 0)
      errors.push(...(await resolveReplies(strapi, notices as Notice[], locale, params?.documentId)));
    if (errors.length) throw toValidationError(errors);

    if (Array.isArray(data.body)) data.body = storableBody(data.body);
    if (Array.isArray(notices)) {
      const now = new Date();
      const by = requestUser(strapi);
      for (const notice of notices as Notice[]) {
        if (!notice.madeAt) notice.madeAt = now.toISOString();
        if (!notice.madeBy && by) notice.madeBy = by;
        if (notice.removedAt && !notice.removedBy && by) notice.removedBy = by;
        if (typeof notice.text === 'string') notice.text = notice.text.trim();
      }
      const corrected = latestCorrectionAt(notices as Notice[]);
      const known = data.dateModified ?? stored?.dateModified ?? null;
      if (corrected && (!known || corrected.getTime() > new Date(known as string).getTime()))
        data.dateModified = corrected.toISOString();
    }
    return next();
  };

/**
 * Each Hak Jawab link resolved to the documentId of an article published in this locale (written back in
 * place), or an error naming the notice. One statement for every link of the list.
 */
async function resolveReplies(
  strapi: Core.Strapi,
  notices: Notice[],
  locale: string,
  ownDocumentId: string | undefined
): Promise<FieldError[]> {
  const { siteUrl } = newsroomConfig(strapi);
  const wanted = notices
    .map((notice, index) => ({
      notice,
      index,
      ref: notice.replyArticle ? parseArticleRef(notice.replyArticle, siteUrl) : null,
    }))
    .filter(({ notice }) => typeof notice.replyArticle === 'string' && notice.replyArticle.trim() !== '');
  if (!wanted.length) return [];
  const errors: FieldError[] = [];
  const documentIds = wanted.flatMap(({ ref }) => (ref && 'documentId' in ref ? [ref.documentId] : []));
  const slugs = wanted.flatMap(({ ref }) => (ref && 'slug' in ref && ref.locale === locale ? [ref.slug] : []));
  const rows = (await strapi.db.query(ARTICLE_UID).findMany({
    where: {
      locale,
      publishedAt: { $notNull: true },
      $or: [{ documentId: { $in: documentIds } }, { slug: { $in: slugs } }],
    },
    select: ['documentId', 'slug'],
  })) as { documentId: string; slug: string }[];
  for (const { notice, index, ref } of wanted) {
    const path = `${NOTICES_FIELD}.${index}.replyArticle`;
    if (!ref) {
      errors.push({ path, message: M.replyArticleShape(path) });
      continue;
    }
    const found = rows.find((row) =>
      'documentId' in ref ? row.documentId === ref.documentId : ref.locale === locale && row.slug === ref.slug
    );
    if (!found || found.documentId === ownDocumentId) {
      errors.push({ path, message: M.replyArticleNotPublished(path, locale) });
      continue;
    }
    notice.replyArticle = found.documentId;
  }
  return errors;
}

export default editorialFieldsMiddleware;
