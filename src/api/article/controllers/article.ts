import { factories } from '@strapi/strapi';
import { ARTICLE_UID } from '../../../constants';
import { withCreditLine } from '../../../utils/credit-line';

function decorate(article: any, requestedLocale: unknown) {
  if (article?.cover && typeof article.cover === 'object') {
    const locale = (article.locale ?? requestedLocale) as string | undefined;
    return { ...article, cover: withCreditLine(article.cover, locale) };
  }
  return article;
}

export default factories.createCoreController(ARTICLE_UID, () => ({
  async find(ctx) {
    // Readers expect the newest news first; an explicit `sort` still wins.
    if (ctx.query.sort === undefined) ctx.query.sort = ['datePublished:desc', 'publishedAt:desc'];
    const response = await super.find(ctx);
    response.data = (response.data ?? []).map((article: any) => decorate(article, ctx.query.locale));
    return response;
  },
  async findOne(ctx) {
    const response = await super.findOne(ctx);
    if (response?.data) response.data = decorate(response.data, ctx.query.locale);
    return response;
  },
}));
