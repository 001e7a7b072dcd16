import { factories } from '@strapi/strapi';
import { ARTICLE_UID } from '../../../constants';
import { withCreditLine } from '../../../plugins/newsroom/server/src/utils/credit-line';

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
    async update(ctx) {
      const response = await super.update(ctx);
      if (response?.data) [response.data] = await present([response.data], ctx.query.locale);
      return response;
    },
  };
});
