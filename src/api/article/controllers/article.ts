import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, NEWEST_FIRST } from '../../../constants';
import { getService } from '../../../plugins/newsroom/server/src/get-service';
import { editorialMessages } from '../../../plugins/newsroom/server/src/utils/messages';
import {
  articleMessages,
  pageQuery,
  relatedQuery,
  unknownLocaleMessage,
  validateQuery,
} from '../../../plugins/newsroom/server/src/validation';

type ArticleData = { id: number; locale?: string | null; cover?: unknown } & Record<string, unknown>;

// The schemas are the routes' own (routes/related.ts, routes/page.ts): what OpenAPI documents is what is enforced.
const validateRelatedQuery = validateQuery(relatedQuery);
const validatePageQuery = validateQuery(pageQuery);

/**
 * Core find/findOne, plus what a page needs that Strapi cannot compute: a `newsroom` object on every
 * article (byline, local dates, reading time, cover credit line), the resolved `whatsappFollow` block,
 * and `creditLine` on a populated cover (the plugin's `article-fields.decorate`, one batch per page).
 */
export default factories.createCoreController(ARTICLE_UID, ({ strapi }) => {
  const fields = () => getService('article-fields', strapi);
  const locales = () => getService('locales', strapi);
  const decorate = (articles: ArticleData[], requestedLocale: unknown) => fields().decorate(articles, requestedLocale);

  return {
    async find(ctx) {
      // Readers expect the newest news first; an explicit `sort` still wins.
      if (ctx.query.sort === undefined) ctx.query.sort = [...NEWEST_FIRST];
      // Strapi's find reads the page and then its total, each in a transaction of its own; Warta's reads both
      // in one, a BEGIN and a COMMIT fewer per list (room for the computed fields' batch). With the computed
      // fields off the list is Strapi's own find, statement for statement: the stock baseline.
      const response = fields().enabled() ? await strapi.db.transaction(() => super.find(ctx)) : await super.find(ctx);
      response.data = await decorate(response.data ?? [], ctx.query.locale);
      return response;
    },
    async findOne(ctx) {
      const response = await super.findOne(ctx);
      if (response?.data) [response.data] = await decorate([response.data], ctx.query.locale);
      return response;
    },
    async create(ctx) {
      const response = await super.create(ctx);
      if (response?.data) [response.data] = await decorate([response.data], ctx.query.locale);
      return response;
    },
    /** GET /api/articles/:documentId/related?locale=id&limit=5 */
    async related(ctx) {
      const { documentId } = ctx.params;
      const query = validateRelatedQuery(ctx.query);
      // Whether the locale exists is asked only when no list is found: a served read stays at two statements.
      const locale = await locales().orDefault(query.locale);
      const { limit } = query;
      const result = await getService('related-news', strapi).find(documentId, locale, limit);
      if (!result && !(await locales().isKnown(locale))) throw new errors.ValidationError(unknownLocaleMessage(locale));
      if (!result) throw new errors.NotFoundError(articleMessages.notPublished(documentId, locale));
      const sanitized = await strapi.contentAPI.sanitize.output(result.articles, strapi.getModel(ARTICLE_UID), {
        auth: ctx.state.auth,
      });
      // Cards, not pages: the cover's credit line, but no bylines or WhatsApp block (they would cost queries per read).
      const data = (sanitized as ArticleData[]).map((article) =>
        article.cover && typeof article.cover === 'object'
          ? { ...article, cover: fields().withCreditLine(article.cover, locale) }
          : article
      );
      return { data, meta: { documentId, locale, limit, count: data.length, computedAt: result.computedAt } };
    },
    /** GET /api/articles/by-slug/:slug?locale=id: the whole article page in one response, published only. */
    async bySlug(ctx) {
      const { slug } = ctx.params;
      const locale = await locales().orDefault(validatePageQuery(ctx.query).locale);
      const page = await getService('article-page', strapi).bySlug(slug, locale, { auth: ctx.state.auth });
      // Whether the locale exists is asked only when no page is found: a page served costs no lookup.
      if (!page && !(await locales().isKnown(locale))) throw new errors.ValidationError(unknownLocaleMessage(locale));
      if (!page) {
        // A withdrawn story is gone with a public reason (410); an unpublished one leaves no trace (404).
        const takedown = await getService('takedowns', strapi).ofSlug(slug, locale);
        if (!takedown) throw new errors.NotFoundError(articleMessages.slugNotFound(slug, locale));
        ctx.status = 410;
        ctx.body = {
          data: null,
          error: {
            status: 410,
            name: 'GoneError',
            message: editorialMessages.withdrawn(takedown.title, takedown.reason),
            details: {
              withdrawal: { title: takedown.title, reason: takedown.reason, withdrawnAt: takedown.withdrawnAt },
            },
          },
        };
        return;
      }
      return { data: page, meta: { locale } };
    },
    async update(ctx) {
      const response = await super.update(ctx);
      if (response?.data) [response.data] = await decorate([response.data], ctx.query.locale);
      return response;
    },
  };
});
