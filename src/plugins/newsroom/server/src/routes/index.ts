import { ARTICLE_UID } from '../constants';

const PUBLIC_ROUTE = { auth: false as const };

/** The background jobs (parked ones and their errors): an administrator's view, a permission of its own. */
const JOBS_PERMISSION = { name: 'admin::hasPermissions', config: { actions: ['plugin::newsroom.jobs.read'] } };
/** What goes out in the next hours: whoever may read articles in the content manager. */
const READ_ARTICLES = {
  name: 'admin::hasPermissions',
  config: { actions: [['plugin::content-manager.explorer.read', ARTICLE_UID]] },
};
/** The workflow's routes: any admin who may read articles in the content manager. */
const ARTICLE_READERS = ['admin::isAuthenticatedAdmin', 'plugin::newsroom.may-read-articles'];
const workflowRoute = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler: `workflow.${handler}`,
  config: { policies: ARTICLE_READERS },
});

const SETTINGS_PERMISSION = {
  name: 'admin::hasPermissions',
  config: { actions: ['plugin::newsroom.settings.whatsapp-follow'] },
};

const ADS_PERMISSION = { name: 'admin::hasPermissions', config: { actions: ['plugin::newsroom.settings.ads'] } };
const TAKEDOWN_PERMISSION = { name: 'admin::hasPermissions', config: { actions: ['plugin::newsroom.takedown'] } };

export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/house-style',
        handler: 'house-style.show',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/whatsapp-follow',
        handler: 'whatsapp-follow.show',
        config: { policies: ['admin::isAuthenticatedAdmin', SETTINGS_PERMISSION] },
      },
      {
        method: 'GET',
        path: '/schedule/upcoming',
        handler: 'schedule.upcoming',
        config: { policies: ['admin::isAuthenticatedAdmin', READ_ARTICLES] },
      },
      {
        method: 'GET',
        path: '/jobs',
        handler: 'jobs.find',
        config: { policies: ['admin::isAuthenticatedAdmin', JOBS_PERMISSION] },
      },
      {
        method: 'POST',
        path: '/jobs/:id/retry',
        handler: 'jobs.retry',
        config: { policies: ['admin::isAuthenticatedAdmin', JOBS_PERMISSION] },
      },
      {
        method: 'GET',
        path: '/ad-slots',
        handler: 'editorial.showAds',
        config: { policies: ['admin::isAuthenticatedAdmin', ADS_PERMISSION] },
      },
      {
        method: 'PUT',
        path: '/ad-slots',
        handler: 'editorial.updateAds',
        config: { policies: ['admin::isAuthenticatedAdmin', ADS_PERMISSION] },
      },
      {
        method: 'GET',
        path: '/takedowns',
        handler: 'editorial.listTakedowns',
        config: { policies: ['admin::isAuthenticatedAdmin', TAKEDOWN_PERMISSION] },
      },
      {
        method: 'POST',
        path: '/takedowns',
        handler: 'editorial.withdraw',
        config: { policies: ['admin::isAuthenticatedAdmin', TAKEDOWN_PERMISSION] },
      },
      {
        method: 'PUT',
        path: '/whatsapp-follow',
        handler: 'whatsapp-follow.update',
        config: { policies: ['admin::isAuthenticatedAdmin', SETTINGS_PERMISSION] },
      },
      workflowRoute('GET', '/workflow', 'state'),
      workflowRoute('GET', '/workflow/stages', 'stages'),
      workflowRoute('POST', '/workflow/transition', 'transition'),
      workflowRoute('PUT', '/workflow/assignee', 'assign'),
      workflowRoute('GET', '/revisions', 'revisions'),
      workflowRoute('GET', '/revisions/compare', 'compare'),
      workflowRoute('GET', '/revisions/:id', 'revision'),
      workflowRoute('POST', '/revisions/:id/restore', 'restore'),
      workflowRoute('GET', '/activity', 'activity'),
      workflowRoute('GET', '/locks', 'lockStatus'),
      workflowRoute('POST', '/locks', 'lockTake'),
      workflowRoute('PUT', '/locks', 'lockHeartbeat'),
      workflowRoute('DELETE', '/locks', 'lockRelease'),
    ],
  },
  /**
   * The public site: the reader pages `/read/...`, `/rss/...` and `/sitemap*.xml`, at the root (not under
   * /api or /newsroom). Strapi has two router types; `admin` with an empty prefix is the one that mounts
   * routes at the root without the content API's auth: these are public, each handler reads published
   * content only, and `/read/preview` checks its signed token itself.
   */
  'public-site': {
    type: 'admin',
    prefix: '',
    routes: [
      { method: 'GET', path: '/read/preview', handler: 'reader.preview', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/read/:locale', handler: 'reader.home', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/read/:locale/kategori/:slug', handler: 'reader.category', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/read/:locale/tag/:slug', handler: 'reader.tag', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/read/:locale/penulis/:slug', handler: 'reader.author', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/read/:locale/:slug', handler: 'reader.article', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/sitemap.xml', handler: 'feeds.index', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/sitemap-news.xml', handler: 'feeds.news', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/sitemap-news/:file', handler: 'feeds.news', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/sitemaps/:locale/:file', handler: 'feeds.sitemap', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/rss/:file', handler: 'feeds.rss', config: PUBLIC_ROUTE },
      { method: 'GET', path: '/rss/:locale/:file', handler: 'feeds.rssCategory', config: PUBLIC_ROUTE },
    ],
  },
  /**
   * Probes for load balancers and orchestrators, at the root beside Strapi's own `GET /_health` (which
   * only says the process runs): `GET /_ready` says whether this instance can serve. Public like
   * `/_health`: it tells nothing but "ok" or "down" per dependency.
   */
  operations: {
    type: 'admin',
    prefix: '',
    routes: [{ method: 'GET', path: '/_ready', handler: 'readiness.show', config: PUBLIC_ROUTE }],
  },
};
