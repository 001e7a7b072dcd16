import type { Core } from '@strapi/strapi';
import articlePublicationMiddleware from './middlewares/article-publication';
import relatedNewsMiddleware from './middlewares/related-news';
import slugMiddleware from './middlewares/slugs';
import whatsappOverrideMiddleware from './middlewares/whatsapp-override';
import { decorateImageManipulation } from './services/image-crops';
import { extendGraphQL } from './graphql';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Outermost: it acts once the write below it has committed.
  strapi.documents.use(relatedNewsMiddleware(strapi));
  strapi.documents.use(whatsappOverrideMiddleware(strapi));
  strapi.documents.use(slugMiddleware(strapi));
  strapi.documents.use(articlePublicationMiddleware(strapi));
  extendGraphQL(strapi);
  // Every uploaded image also gets 16:9, 4:3 and 1:1 crops for the NewsArticle JSON-LD.
  decorateImageManipulation(strapi);
};
