import type { Core } from '@strapi/strapi';
import publicReadsMiddleware from './middlewares/public-reads';
import articlePublicationMiddleware from './middlewares/article-publication';
import relatedNewsMiddleware from './middlewares/related-news';
import slugMiddleware from './middlewares/slugs';
import whatsappOverrideMiddleware from './middlewares/whatsapp-override';
import { decorateImageManipulation } from './services/image-crops';
import { extendGraphQL } from './graphql';
import { hardenGraphQL } from './graphql/public-surface';
import { decorateUidGenerator } from './services/extensions/content-manager-uid';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Reads of the content API only: published rows, sound parameters, no private search (see the file).
  strapi.documents.use(publicReadsMiddleware(strapi));
  // Outermost of the writes: it acts once the write below it has committed.
  strapi.documents.use(relatedNewsMiddleware(strapi));
  strapi.documents.use(whatsappOverrideMiddleware(strapi));
  strapi.documents.use(slugMiddleware(strapi));
  strapi.documents.use(articlePublicationMiddleware(strapi));
  extendGraphQL(strapi);
  hardenGraphQL(strapi);
  // The admin's slug generator gives the same slug as the middleware above.
  decorateUidGenerator(strapi);
  // Every uploaded image also gets 16:9, 4:3 and 1:1 crops for the NewsArticle JSON-LD.
  decorateImageManipulation(strapi);
};
