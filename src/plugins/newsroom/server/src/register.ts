import type { Core } from '@strapi/strapi';
import articlePublicationMiddleware from './middlewares/article-publication';
import slugMiddleware from './middlewares/slugs';
import whatsappOverrideMiddleware from './middlewares/whatsapp-override';
import { extendGraphQL } from './graphql';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(whatsappOverrideMiddleware(strapi));
  strapi.documents.use(slugMiddleware(strapi));
  strapi.documents.use(articlePublicationMiddleware(strapi));
  extendGraphQL(strapi);
};
