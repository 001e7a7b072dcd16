import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID } from '../../../constants';
import { withCreditLine } from '../../../plugins/newsroom/server/src/utils/format/credit-line';
import { pageQuery, relatedQuery, unknownLocaleMessage, validateQuery } from '../../../plugins/newsroom/server/src/validation';

const isKnownLocale = (locale: unknown): Promise<boolean> => strapi.plugin('newsroom').service('article-page').isKnownLocale(locale);
const defaultLocale = (): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();

// The schemas are the routes' own (routes/related.ts, routes/page.ts): what OpenAPI documents is what is enforced.
const validateRelatedQuery = validateQuery(relatedQuery);
const validatePageQuery = validateQuery(pageQuery);

/**
 * Core find/findOne, plus what a page needs that Strapi cannot compute: a `newsroom` object on every
 * article (byline, local dates, reading time, cover credit line), the resolved `whatsappFollow` block,
 * and `creditLine` on a populated cover. Both are loaded for a whole page in one batch each.
 */
export default factories.createCoreController(ARTICLE_UID, ({ strapi }) => {
  async function present(articles: any[], requestedLocale: unknown) {
    const newsroom = strapi.plugin('newsroom');
    const ids = articles.map((article) => article.id);
    const computed = newsroom.service('article-fields').config().computedFields !== false;
    const [fields, whatsapp] = computed
      ? await Promise.all([newsroom.service('article-fields').forRows(ids), newsroom.service('whatsapp-follow').forRows(ids)])
      : [new Map(), new Map()];
    return articles.map((article) => {
      const decorated = computed
        ? { ...article, newsroom: fields.get(article.id) ?? null, whatsappFollow: whatsapp.get(article.id) ?? null }
        : { ...article };
      if (article.cover && typeof article.cover === 'object') {
        decorated.cover = withCreditLine(article.cover, (article.locale ?? requestedLocale) as string | undefined);
      }
      return decorated;
    });
  }

  return {
    async find(ctx) {
      // Readers expect the newest news first; an explicit `sort` still wins.
      if (ctx.query.sort === undefined) ctx.query.sort = ['datePublished:desc', 'publishedAt:desc'];
      const response = await super.find(ctx);
      response.data = await present(response.data ?? [], ctx.query.locale);
      return response;
    },
    async findOne(ctx) {
      const response = await super.findOne(ctx);
      if (response?.data) [response.data] = await present([response.data], ctx.query.locale);
      return response;
    },
    async create(ctx) {
      const response = await super.create(ctx);
      if (response?.data) [response.data] = await present([response.data], ctx.query.locale);
      return response;
    },
    /** GET /api/articles/:documentId/related?locale=id&limit=5 */
    async related(ctx) {
      const { documentId } = ctx.params;
      const query = validateRelatedQuery(ctx.query);
      // Whether the locale exists is asked only when no list is found: a served read stays at two statements.
      const locale = query.locale ?? (await defaultLocale());
      const { limit } = query;
      const result = await strapi.plugin('newsroom').service('related-news').find(documentId, locale, limit);
      if (!result && !(await isKnownLocale(locale))) throw new errors.ValidationError(unknownLocaleMessage(locale));
      if (!result) throw new errors.NotFoundError(`Artikel ${documentId} tidak terbit dalam bahasa "${locale}". (No published article ${documentId} in locale "${locale}".)`);
      const sanitized = await strapi.contentAPI.sanitize.output(result.articles, strapi.getModel(ARTICLE_UID), { auth: ctx.state.auth });
      // Cards, not pages: the cover's credit line, but no bylines or WhatsApp block (they would cost queries per read).
      const data = (sanitized as any[]).map((article) =>
        article.cover && typeof article.cover === 'object' ? { ...article, cover: withCreditLine(article.cover, locale) } : article
      );
      return { data, meta: { documentId, locale, limit, count: data.length, computedAt: result.computedAt } };
    },
    /** GET /api/articles/by-slug/:slug?locale=id: the whole article page in one response, published only. */
    async bySlug(ctx) {
      const { slug } = ctx.params;
      const locale = validatePageQuery(ctx.query).locale ?? (await defaultLocale());
      if (!(await isKnownLocale(locale))) throw new errors.ValidationError(unknownLocaleMessage(locale));
      const page = await strapi.plugin('newsroom').service('article-page').bySlug(slug, locale, { auth: ctx.state.auth });
      if (!page) throw new errors.NotFoundError(`Artikel "${slug}" tidak ditemukan dalam bahasa "${locale}". (No published article "${slug}" in locale "${locale}".)`);
      return { data: page, meta: { locale } };
    },
    async update(ctx) {
      const response = await super.update(ctx);
      if (response?.data) [response.data] = await present([response.data], ctx.query.locale);
      return response;
    },
  };
});
