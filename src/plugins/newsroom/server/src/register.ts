import type { Core } from '@strapi/strapi';
import { ZONED_DATETIME_FIELD } from './constants';
import { extendGraphQL } from './graphql';
import { hardenGraphQL } from './graphql/public-surface';
import { registerDocumentPipeline } from './middlewares';
import { surviveDatabaseRejections } from './operations/database-unavailable';
import { drainBeforeDestroy } from './operations/graceful-shutdown';
import { decorateUidGenerator } from './services/extensions/content-manager-uid';
import { decorateImageManipulation } from './services/image-crops';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // "Terbitkan pada", "Tarik pada", "Embargo hingga": a datetime the edit view reads and writes in the
  // article's own zone (WIB, WITA, WIT), whatever the browser's zone (admin/src/components/ZonedDateTimeInput).
  strapi.customFields.register({ name: ZONED_DATETIME_FIELD, plugin: 'newsroom', type: 'datetime' });
  // What happens on every read and write: the ordered list in middlewares/index.ts.
  registerDocumentPipeline(strapi);
  extendGraphQL(strapi);
  hardenGraphQL(strapi);
  // The admin's slug generator gives the same slug as the slugs middleware.
  decorateUidGenerator(strapi);
  // Every uploaded image also gets 16:9, 4:3 and 1:1 crops for the NewsArticle JSON-LD.
  decorateImageManipulation(strapi);
  // Several instances behind a load balancer: a database restart is survived, a SIGTERM drains (README "Operations").
  surviveDatabaseRejections(strapi);
  drainBeforeDestroy(strapi);
};
