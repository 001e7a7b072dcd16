import type { Core } from '@strapi/strapi';
import { graphQLDocumentGuard } from './graphql/public-surface';
import { relatedSettings } from './utils/related/settings';
import { newsroomConfig } from './config';
import { databaseUnavailableAs503, watchDatabaseErrors } from './operations/database-unavailable';
import { answerHitsFirst } from './http-middlewares/response-cache/early-hits';
import { getService } from './get-service';
import { keepSqliteStatements } from './operations/sqlite-statements';
import { hideWorkflowFieldsInEditForm } from './services/workflow/edit-layout';

let reconciling: NodeJS.Timeout | null = null;
let reconcileInFlight: Promise<unknown> | null = null;

/** Stops the periodic "Berita Terkait" reconcile and lets a running one finish. */
export async function stopReconciling() {
  if (reconciling) clearInterval(reconciling);
  reconciling = null;
  await reconcileInFlight;
}

/** The plugin's destroy: this instance takes no more jobs and finishes the one in hand, then the reconcile, then
 * the Redis connections (response cache, readiness probe). */
export async function destroy({ strapi }: { strapi: Core.Strapi }) {
  await getService('jobs', strapi).stop();
  await stopReconciling();
  await getService('cdn-purge', strapi).stop();
  await getService('response-cache', strapi).stop();
  getService('readiness', strapi).close();
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // First of the plugin's Koa middlewares: it wraps the GraphQL guard and every route.
  watchDatabaseErrors(strapi);
  keepSqliteStatements(strapi);
  strapi.server.use(databaseUnavailableAs503(strapi));
  if (strapi.plugin('graphql')) strapi.server.use(graphQLDocumentGuard(strapi));
  // The store named by the cache config (memory, Redis, or none); the middleware answers nothing before it.
  await getService('response-cache', strapi).start();
  answerHitsFirst(strapi);
  // Every purge of the response cache (its CACHE_PURGE_EVENT) reaches the CDN or Varnish in front too.
  getService('cdn-purge', strapi).listen();

  // Super Admins hold every registered action; other roles get it in Settings → Roles.
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      displayName: 'WhatsApp follow settings',
      uid: 'settings.whatsapp-follow',
      subCategory: 'settings',
      pluginName: 'newsroom',
    },
    {
      section: 'plugins',
      displayName: 'Background jobs (parked jobs and their errors, retry)',
      uid: 'jobs.read',
      subCategory: 'jobs',
      pluginName: 'newsroom',
    },
    {
      section: 'plugins',
      displayName: 'Ad slot settings',
      uid: 'settings.ads',
      subCategory: 'settings',
      pluginName: 'newsroom',
    },
    {
      section: 'plugins',
      displayName: 'Take down an article (Dicabut)',
      uid: 'takedown',
      subCategory: 'editorial',
      pluginName: 'newsroom',
    },
    {
      // The whole activity log and its CSV; each article's own log is in its edit view for whoever may read it.
      section: 'plugins',
      displayName: 'Activity log',
      uid: 'settings.activity-log',
      subCategory: 'settings',
      pluginName: 'newsroom',
    },
  ]);

  await hideWorkflowFieldsInEditForm(strapi);

  // Durable jobs: every instance takes its share from the database, starting with what fell due while
  // all were down (the catch-up, oldest first).
  const jobs = getService('jobs', strapi);
  const handlers = { ...getService('schedule', strapi).handlers, ...getService('related-news', strapi).jobHandlers() };
  for (const [kind, handler] of Object.entries(handlers)) jobs.register(kind, handler);
  jobs.start();

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
