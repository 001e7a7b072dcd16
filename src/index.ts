import type { Core } from '@strapi/strapi';
import articlePublicationMiddleware from './document-middlewares/article-publication';
import slugMiddleware from './document-middlewares/slugs';
import { extendGraphQL } from './graphql';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { seedIfEmpty } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(slugMiddleware(strapi));
    strapi.documents.use(articlePublicationMiddleware(strapi));
    extendGraphQL(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    if (process.env.WARTA_SEED_IF_EMPTY === 'true') await seedIfEmpty(strapi);
  },
};
