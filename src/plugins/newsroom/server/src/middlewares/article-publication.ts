import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, RELATED_EXCLUDED_FIELD, RELATED_PINNED_FIELD } from '../constants';
import { localeWhere } from '../utils/locales/lookup';
import { relatedChoicesProblem } from '../utils/related/choices';
import { getService } from '../get-service';
import { publicationInstant } from '../services/schedule/as-of';
import { articleMessages } from '../utils/messages';

export const CATEGORY_REQUIRED_MESSAGE = articleMessages.categoryRequired;

/** A create or update of an article; Strapi takes `status` on both, though its types give it to `create` only. */
type SaveParams = { status?: unknown; fields?: unknown; populate?: unknown };
/** Strapi's `publish` shapes its result with `fields` and `populate`, though its types list neither. */
type PublishParams = Modules.Documents.ServiceParams<typeof ARTICLE_UID>['publish'] &
  Pick<SaveParams, 'fields' | 'populate'>;
type Saved = { documentId: string; locale?: string } | null;
type RelatedChoiceField = typeof RELATED_PINNED_FIELD | typeof RELATED_EXCLUDED_FIELD;
/** The columns of a draft row this middleware selects. */
type DraftRow = {
  id: number;
  locale: string;
  datePublished: string | Date | null;
  category: { id: number } | null;
} & Partial<Record<RelatedChoiceField, { documentId: string }[] | null>>;

/**
 * Publishing an article is where the newsroom's rules apply:
 * - `datePublished` is the first publication readers see: stamped at the first publish when empty,
 *   never moved by a later re-publish, and left alone when an editor set it (imported archives).
 * - `dateModified` is stamped when a live article is published again.
 * - an article without a category cannot go live.
 * Strapi's `create`/`update` with `status: 'published'` publish internally without passing through
 * the `publish` middleware chain, so they are turned into a save followed by a real `publish` call,
 * all in one transaction: a refused publish leaves nothing behind.
 */
const articlePublicationMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE_UID) return next();

    const save =
      context.action === 'create' || context.action === 'update'
        ? (context.params as SaveParams | undefined)
        : undefined;
    if (save?.status === 'published') {
      return strapi.db.transaction(async () => {
        const { status: _status, ...draftParams } = save;
        (context as { params: unknown }).params = draftParams;
        const draft = (await next()) as Saved;
        if (!draft) return draft;
        const publishParams: PublishParams = {
          documentId: draft.documentId,
          locale: draft.locale,
          fields: save.fields,
          populate: save.populate,
        };
        const result = await strapi.documents(ARTICLE_UID).publish(publishParams);
        return result.entries[0];
      });
    }

    const { action, params } = context;

    if (action !== 'publish') return next();

    return strapi.db.transaction(async () => {
      const defaultLocale = await getService('locales', strapi).defaultCode();
      const where = { documentId: params.documentId, ...localeWhere(params.locale, defaultLocale) };
      const drafts: DraftRow[] = await strapi.db.query(ARTICLE_UID).findMany({
        where: { ...where, publishedAt: null },
        select: ['id', 'locale', 'datePublished'],
        populate: {
          category: { select: ['id'] },
          [RELATED_PINNED_FIELD]: { select: ['documentId'] },
          [RELATED_EXCLUDED_FIELD]: { select: ['documentId'] },
        },
      });

      if (drafts.some((draft) => !draft.category)) {
        throw new errors.ValidationError(CATEGORY_REQUIRED_MESSAGE, {
          errors: [{ path: ['category'], message: CATEGORY_REQUIRED_MESSAGE, name: 'ValidationError' }],
        });
      }

      for (const draft of drafts) {
        const ids = (field: RelatedChoiceField) => (draft[field] ?? []).map((target) => target.documentId);
        const problem = relatedChoicesProblem(
          params.documentId,
          ids(RELATED_PINNED_FIELD),
          ids(RELATED_EXCLUDED_FIELD)
        );
        if (problem) {
          throw new errors.ValidationError(problem.message, {
            errors: [{ path: [problem.path], message: problem.message, name: 'ValidationError' }],
          });
        }
      }

      const livePublished: { locale: string }[] = await strapi.db.query(ARTICLE_UID).findMany({
        where: { ...where, publishedAt: { $notNull: true } },
        select: ['locale'],
      });
      const republishedLocales = new Set(livePublished.map((row) => row.locale));

      // A scheduled publish stands for its scheduled time, also when it runs late (catch-up).
      const now = publicationInstant();
      for (const draft of drafts) {
        const stamp: Record<string, Date> = {};
        if (!draft.datePublished) stamp.datePublished = now;
        // A re-publish of a live article is an update readers should see ("Diperbarui ...").
        if (republishedLocales.has(draft.locale)) stamp.dateModified = now;
        if (Object.keys(stamp).length > 0) {
          await strapi.db.query(ARTICLE_UID).updateMany({ where: { id: draft.id }, data: stamp });
        }
      }
      return next();
    });
  };

export default articlePublicationMiddleware;
