const PUBLIC_ROUTE = { auth: false as const };

const SETTINGS_PERMISSION = {
  name: 'admin::hasPermissions',
  config: { actions: ['plugin::newsroom.settings.whatsapp-follow'] },
};

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
        method: 'PUT',
        path: '/whatsapp-follow',
        handler: 'whatsapp-follow.update',
        config: { policies: ['admin::isAuthenticatedAdmin', SETTINGS_PERMISSION] },
      },
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
