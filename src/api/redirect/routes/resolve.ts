// `GET /api/redirects/resolve?path=/2023/10/27/slug/`: where an old URL leads, for frontends that serve
// the site themselves. Redirects have no other content-API route: editors manage them in the admin. Public (like the reader's own 301s): it only ever names published articles' URLs.
export default {
  routes: [
    {
      method: 'GET',
      path: '/redirects/resolve',
      handler: 'api::redirect.redirect.resolve',
      config: { auth: false },
    },
  ],
};
