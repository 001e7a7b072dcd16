import type { Core } from '@strapi/strapi';
import { graphQLDocumentGuard } from './graphql/public-surface';
import { relatedSettings } from './utils/related/settings';
import { newsroomConfig } from './config';
import { databaseUnavailableAs503, watchDatabaseErrors } from './operations/database-unavailable';

let reconciling: NodeJS.Timeout | null = null;
let reconcileInFlight: Promise<unknown> | null = null;

/** Stops the periodic "Berita Terkait" reconcile and lets a running one finish (the plugin's destroy). */
export async function stopReconciling() {
  if (reconciling) clearInterval(reconciling);
  reconciling = null;
  await reconcileInFlight;
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // First of the plugin's Koa middlewares: it wraps the GraphQL guard and every route.
  watchDatabaseErrors(strapi);
  strapi.server.use(databaseUnavailableAs503(strapi));
  if (strapi.plugin('graphql')) strapi.server.use(graphQLDocumentGuard(strapi));

  // Super Admins hold every registered action; other roles get it in Settings → Roles.
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      displayName: 'WhatsApp follow settings',
      uid: 'settings.whatsapp-follow',
      subCategory: 'settings',
      pluginName: 'newsroom',
    },
  ]);

  // What a stopped process left unindexed is found right after boot and then now and then. Not awaited:
  // reads never depend on it (they check publication themselves), so it stays off the start-up path.
  const { reconcileMinutes } = relatedSettings(newsroomConfig(strapi).related);
  if (reconcileMinutes > 0) {
    const reconcile = () => {
      reconcileInFlight ??= strapi
        .plugin('newsroom')
        .service('related-news')
        .reconcile()
        .catch((error: Error) => strapi.log.error(`[newsroom] "Berita Terkait" reconcile failed: ${error.message}`))
        .finally(() => {
          reconcileInFlight = null;
        });
    };
    await stopReconciling();
    reconcile();
    reconciling = setInterval(reconcile, reconcileMinutes * 60_000);
    reconciling.unref();
  }
};
