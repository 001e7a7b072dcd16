import type { Core } from '@strapi/strapi';
import articlePublicationMiddleware from './middlewares/article-publication';
import relatedNewsMiddleware from './middlewares/related-news';
import slugMiddleware from './middlewares/slugs';
import whatsappOverrideMiddleware from './middlewares/whatsapp-override';
import { extendGraphQL } from './graphql';
import { decorateUidGenerator } from './services/extensions/content-manager-uid';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Outermost: it acts once the write below it has committed.
  strapi.documents.use(relatedNewsMiddleware(strapi));
  strapi.documents.use(whatsappOverrideMiddleware(strapi));
  strapi.documents.use(slugMiddleware(strapi));
  strapi.documents.use(articlePublicationMiddleware(strapi));
  extendGraphQL(strapi);
  // The admin's slug generator gives the same slug as the middleware above.
  decorateUidGenerator(strapi);
};
