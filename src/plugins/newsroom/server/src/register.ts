import type { Core } from '@strapi/strapi';
import articlePublicationMiddleware from './middlewares/article-publication';
import slugMiddleware from './middlewares/slugs';
import { extendGraphQL } from './graphql';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(slugMiddleware(strapi));
  strapi.documents.use(articlePublicationMiddleware(strapi));
  extendGraphQL(strapi);
};
