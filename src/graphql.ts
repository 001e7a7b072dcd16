import type { Core } from '@strapi/strapi';
import { formatCreditLine } from './utils/credit-line';

const NEWEST_FIRST = ['datePublished:desc', 'publishedAt:desc'];

/** Same default order as REST: newest news first, unless the query sorts. */
const newestFirst = (resolve: any, parent: any, args: any, context: any, info: any) =>
  resolve(parent, isUnsorted(args?.sort) ? { ...args, sort: NEWEST_FIRST } : args, context, info);

// The generated `sort` argument defaults to an empty list.
const isUnsorted = (sort: unknown) => sort === undefined || sort === null || (Array.isArray(sort) && sort.length === 0);

const DRAFT_GUARD = { policies: ['global::drafts-need-editor'] };
const ARTICLE_LIST = { ...DRAFT_GUARD, middlewares: [newestFirst] };

/** GraphQL gets what REST gets: the printed credit line, and drafts closed to the public. */
export function extendGraphQL(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql')?.service('extension');
  if (!extension) return;
  extension.use(({ nexus }: any) => ({
    types: [
      nexus.extendType({
        type: 'MediaCaption',
        definition(t: any) {
          t.string('creditLine', {
            description: 'Ready-to-print credit, e.g. "(Foto: Reuters)" or "(Photo: Reuters)" in English.',
            resolve: (parent: any) => formatCreditLine(parent.creditLabel, parent.credit, parent.locale),
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.articles': ARTICLE_LIST,
      'Query.articles_connection': ARTICLE_LIST,
      'Query.article': DRAFT_GUARD,
      'MediaCaption.creditLine': { auth: false },
    },
  }));
}
