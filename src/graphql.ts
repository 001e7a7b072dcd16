import type { Core } from '@strapi/strapi';
import { formatCreditLine } from './utils/credit-line';

const DRAFT_GUARD = { policies: ['global::drafts-need-editor'] };

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
      'Query.articles': DRAFT_GUARD,
      'Query.articles_connection': DRAFT_GUARD,
      'Query.article': DRAFT_GUARD,
      'MediaCaption.creditLine': { auth: false },
    },
  }));
}
